package dev.evalbench.core.gate.ci;

import dev.evalbench.core.gate.GateReport;
import dev.evalbench.core.gate.GateVerdict;

/**
 * GitHub Actions workflow commands for failed gates, one {@code ::error title=...::message} line each, so
 * the failure shows on the run's summary page. Escaped as GitHub requires: {@code %}, CR and LF in the
 * message; additionally {@code :} and {@code ,} in the title. Empty when every gate passed. Stateless.
 */
public final class GithubAnnotations {

    public String render(GateReport report) {
        StringBuilder out = new StringBuilder();
        for (GateVerdict v : report.verdicts()) {
            if (v.passed()) {
                continue;
            }
            String title = "Evalbench gate " + v.id() + " failed";
            String message = v.detail() + " (" + VerdictFormat.summary(v) + ")";
            out.append("::error title=").append(property(title)).append("::").append(data(message)).append('\n');
        }
        return out.toString();
    }

    static String data(String text) {
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    static String property(String text) {
        return data(text).replace(":", "%3A").replace(",", "%2C");
    }
}
