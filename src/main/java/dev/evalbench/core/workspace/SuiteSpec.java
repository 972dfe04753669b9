package dev.evalbench.core.workspace;

import java.util.List;
import java.util.Map;

/**
 * A suite from the manifest. {@code classification}, {@code extraction} and {@code routing} are empty/null for
 * safety suites. {@code datasetHash} is the SHA-256 of the dataset file's bytes (as the workspace reads them:
 * {@link WorkspaceFiles}). {@code extractionRules} holds the normalizers and tolerance of the extraction fields
 * that have any (a field without an entry is compared exactly); {@code checks} are the suite's CEL checks, already
 * type-checked at load; {@code judges} its model-graded judges, rubrics loaded and routes checked.
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
        List<EvalCase> cases,
        Map<String, ExtractionRule> extractionRules,
        List<CheckSpec> checks,
        List<JudgeSpec> judges) {

    public SuiteSpec {
        extractionRules = extractionRules == null ? Map.of() : Map.copyOf(extractionRules);
        checks = checks == null ? List.of() : List.copyOf(checks);
        judges = judges == null ? List.of() : List.copyOf(judges);
    }

    /** A suite without judges. */
    public SuiteSpec(String name, SuiteKind kind, String promptId, String dataset, String version,
                     List<String> classification, List<String> extraction, String routing, String datasetHash,
                     List<EvalCase> cases, Map<String, ExtractionRule> extractionRules, List<CheckSpec> checks) {
        this(name, kind, promptId, dataset, version, classification, extraction, routing, datasetHash, cases,
                extractionRules, checks, List.of());
    }

    /** The judge named {@code name}, if the suite has one. */
    public java.util.Optional<JudgeSpec> judge(String judgeName) {
        return judges.stream().filter(j -> j.name().equals(judgeName)).findFirst();
    }

    /**
     * Each case's restricted values by case id (cases without any left out), for masking what leaves the machine.
     * A stored run's suite whose cases were not read yet answers from its dataset's bytes without parsing the
     * cases (so it may name cases of other suites sharing the dataset: masking more never leaks).
     */
    public Map<String, List<String>> restrictedById() {
        return cases instanceof LazyCases lazy ? lazy.restrictedById() : restrictedById(cases);
    }

    /** The restricted values of built cases, by case id (cases without any left out). */
    static Map<String, List<String>> restrictedById(List<EvalCase> cases) {
        Map<String, List<String>> byId = new java.util.LinkedHashMap<>();
        for (EvalCase c : cases) {
            if (c.restricted() != null && !c.restricted().isEmpty()) byId.put(c.id(), c.restricted());
        }
        return byId;
    }

    /** A suite without extraction rules or checks. */
    public SuiteSpec(String name, SuiteKind kind, String promptId, String dataset, String version,
                     List<String> classification, List<String> extraction, String routing, String datasetHash,
                     List<EvalCase> cases) {
        this(name, kind, promptId, dataset, version, classification, extraction, routing, datasetHash, cases,
                Map.of(), List.of(), List.of());
    }
}
