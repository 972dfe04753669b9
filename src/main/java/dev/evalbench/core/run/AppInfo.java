package dev.evalbench.core.run;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The application version (from the build) and the git commit of the workspace's checkout, both recorded
 * with every case. The commit is read from the .git folder directly: no git process, nothing on the PATH.
 */
public record AppInfo(String version, String gitCommit) {

    public static String appVersion() {
        try (InputStream in = AppInfo.class.getResourceAsStream("/evalbench-version.properties")) {
            if (in == null) return "dev";
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }

    public static AppInfo forWorkspace(Path workspaceRoot) {
        return new AppInfo(appVersion(), gitCommit(workspaceRoot));
    }

    /** The commit HEAD points at in the repository holding {@code dir}, or null when there is none. */
    static String gitCommit(Path dir) {
        for (Path d = dir.toAbsolutePath().normalize(); d != null; d = d.getParent()) {
            Path git = d.resolve(".git");
            try {
                if (Files.isRegularFile(git)) {
                    // A worktree or submodule: ".git" is a file pointing at the real git dir.
                    String pointer = Files.readString(git, StandardCharsets.UTF_8).trim();
                    if (!pointer.startsWith("gitdir:")) return null;
                    return headOf(d.resolve(pointer.substring(7).trim()).normalize());
                }
                if (Files.isDirectory(git)) return headOf(git);
            } catch (IOException e) {
                return null;
            }
        }
        return null;
    }

    private static String headOf(Path gitDir) throws IOException {
        String head = Files.readString(gitDir.resolve("HEAD"), StandardCharsets.UTF_8).trim();
        if (!head.startsWith("ref:")) return head.isEmpty() ? null : head;
        String ref = head.substring(4).trim();
        Path commonDir = gitDir;
        Path common = gitDir.resolve("commondir");
        if (Files.isRegularFile(common)) commonDir = gitDir.resolve(Files.readString(common).trim()).normalize();
        for (Path base : new Path[] {gitDir, commonDir}) {
            Path loose = base.resolve(ref);
            if (Files.isRegularFile(loose)) return Files.readString(loose, StandardCharsets.UTF_8).trim();
            Path packed = base.resolve("packed-refs");
            if (Files.isRegularFile(packed)) {
                for (String line : Files.readAllLines(packed, StandardCharsets.UTF_8)) {
                    if (line.endsWith(" " + ref)) return line.substring(0, line.indexOf(' '));
                }
            }
        }
        return null; // a branch with no commit yet
    }
}
