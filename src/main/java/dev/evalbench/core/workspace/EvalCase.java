package dev.evalbench.core.workspace;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One line of a dataset. {@code vars} are the template variables (after preprocessing); {@code expected} is
 * null for safety probes; {@code expect} is null for task cases. {@code line} is the 1-based line in
 * {@code file}, for error messages.
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
        int line) {}
