package dev.evalbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every shell block of README.md and docs/*.md, run as a reader pastes them: in order, in one bash session per
 * document, on a fresh copy of the sample, with the jar as {@code evalbench} on PATH. A loopback server stands in
 * for the paid model; OpenSSL runs for real. Any command that exits non-zero fails the document, except that
 * {@code run} and {@code gate} may exit 1: that is their verdict (the sample fails its schema gate on purpose).
 * A block marked {@code <!-- docs-test: skip REASON -->} is left out; the marker says why (docs/ci.md's YAML
 * recipes are run by {@link CiRecipeTest}).
 */
class DocumentedShellBlocksTest {
    private static final Path BASE = Path.of(System.getProperty("basedir", "."));

    @TempDir
    Path tmp;

    @StartStop
    final MockWebServer model = FakeChatCompletions.newServer();

    @TestFactory
    @org.junit.jupiter.api.parallel.Execution(org.junit.jupiter.api.parallel.ExecutionMode.CONCURRENT) // each document has its own sandbox
    Stream<DynamicTest> everyDocumentRunsAsWritten() throws Exception {
        List<Path> docs = new ArrayList<>();
        docs.add(BASE.resolve("README.md"));
        try (Stream<Path> files = Files.list(BASE.resolve("docs"))) {
            files.filter(f -> f.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        model.setDispatcher(new FakeChatCompletions());
        // Every document's session starts at once, each in its own bash process at low priority, and each test
        // waits for its own. The sessions are CPU-bound child processes: started together they take whatever the
        // other tests leave of the cores. Run in turn on one test thread, README's and release.md's took 35 s
        // each and made the longest chain of the suite.
        ExecutorService sessions = Executors.newFixedThreadPool(docs.size()); // each thread waits on its process
        Map<Path, Future<Session>> started = new LinkedHashMap<>();
        for (Path doc : docs) started.put(doc, sessions.submit(() -> runDocument(doc)));
        sessions.shutdown();
        return docs.stream().map(doc -> DynamicTest.dynamicTest(doc.getFileName().toString(),
                () -> started.get(doc).get().check()));
    }

    /** A document's session as it ended: how many blocks it ran and what bash said. */
    private record Session(Path doc, int blocks, DocsSandbox.Result result) {
        void check() {
            assertThat(result.output()).as("%s (%d blocks run):%n%s", doc, blocks, result.output())
                    .doesNotContain("DOCS-TEST FAILURE");
            assertThat(result.exit()).as("%s:%n%s", doc, result.output()).isZero();
        }
    }

    private Session runDocument(Path doc) throws Exception {
        List<MarkdownShellBlocks.Block> blocks = MarkdownShellBlocks.of(doc);
        StringBuilder session = new StringBuilder("""
                shopt -s expand_aliases
                set -o pipefail
                __failed=0
                trap '__rc=$?; case "$BASH_COMMAND" in
                  *evalbench*" run "*|*evalbench*" gate "*|*evalbench.jar" run "*|*evalbench.jar" gate "*) [ $__rc -le 1 ] && __rc=0 ;;
                esac
                if [ $__rc -ne 0 ]; then echo "DOCS-TEST FAILURE at $__block: exit $__rc from: $BASH_COMMAND" >&2; __failed=1; fi' ERR
                """);
        int run = 0;
        for (MarkdownShellBlocks.Block block : blocks) {
            if (block.skipReason() != null) continue;
            run++;
            session.append("__block='").append(block).append("'\n").append(block.text()).append("\n");
        }
        session.append("exit $__failed\n");
        Path root = Files.createDirectories(tmp.resolve(doc.getFileName().toString()));
        DocsSandbox sandbox = new DocsSandbox(root, Files.createDirectories(tmp.resolve("artifacts-" + doc.getFileName())));
        Map<String, String> env = sandbox.env(Map.of(
                "OPENAI_BASE_URL", model.url("/v1").toString().replaceAll("/$", ""),
                "OPENAI_MODEL", "gpt-4o-mini", "OPENAI_API_KEY", "sk-docs-test"));
        return new Session(doc, run, DocsSandbox.bash(root, session.toString(), env));
    }
}
