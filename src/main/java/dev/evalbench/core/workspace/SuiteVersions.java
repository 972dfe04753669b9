package dev.evalbench.core.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The eval set version each suite declares in a workspace's {@code evalbench.yaml}, read from its bytes alone (a
 * run's snapshot of the file): nothing else of the workspace is loaded or checked. Stateless.
 */
public final class SuiteVersions {
    /** The workspace file the versions are read from, as run inputs name it. */
    public static final String FILE = Manifest.FILE;

    private SuiteVersions() {}

    /**
     * Suite name to its {@code version}, in the file's order; a suite without one is left out. A file that is not
     * YAML, or has no suites, gives an empty map: the caller only compares versions and has nothing to say then.
     */
    public static Map<String, String> of(byte[] manifest) {
        Map<String, String> versions = new LinkedHashMap<>();
        JsonNode root;
        try {
            root = LocatedTreeParser.parseYaml(Manifest.FILE, manifest).root();
        } catch (SourceSyntaxException e) {
            return versions;
        }
        for (JsonNode suite : root.path("suites")) {
            JsonNode name = suite.path("name");
            JsonNode version = suite.path("version");
            if (name.isTextual() && version.isValueNode() && !version.isNull()) versions.put(name.asText(), version.asText());
        }
        return versions;
    }
}
