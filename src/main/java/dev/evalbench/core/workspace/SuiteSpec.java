package dev.evalbench.core.workspace;

import java.util.List;

/**
 * A suite from the manifest. {@code classification}, {@code extraction} and {@code routing} are empty/null for
 * safety suites. {@code datasetHash} is the SHA-256 of the dataset file's bytes.
 */
public record SuiteSpec(
        String name,
        SuiteKind kind,
        String promptId,
        String dataset,
        String version,
        List<String> classification,
        List<String> extraction,
        String routing,
        String datasetHash,
        List<EvalCase> cases) {}
