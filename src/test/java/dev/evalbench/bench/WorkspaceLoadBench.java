package dev.evalbench.bench;

import dev.evalbench.core.template.PebblePromptRenderer;
import dev.evalbench.core.template.WorkspaceValidator;
import dev.evalbench.core.workspace.DiskWorkspaceFiles;
import dev.evalbench.core.workspace.Workspace;
import dev.evalbench.core.workspace.WorkspaceLoader;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Times loading (and render-checking) a workspace of 10,000 task cases: the fixture with a generated dataset.
 * Not a test (excluded from surefire): run with
 * {@code mvn -o test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.evalbench.bench.WorkspaceLoadBench}.
 */
public final class WorkspaceLoadBench {
    private static final int CASES = 10_000;
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private WorkspaceLoadBench() {}

    public static void main(String[] args) throws Exception {
        Path root = Files.createTempDirectory("evalbench-load-bench");
        try {
            copyFixture(root);
            Files.writeString(root.resolve("datasets/tickets.jsonl"), dataset());
            PebblePromptRenderer renderer = new PebblePromptRenderer();
            for (int round = 1; round <= 5; round++) {
                long start = System.nanoTime();
                long cpuStart = CPU.getCurrentThreadCpuTime();
                Workspace ws = WorkspaceLoader.load(new DiskWorkspaceFiles(root), Map.of());
                long loaded = System.nanoTime();
                long cpuLoad = CPU.getCurrentThreadCpuTime() - cpuStart;
                int problems = WorkspaceValidator.check(ws, renderer).size();
                long checked = System.nanoTime();
                System.out.printf("round %d: load %d cases %.0f ms (%.0f ms cpu), render check %.0f ms (%d problems)%n", round,
                        ws.suite("triage").cases().size(), (loaded - start) / 1e6, cpuLoad / 1e6, (checked - loaded) / 1e6, problems);
            }
        } finally {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
            }
        }
    }

    private static String dataset() {
        StringBuilder out = new StringBuilder();
        String[] categories = {"billing", "shipping", "account", "other"};
        for (int i = 0; i < CASES; i++) {
            out.append(String.format("{\"id\": \"t%05d\", \"vars\": {\"ticket\": \"  Ticket number %d about order ORD-%05d, "
                    + "please help  \", \"customer\": {\"name\": \"Customer %d\", \"email\": \"c%d@example.com\", \"vip\": %s}}, "
                    + "\"expected\": {\"category\": \"%s\", \"priority\": \"low\", \"action\": \"reply\", \"order_id\": \"ORD-%05d\"}, "
                    + "\"restricted\": [\"c%d@example.com\"], \"tags\": [\"generated\"]}%n",
                    i, i, i % 100000, i, i, i % 7 == 0, categories[i % 4], i % 100000, i));
        }
        return out.toString();
    }

    private static void copyFixture(Path target) throws IOException {
        Path source = Path.of("src/test/resources/fixtures/minimal-workspace");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path p : files.toList()) {
                Path to = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(to);
                else Files.copy(p, to);
            }
        }
    }
}
