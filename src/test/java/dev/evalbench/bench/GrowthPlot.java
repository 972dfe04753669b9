package dev.evalbench.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Draws docs/images/growth.svg from the lines {@code docs/bench.sh grid} prints: for runs answered at once, the
 * median wall time, CPU time and peak resident memory against the number of calls (log scale): before, after,
 * and after with the packaged image's JVM options; one panel each. Plain SVG text, no library, so the picture is regenerated with the figures.
 *
 * <p>Run: {@code java -cp target/test-classes dev.evalbench.bench.GrowthPlot BEFORE.txt AFTER.txt OUT.svg [NOTE]},
 * NOTE being the line under the panels (how and where the figures were taken).
 */
public final class GrowthPlot {
    private static final String LINE = " calls=(\\d+) delay_ms=0 .*wall_s=([\\d.]+) cpu_s=([\\d.]+) peak_rss_mb=(\\d+)";
    private static final String[] TITLES = {"wall time (s)", "CPU time, user + system (s)", "peak resident memory (MB)"};
    private static final int PANEL_W = 300;
    private static final int PANEL_H = 220;
    private static final int MARGIN = 50;

    private GrowthPlot() {}

    public static void main(String[] args) throws IOException {
        Map<Integer, double[]> before = medians(Path.of(args[0]), "e2e");
        Map<Integer, double[]> after = medians(Path.of(args[1]), "e2e");
        Map<Integer, double[]> tuned = medians(Path.of(args[1]), "e2e-tuned");
        StringBuilder svg = new StringBuilder();
        int width = 3 * (PANEL_W + MARGIN) + MARGIN;
        int height = PANEL_H + 2 * MARGIN + 30;
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"sans-serif\" font-size=\"11\">\n<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>\n",
                width, height));
        for (int metric = 0; metric < 3; metric++) {
            panel(svg, MARGIN + metric * (PANEL_W + MARGIN), MARGIN, metric, before, after, tuned);
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"#c0392b\">● before</text>"
                + "<text x=\"%d\" y=\"%d\" fill=\"#1f6fb2\">● after</text>"
                + "<text x=\"%d\" y=\"%d\" fill=\"#27ae60\">● after, packaged JVM options</text>"
                + "<text x=\"%d\" y=\"%d\" fill=\"#555\">%s</text>\n",
                MARGIN, height - 12, MARGIN + 70, height - 12, MARGIN + 130, height - 12, MARGIN + 330, height - 12,
                args.length > 3 ? args[3] : "calls answered at once, concurrency 64; medians; 2-core machine under load"));
        svg.append("</svg>\n");
        Files.writeString(Path.of(args[2]), svg, StandardCharsets.UTF_8);
    }

    private static void panel(StringBuilder svg, int x0, int y0, int metric, Map<Integer, double[]> before,
                              Map<Integer, double[]> after, Map<Integer, double[]> tuned) {
        double max = 0;
        for (double[] v : before.values()) max = Math.max(max, v[metric]);
        for (double[] v : after.values()) max = Math.max(max, v[metric]);
        for (double[] v : tuned.values()) max = Math.max(max, v[metric]);
        max = niceCeiling(max);
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-weight=\"bold\">%s</text>\n", x0, y0 - 12, TITLES[metric]));
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#999\"/>\n",
                x0, y0, PANEL_W, PANEL_H));
        for (int i = 0; i <= 4; i++) {
            double v = max * i / 4;
            int y = y0 + PANEL_H - (int) Math.round(PANEL_H * i / 4.0);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#eee\"/>"
                    + "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>\n", x0, y, x0 + PANEL_W, y, x0 - 4, y + 4, label(v)));
        }
        for (int calls : new int[] {1000, 10000, 100000}) {
            int x = xOf(x0, calls);
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%,d</text>\n",
                    x, y0 + PANEL_H + 14, calls));
        }
        line(svg, x0, y0, metric, max, before, "#c0392b");
        line(svg, x0, y0, metric, max, after, "#1f6fb2");
        line(svg, x0, y0, metric, max, tuned, "#27ae60");
    }

    private static void line(StringBuilder svg, int x0, int y0, int metric, double max, Map<Integer, double[]> points,
                             String color) {
        List<String> xy = new ArrayList<>();
        points.forEach((calls, v) -> {
            int x = xOf(x0, calls);
            int y = y0 + PANEL_H - (int) Math.round(PANEL_H * v[metric] / max);
            xy.add(x + "," + y);
            svg.append(String.format(Locale.ROOT, "<circle cx=\"%d\" cy=\"%d\" r=\"3\" fill=\"%s\"/>\n", x, y, color));
        });
        svg.append(String.format(Locale.ROOT, "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>\n",
                String.join(" ", xy), color));
    }

    private static int xOf(int x0, int calls) {
        double t = (Math.log10(calls) - 3) / 2; // 1,000 .. 100,000
        return x0 + 15 + (int) Math.round((PANEL_W - 30) * t);
    }

    private static double niceCeiling(double v) {
        double step = Math.pow(10, Math.floor(Math.log10(Math.max(v, 1e-9))));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * step >= v) return m * step;
        }
        return 10 * step;
    }

    private static String label(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%,d", (long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    /** calls -> {wall, cpu, rss} medians of the lines labelled {@code label} answered at once. */
    static Map<Integer, double[]> medians(Path grid, String label) throws IOException {
        Pattern e2e = Pattern.compile("^" + Pattern.quote(label) + LINE);
        Map<Integer, List<double[]>> runs = new TreeMap<>();
        for (String line : Files.readAllLines(grid)) {
            Matcher m = e2e.matcher(line);
            if (m.find()) {
                runs.computeIfAbsent(Integer.parseInt(m.group(1)), k -> new ArrayList<>()).add(new double[] {
                        Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3)), Double.parseDouble(m.group(4))});
            }
        }
        Map<Integer, double[]> medians = new TreeMap<>();
        runs.forEach((calls, list) -> {
            double[] med = new double[3];
            for (int i = 0; i < 3; i++) {
                final int k = i;
                double[] sorted = list.stream().mapToDouble(v -> v[k]).sorted().toArray();
                med[i] = sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                        : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
            }
            medians.put(calls, med);
        });
        return medians;
    }
}
