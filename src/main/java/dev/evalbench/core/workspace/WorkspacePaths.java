package dev.evalbench.core.workspace;

import java.util.ArrayList;
import java.util.List;

/** Relative workspace paths: '/' separators, no "." or empty segments, never absolute, never "..". */
final class WorkspacePaths {
    private WorkspacePaths() {}

    /**
     * The canonical form of a relative path ({@code ./prompts//a.yaml} becomes {@code prompts/a.yaml}).
     *
     * @throws IllegalArgumentException for an absolute path, a drive letter, a backslash or a ".." segment,
     *     any of which could reach outside the workspace
     */
    static String normalize(String path) {
        if (path.isEmpty()) return "";
        if (path.startsWith("/") || path.indexOf('\\') >= 0 || path.matches("^[A-Za-z]:.*")) {
            throw new IllegalArgumentException("not a relative workspace path: " + path);
        }
        List<String> kept = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) continue;
            if (segment.equals("..")) throw new IllegalArgumentException("path leaves the workspace: " + path);
            kept.add(segment);
        }
        return String.join("/", kept);
    }
}
