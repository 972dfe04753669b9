package dev.evalbench.core.workspace;

import java.util.ArrayList;
import java.util.List;

/**
 * evalbench.yaml as read, with the parsed tree kept for locating later cross-file errors and its text for
 * placing errors inside expressions (CEL checks).
 */
record Manifest(
        LocatedTree tree,
        String name,
        String description,
        String defaultRoute,
        String routesPath,
        String policyPath,
        String gatesPath,
        List<String> preprocess,
        List<SuiteDecl> suites,
        String text) {

    static final String FILE = "evalbench.yaml";

    /** One suite entry; {@code pointer} locates it in the manifest. */
    record SuiteDecl(
            String pointer,
            String name,
            SuiteKind kind,
            String promptId,
            String dataset,
            String version,
            List<String> classification,
            List<String> extraction,
            String routing,
            java.util.Map<String, ExtractionRule> extractionRules,
            List<CheckSpec> checks,
            List<String> selectTags,
            List<JudgeSpec> judges) {

        /** Every field a task suite scores: classification, extraction, then routing. */
        List<String> scoredFields() {
            List<String> fields = new ArrayList<>(classification);
            fields.addAll(extraction);
            if (routing != null) fields.add(routing);
            return fields;
        }
    }
}
