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

    /**
     * The file a manifest names under top-level {@code key} ({@code gates: gates.yaml}), or {@code fallback} when it
     * names none or does not parse (the loader's default).
     */
    public static String manifestPath(byte[] manifest, String key, String fallback) {
        try {
            JsonNode named = LocatedTreeParser.parseYaml(Manifest.FILE, manifest).root().path(key);
            return named.isTextual() && !named.asText().isBlank() ? WorkspacePaths.normalize(named.asText()) : fallback;
        } catch (SourceSyntaxException | RuntimeException e) {
            return fallback;
        }
    }

    /**
     * {@code message} placed at the {@code id} key of the gate {@code id} in a gates file (its {@code gates} list), or
     * at line 0 when the file does not parse or has no such gate.
     */
    public static InputError atGate(String file, byte[] gates, String id, String message) {
        try {
            LocatedTree tree = LocatedTreeParser.parseYaml(file, gates);
            JsonNode list = tree.root().path("gates");
            for (int i = 0; i < list.size(); i++) {
                if (id.equals(list.get(i).path("id").asText(null))) {
                    return tree.errorAtKey(JsonPointers.child(JsonPointers.child("/gates", i), "id"), message);
                }
            }
        } catch (SourceSyntaxException e) {
            // Not YAML now: the message names the file, without a line.
        }
        return new InputError(file, 0, 0, message);
    }
}
