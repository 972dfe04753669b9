package dev.evalbench.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A fresh folder laid out like a clone as the docs assume it: {@code workspaces/support-triage} (a copy of the
 * sample, no history), {@code target/evalbench.jar} (a link to {@link TestJar}'s), and a {@code bin/} first on PATH holding {@code evalbench}
 * (the jar) and stand-ins for what a test cannot run: {@code mvn} (the jar is built already) and {@code gh}
 * (GitHub's CLI, over a folder of artifacts). Keys go to a config folder inside it.
 */
final class DocsSandbox {
    final Path root;
    final Path bin;
    final Path artifacts;

    DocsSandbox(Path root, Path artifacts) throws IOException {
        this.root = root;
        this.artifacts = artifacts;
        Files.createDirectories(root.resolve("workspaces"));
        Cli.copyTree(Cli.SAMPLE, root.resolve("workspaces/support-triage"));
        Files.createDirectories(root.resolve("target"));
        // A link, not a copy: the docs' `java -jar target/evalbench.jar` then names the very jar TestJar's class-data
        // archive was made from, and starts as fast as `evalbench` does (a copy does not match the archive).
        Files.createSymbolicLink(root.resolve("target/evalbench.jar"), TestJar.path());
        bin = Files.createDirectories(root.resolve(".docs-test-bin"));
        script("evalbench", "exec '" + TestJar.java() + "' -jar '" + TestJar.path() + "' \"$@\"");
        script("mvn", "echo \"mvn $*: skipped by the docs test (the jar is built already)\"");
        // gh run list -> ids of stored runs, newest first; gh run download ID --name N --dir D; gh pr comment -> ok
        script("gh", """
                store='%s'
                case "$1 $2" in
                  "run list") ls -1 "$store" 2>/dev/null | sort -rn ;;
                  "run download") id=$3; shift 3; name=; dir=.
                    while [ $# -gt 0 ]; do case "$1" in --name) name=$2; shift 2;; --dir) dir=$2; shift 2;; *) shift;; esac; done
                    [ -d "$store/$id/$name" ] || { echo "no artifact $name in run $id" >&2; exit 1; }
                    mkdir -p "$dir" && cp -R "$store/$id/$name/." "$dir/" ;;
                  "pr comment") echo "commented" ;;
                  *) echo "gh stand-in: unsupported: $*" >&2; exit 1 ;;
                esac""".formatted(artifacts));
        // curl against GitLab's API: a job artifact download is served from <artifacts>/gitlab/<path> (22 when
        // absent, as curl --fail says 404); any POST (a merge-request note) succeeds.
        script("curl", """
                store='%s/gitlab'; out=; url=; post=
                while [ $# -gt 0 ]; do case "$1" in --output) out=$2; shift 2;; --request) post=$2; shift 2;;
                  --header|--data-urlencode) shift 2;; -*) shift;; *) url=$1; shift;; esac; done
                if [ -n "$post" ]; then echo "posted"; exit 0; fi
                path=${url#*/raw/}; path=${path%%%%[?]*}
                [ -f "$store/$path" ] || { echo "curl: (22) The requested URL returned error: 404" >&2; exit 22; }
                mkdir -p "$(dirname "$out")" && cp "$store/$path" "$out"
                """.formatted(artifacts));
    }

    private void script(String name, String body) throws IOException {
        Path file = bin.resolve(name);
        Files.writeString(file, "#!/usr/bin/env bash\n" + body + "\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** The environment a block runs with: PATH with the stand-ins first, keys and config inside the sandbox. */
    Map<String, String> env(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>();
        env.put("PATH", bin + ":" + System.getenv("PATH"));
        // HOME alone, as a CI job sets it (not this JVM's user.home): the docs' ~ and $HOME must name the same folder.
        env.put("HOME", root.resolve("home").toString());
        env.put("LC_ALL", "C.UTF-8");
        // Short-lived command JVMs start faster with the quick compiler only and the test jar's class-data archive;
        // same behaviour, less CPU. (JDK_JAVA_OPTIONS reaches `java -jar target/evalbench.jar` in the docs too; the
        // JVM notes it on stderr.)
        env.put("JDK_JAVA_OPTIONS", TestJar.jvmOptions());
        env.putAll(extra);
        return env;
    }

    record Result(int exit, String output) {}

    /** Runs {@code script} with bash in {@code dir}; output and errors together. */
    static Result bash(Path dir, String script, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(TestJar.yielding(List.of("bash", "-c", script))).directory(dir.toFile())
                .redirectErrorStream(true);
        pb.environment().clear();
        pb.environment().putAll(env);
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + script);
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
