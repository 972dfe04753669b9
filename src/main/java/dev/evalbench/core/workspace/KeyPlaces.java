package dev.evalbench.core.workspace;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Where a key of a workspace's YAML file sits, so a message about its value points at the line to change: a
 * prompt's {@code revision}, a suite's {@code version} in {@code evalbench.yaml}. Parses the file as the loader
 * does. Stateless.
 */
public final class KeyPlaces {
    private KeyPlaces() {}

    /**
     * {@code message} placed at the key of the top-level value {@code key} of {@code file}, or at line 0 (the file,
     * no line) when the file does not parse or has no such key.
     */
    public static InputError atTopLevelKey(String file, byte[] yaml, String key, String message) {
        try {
            LocatedTree tree = LocatedTreeParser.parseYaml(file, yaml);
            String pointer = JsonPointers.child("", key);
            return tree.root().has(key) ? tree.errorAtKey(pointer, message) : new InputError(file, 0, 0, message);
        } catch (SourceSyntaxException e) {
            return new InputError(file, 0, 0, message);
        }
    }

    /**
     * {@code message} placed at the key {@code key} of the suite named {@code suite} in a manifest (its
     * {@code suites} list), else at that suite's entry, else at line 0.
     */
    public static InputError atSuiteKey(byte[] manifest, String suite, String key, String message) {
        try {
            LocatedTree tree = LocatedTreeParser.parseYaml(Manifest.FILE, manifest);
            JsonNode suites = tree.root().path("suites");
            for (int i = 0; i < suites.size(); i++) {
                if (suite.equals(suites.get(i).path("name").asText(null))) {
                    String entry = JsonPointers.child("/suites", i);
                    String pointer = suites.get(i).has(key) ? JsonPointers.child(entry, key) : entry;
                    return tree.errorAtKey(pointer, message);
                }
            }
        } catch (SourceSyntaxException e) {
            // Not YAML now: the message names the file, without a line.
        }
        return new InputError(Manifest.FILE, 0, 0, message);
    }
}
