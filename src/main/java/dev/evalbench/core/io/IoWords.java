package dev.evalbench.core.io;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.ReadOnlyFileSystemException;

/**
 * An I/O failure in the user's words: what happened to which file, never a Java class name (the JDK's
 * file exceptions carry only the path as their message, so printing them raw says
 * {@code java.nio.file.AccessDeniedException: /x}). Stateless and thread-safe.
 */
public final class IoWords {
    private IoWords() {}

    public static String of(IOException e) {
        if (e instanceof AccessDeniedException a) return "permission denied: " + a.getFile();
        if (e instanceof NoSuchFileException n) return "no such file or folder: " + n.getFile();
        if (e instanceof FileAlreadyExistsException f) return "already exists: " + f.getFile();
        if (e instanceof NotDirectoryException d) return "not a folder: " + d.getFile();
        if (e instanceof DirectoryNotEmptyException d) return "folder not empty: " + d.getFile();
        if (e instanceof CharacterCodingException) return "the text is not valid UTF-8";
        if (e instanceof FileSystemException f) {
            String reason = f.getReason();
            return (reason == null ? "cannot use" : reason.toLowerCase(java.util.Locale.ROOT)) + ": " + f.getFile();
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? "input/output error" : message;
    }

    /** The same for an unchecked wrapper or a read-only file system. */
    public static String of(RuntimeException e) {
        if (e instanceof java.io.UncheckedIOException u) return of(u.getCause());
        if (e instanceof ReadOnlyFileSystemException) return "the file system is read-only";
        return e.getMessage() == null ? "unexpected failure" : e.getMessage();
    }
}
