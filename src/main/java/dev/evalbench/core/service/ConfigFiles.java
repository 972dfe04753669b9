package dev.evalbench.core.service;

import dev.evalbench.core.io.AtomicFiles;
import dev.evalbench.core.text.LineEnds;
import dev.evalbench.core.text.Utf8Files;
import dev.evalbench.core.workspace.InputError;
import dev.evalbench.core.workspace.KeyPlaces;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A workspace's configuration files edited whole, as the workbench edits them: the manifest, the gates, the policy,
 * the routes, an output schema, a scripted model's rules. Before anything is written the workspace is loaded as it
 * would read with the edit ({@link EditedWorkspace}): a problem the loader gives with it that it did not give
 * without it (a gate of a suite that does not exist, a policy rule that no longer parses, a schema that is no JSON)
 * keeps the file as it is, and the problems are returned in {@code validate}'s words; problems the workspace had
 * already do not block. A changed policy saved under the revision it had gets the next one ({@link PolicyRevision}).
 * The write is atomic and keeps the file's line ends. Blocking file IO and two workspace loads
 * per call: off the UI thread. Stateless.
 */
public final class ConfigFiles {
    /**
     * What a save did: the problems the edit would add, nothing written; or, with none, the text written (with
     * {@code \n} line ends, as the window holds it) and the revision a changed policy was given (0: none given).
     */
    public record Saved(List<InputError> refused, String written, int revision) {
        public boolean isWritten() {
            return refused.isEmpty();
        }
    }

    private ConfigFiles() {}

    /**
     * Whether the workbench edits {@code file} (a path in the workspace, with {@code /}) here: a YAML or JSON file that
     * is not a prompt (the template editor saves those as revisions), a dataset (edited a case at a time) or a traffic
     * capture (production's requests as recorded, which a traffic run's replay stands on).
     */
    public static boolean editable(String file) {
        String lower = file.toLowerCase(Locale.ROOT);
        boolean config = lower.endsWith(".yaml") || lower.endsWith(".yml") || lower.endsWith(".json");
        return config && !file.startsWith("prompts/") && !file.startsWith("datasets/") && !file.startsWith("traffic/");
    }

    /**
     * The problems the workspace would have with {@code file} reading {@code text} that it does not have with the file
     * as it is on disk, in the loader's order; empty when the edit adds none.
     *
     * @throws IOException the file cannot be read
     */
    public static List<InputError> problemsAdded(Path workspace, String file, String text, Map<String, String> env)
            throws IOException {
        return problemsAdded(workspace, file, Utf8Files.read(workspace.resolve(file)), text, env);
    }

    /**
     * Where gate {@code id} is defined: the gates file evalbench.yaml names, at the gate's {@code id} key (line 0: the
     * file, when it has no such gate now or does not parse).
     *
     * @throws IOException the gates file cannot be read
     */
    public static InputError gatePlace(Path workspace, String id) throws IOException {
        String file = named(workspace, "gates", "gates.yaml");
        return KeyPlaces.atGate(file, java.nio.file.Files.readAllBytes(workspace.resolve(file)), id, "gate " + id);
    }

    /** The file evalbench.yaml names under {@code key}, else {@code fallback} (the loader's default). */
    private static String named(Path workspace, String key, String fallback) throws IOException {
        Path manifest = workspace.resolve(dev.evalbench.core.store.PromptTemplates.MANIFEST_FILE);
        return java.nio.file.Files.isRegularFile(manifest)
                ? KeyPlaces.manifestPath(java.nio.file.Files.readAllBytes(manifest), key, fallback) : fallback;
    }

    private static List<InputError> problemsAdded(Path workspace, String file, String disk, String text,
                                                  Map<String, String> env) {
        List<InputError> edited = EditedWorkspace.load(workspace, file, text, env).errors();
        if (edited.isEmpty()) return List.of();
        return EditedWorkspace.added(EditedWorkspace.load(workspace, file, disk, env).errors(), edited);
    }

    /**
     * Writes {@code text} as {@code file}, unless the workspace would read worse for it.
     *
     * @param base the file's text the edit was made to; the edit is refused when the file holds another now (its line
     *     ends aside: the window holds a text with {@code \n} alone)
     * @return the problems the edit would add, nothing written; or the text written (with the line ends the file had:
     *     {@code \r\n} throughout when it had any)
     * @throws EditRefusedException nothing written: the file changed on disk since {@code base} was read from it
     * @throws IOException the file cannot be read or written
     */
    public static Saved save(Path workspace, String file, String base, String text, Map<String, String> env)
            throws EditRefusedException, IOException {
        return save(workspace, file, base, text, env, false);
    }

    /**
     * As {@link #save(Path, String, String, String, Map)}; with {@code newRevision}, the policy gets the next revision
     * even when its text is as the file holds it (a stored run read another text under the revision it gives: the
     * Problems panel's warning, which a new revision ends).
     */
    public static Saved save(Path workspace, String file, String base, String text, Map<String, String> env,
                             boolean newRevision) throws EditRefusedException, IOException {
        String disk = Utf8Files.read(workspace.resolve(file));
        if (!LineEnds.toLf(disk).equals(LineEnds.toLf(base))) {
            throw new EditRefusedException(file + " changed on disk since it was read here: nothing was written. Load"
                    + " its text again, or copy your edits first");
        }
        PolicyRevision.Raised raised = new PolicyRevision.Raised(LineEnds.toLf(text), 0);
        if (file.equals(named(workspace, "policy", "policy.yaml"))) {
            raised = PolicyRevision.raised(LineEnds.toLf(disk), raised.text(), newRevision);
        }
        List<InputError> added = problemsAdded(workspace, file, disk, raised.text(), env);
        if (!added.isEmpty()) return new Saved(added, null, 0);
        AtomicFiles.write(workspace.resolve(file), LineEnds.like(raised.text(), disk).getBytes(StandardCharsets.UTF_8));
        return new Saved(List.of(), raised.text(), raised.revision());
    }
}
