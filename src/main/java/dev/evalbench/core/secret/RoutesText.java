package dev.evalbench.core.secret;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A routes file's text as a comparison shows it, without what could be a secret written into it against the docs
 * (a key belongs in an environment variable that {@code api_key_env} or {@code secret_headers} names): every value of
 * a route's {@code headers} (a gateway's "Bearer …" pasted in), the user and password of a URL, and the value of a
 * URL's query parameter named like a key, token, signature or password. A value that is only a {@code ${VARIABLE}}
 * reference is kept: it names the variable, not its value. The diff of two such texts shows that a hidden value
 * changed, never what it was; an export or a report folder carries the routes file so. Line by line, so line numbers
 * stay the file's. Pure.
 */
public final class RoutesText {
    public static final String HIDDEN = "[not shown]";
    /** The routes file as a run lists it among its inputs (the manifest's default name). */
    public static final String FILE = "routes.yaml";

    private static final Pattern HEADERS = Pattern.compile("^(\\s*)(?:-\\s+)?headers\\s*:\\s*(\\{.*)?$");
    /** An entry of a flow mapping: its key, then a quoted value, a variable reference or a plain run up to , or }. */
    private static final Pattern FLOW_ENTRY = Pattern.compile(
            "([{,]\\s*[^:{},]+:\\s*)(\"(?:[^\"\\\\]|\\\\.)*\"|'[^']*'|\\$\\{[^}]*}|[^,}]+)");
    private static final Pattern BLOCK_ENTRY = Pattern.compile("^(\\s*[^:#\\s][^:]*:\\s*)(\\S.*)$");
    private static final Pattern URL_USER = Pattern.compile("(://)[^/@\\s'\"]+@");
    private static final Pattern SECRET_QUERY = Pattern.compile(
            "([?&][^=&\\s'\"]*(?i:key|token|secret|sig|signature|password|pwd)[^=&\\s'\"]*=)[^&\\s'\"]+");
    private static final Pattern ONLY_VARIABLE = Pattern.compile("['\"]?\\$\\{[^}]+}['\"]?\\s*(#.*)?");

    private RoutesText() {}

    /** {@code text} with header values, URL credentials and secret-named query values replaced by {@link #HIDDEN}. */
    public static String shown(String text) {
        List<String> out = new ArrayList<>();
        int headersIndent = -1;
        for (String line : text.split("\n", -1)) {
            int indent = indent(line);
            boolean content = !line.isBlank() && !line.trim().startsWith("#");
            if (headersIndent >= 0 && content && indent <= headersIndent) headersIndent = -1;
            Matcher headers = HEADERS.matcher(line);
            if (headers.matches()) {
                if (headers.group(2) == null) {
                    headersIndent = indent;
                    out.add(urls(line));
                } else {
                    out.add(flowValuesHidden(line, headers.start(2)));
                }
            } else if (headersIndent >= 0) {
                Matcher entry = BLOCK_ENTRY.matcher(line);
                out.add(entry.matches() ? entry.group(1) + hidden(entry.group(2)) : line);
            } else {
                out.add(urls(line));
            }
        }
        return String.join("\n", out);
    }

    private static String flowValuesHidden(String line, int from) {
        Matcher m = FLOW_ENTRY.matcher(line);
        StringBuilder out = new StringBuilder(line.substring(0, from));
        int last = from;
        m.region(from, line.length());
        while (m.find()) {
            out.append(line, last, m.start(2)).append(hidden(m.group(2).strip()));
            last = m.end(2);
        }
        return out.append(line.substring(last)).toString();
    }

    private static String hidden(String value) {
        return ONLY_VARIABLE.matcher(value).matches() ? value : HIDDEN;
    }

    private static String urls(String line) {
        String noUser = URL_USER.matcher(line).replaceAll("$1" + Matcher.quoteReplacement(HIDDEN) + "@");
        return SECRET_QUERY.matcher(noUser).replaceAll("$1" + Matcher.quoteReplacement(HIDDEN));
    }

    private static int indent(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') i++;
        return i;
    }
}
