package dev.evalbench.core.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * An output was asked for inside a path whose part is a file, not a folder ({@code --out notes.txt/report}): the path
 * the user named is wrong, not the machine. Its message names the file in the way and what was to be written.
 */
public final class NotAFolderException extends IOException {
    /**
     * @param file   the existing file that stands where a folder should be
     * @param wanted what was to be written: the output file, or the folder asked for
     */
    public NotAFolderException(Path file, Path wanted) {
        super(file + " is a file, not a folder: " + wanted + " cannot be written under it");
    }
}
