package dev.evalbench.core.workspace;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One line of a dataset. {@code vars} are the template variables (after preprocessing); {@code expected} is
 * null for safety probes; {@code expect} is null for task cases. {@code line} is the 1-based line in
 * {@code file}, for error messages. {@code labels} are the human scores the case carries, by judge name
 * (checked at load against the suite's judges and their scales); empty when it has none.
 */
public record EvalCase(
        String id,
        ObjectNode vars,
        ObjectNode expected,
        List<String> restricted,
        List<String> tags,
        SafetyExpectation expect,
        boolean blocking,
        String file,
        int line,
        java.util.Map<String, Integer> labels) {

    public EvalCase {
        labels = labels == null ? java.util.Map.of() : java.util.Map.copyOf(labels);
    }

    /** A case without human labels. */
    public EvalCase(String id, ObjectNode vars, ObjectNode expected, List<String> restricted, List<String> tags,
                    SafetyExpectation expect, boolean blocking, String file, int line) {
        this(id, vars, expected, restricted, tags, expect, blocking, file, line, java.util.Map.of());
    }
}
