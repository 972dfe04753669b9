package dev.evalbench.core.service;

import dev.evalbench.core.io.AtomicFiles;
import dev.evalbench.core.text.LineEnds;
import dev.evalbench.core.text.Utf8Files;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Saves prompt revisions to disk: the edited text as revision + 1 with its changelog line, or a rollback to an
 * older version's template as a new revision. Each write is atomic, and a copy of the text written and of the
 * text it replaced is kept in {@link SavedRevisions}; a file keeps its line ends ({@link LineEnds}). Blocking file
 * IO: call off the UI thread. Failures:
 * {@link PromptFileException} for text that cannot be a new revision (nothing written), {@link IOException} for
 * the disk, or for a file on disk that is not UTF-8 (nothing written: it is not replaced by what was typed).
 */
public final class PromptSaver {
    private PromptSaver() {}

    /**
     * Writes {@code text} as the revision after the one on disk and returns what was written: a number the author
     * typed above it is kept (typing "revision: 5" over 4 saves 5, not 6).
     */
    public static String saveNext(Path workspace, String file, String text, String changelog)
            throws PromptFileException, IOException {
        String before = onDisk(workspace, file);
        int saved = before == null ? -1 : PromptRevisions.revisionOf(file, before);
        return write(workspace, file, before, PromptRevisions.nextRevision(file, text, changelog, saved));
    }

    /** Writes the file on disk as a new revision with {@code old}'s system and body; returns what was written. */
    public static String rollback(Path workspace, String file, PromptVersion old) throws PromptFileException, IOException {
        return rollback(workspace, file, old, text -> { });
    }

    /**
     * As {@link #rollback(Path, String, PromptVersion)}, after {@code refuse} has read the text that would be
     * written and not thrown: a caller that checks its templates (the editor, as its save does) refuses to write a
     * revision the workspace could not load, such as one kept from the file as edited outside the workbench.
     */
    public static String rollback(Path workspace, String file, PromptVersion old, TextCheck refuse)
            throws PromptFileException, IOException {
        if (old.parts() == null) throw new PromptFileException(file, 0, 0, "that version does not parse; it cannot be rolled back to");
        String now = Utf8Files.read(workspace.resolve(file));
        String text = PromptRevisions.rollback(file, now, old.parts().system(), old.parts().body(), old.revision());
        refuse.check(text);
        return write(workspace, file, now, text);
    }

    /** A check of a prompt file's text before it is written; throws what is wrong with it. */
    @FunctionalInterface
    public interface TextCheck {
        void check(String text) throws PromptFileException;
    }

    /** The file's text on disk, or null when there is none. */
    private static String onDisk(Path workspace, String file) throws IOException {
        Path onDisk = workspace.resolve(file);
        return Files.isRegularFile(onDisk) ? Utf8Files.read(onDisk) : null;
    }

    /**
     * Writes {@code edited} over {@code before} (the file's text as just read, null when there is none) with the line
     * ends the file has ({@code \r\n} kept); returns what was written.
     */
    private static String write(Path workspace, String file, String before, String edited) throws IOException {
        // The text being replaced is kept first: a revision that was never saved here, run or committed (the file
        // as it came, or as edited outside the workbench) would otherwise leave the history, and its roll back.
        if (before != null) SavedRevisions.keep(workspace, file, before);
        String text = LineEnds.like(edited, before);
        AtomicFiles.write(workspace.resolve(file), text.getBytes(StandardCharsets.UTF_8));
        SavedRevisions.keep(workspace, file, text);
        return text;
    }
}
