package dev.evalbench.cli;

import dev.evalbench.core.service.RequestException;
import dev.evalbench.core.service.RunLookup;

/**
 * Words a core {@link RequestException} for the command line: a request field becomes the flag that sets it,
 * and a run reference that matched nothing points to {@code evalbench history}. Core never names flags.
 */
final class RequestWording {
    private RequestWording() {}

    static String of(RequestException e) {
        if ((e.field().equals("caseIds") || e.field().equals("tags")) && e.value() != null) {
            return (e.field().equals("caseIds") ? "--case " : "--tag ") + e.value() + ": " + e.reason();
        }
        if (e.field().equals("tag") || e.field().equals("case") || e.field().equals("workspace")) {
            // The reason already names the value; say which flag finds the workspace.
            // A workspace that was searched for and not found gets the flag that names one.
            return e.reason() + (e.field().equals("workspace") && e.value() == null ? " (name one with --workspace DIR)" : "");
        }
        String where = switch (e.field()) {
            case "route", "suite", "repeat", "concurrency", "baseline", "limit" -> "--" + e.field();
            default -> e.value() != null ? e.value() : e.field();
        };
        String hint = e.reason().startsWith(RunLookup.NOT_FOUND) ? " (see `evalbench history`)" : "";
        return where + ": " + e.reason() + hint;
    }
}
