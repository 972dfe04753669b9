package dev.evalbench.core.report.html;

import java.util.Locale;

/**
 * A small inline-SVG writer: no namespace URL (inline SVG in HTML needs none), classes for colours so the
 * page's style sheet (and its dark mode) decides them, text escaped. Single-threaded.
 */
final class Svg {
    private final StringBuilder out = new StringBuilder(4096);

    Svg(int width, int height, String label) {
        out.append("<svg class=\"chart\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" role=\"img\" aria-label=\"").append(Html.attr(label)).append("\">");
        element("title", label);
    }

    Svg rect(double x, double y, double w, double h, String cssClass, String tooltip) {
        out.append("<rect class=\"").append(cssClass).append("\" x=\"").append(n(x)).append("\" y=\"").append(n(y))
                .append("\" width=\"").append(n(Math.max(0, w))).append("\" height=\"").append(n(Math.max(0, h))).append("\">");
        if (tooltip != null) element("title", tooltip);
        out.append("</rect>");
        return this;
    }

    Svg line(double x1, double y1, double x2, double y2, String cssClass) {
        out.append("<line class=\"").append(cssClass).append("\" x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1))
                .append("\" x2=\"").append(n(x2)).append("\" y2=\"").append(n(y2)).append("\"/>");
        return this;
    }

    /** @param anchor "start", "middle" or "end" */
    Svg text(double x, double y, String anchor, String cssClass, String text) {
        out.append("<text class=\"").append(cssClass).append("\" x=\"").append(n(x)).append("\" y=\"").append(n(y))
                .append("\" text-anchor=\"").append(anchor).append("\">").append(Html.text(text)).append("</text>");
        return this;
    }

    private void element(String tag, String text) {
        out.append('<').append(tag).append('>').append(Html.text(text)).append("</").append(tag).append('>');
    }

    String end() {
        return out.append("</svg>").toString();
    }

    static String n(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
