package dev.evalbench.bench;

import dev.evalbench.core.template.PebblePromptRenderer;
import dev.evalbench.core.template.WorkspaceValidator;
import dev.evalbench.core.workspace.DiskWorkspaceFiles;
import dev.evalbench.core.workspace.Workspace;
import dev.evalbench.core.workspace.WorkspaceLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Loading must be linear in the input: times loading and render-checking a dataset whose first line carries
 * a ticket of 1, 2, 5 and 10 MB (two shapes: one long string, and a long array of small objects), and
 * prints the median of 5 rounds per size with its cost per MB. Not a test (excluded from surefire): run with
 * {@code JAVA_OPTS=-Xmx1g bash docs/bench.sh LongLineLoadBench} (the array shape of 10 MB needs more than the default 256 MB heap).
 */
public final class LongLineLoadBench {
    private LongLineLoadBench() {}

    public static void main(String[] args) throws Exception {
        List<String> shapes = args.length > 0 ? List.of(args[0]) : List.of("string", "array");
        int[] sizes = args.length > 1 ? new int[] {Integer.parseInt(args[1])} : new int[] {1, 2, 5, 10};
        for (String shape : shapes) {
            for (int mb : sizes) {
                Path root = Files.createTempDirectory("evalbench-long-line");
                try {
                    copyFixture(root);
                    Path tickets = root.resolve("datasets/tickets.jsonl");
                    List<String> lines = new ArrayList<>(Files.readAllLines(tickets));
                    lines.set(0, longLine(shape, mb));
                    Files.write(tickets, lines);
                    List<Long> times = new ArrayList<>();
                    for (int round = 0; round < 5; round++) {
                        long start = System.nanoTime();
                        Workspace ws = WorkspaceLoader.load(new DiskWorkspaceFiles(root), Map.of());
                        WorkspaceValidator.check(ws, new PebblePromptRenderer());
                        times.add((System.nanoTime() - start) / 1_000_000);
                    }
                    times.sort(null);
                    long median = times.get(2);
                    System.out.printf("%-6s %2d MB line: median %5d ms (%.0f ms per MB)%n", shape, mb, median, median / (double) mb);
                } finally {
                    try (Stream<Path> files = Files.walk(root)) {
                        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
                    }
                }
            }
        }
    }

    private static String longLine(String shape, int mb) {
        int target = mb * 1_000_000;
        String head = "{\"id\": \"t001\", \"vars\": {\"ticket\": ";
        String tail = ", \"customer\": {\"name\": \"Ana\", \"email\": \"ana@example.com\", \"vip\": true}}, \"expected\": "
                + "{\"category\": \"billing\", \"priority\": \"high\", \"action\": \"refund\", \"order_id\": \"ORD-10421\"}}";
        StringBuilder out = new StringBuilder(target + 200).append(head);
        if (shape.equals("string")) {
            out.append('"');
            while (out.length() < target) out.append("charged twice for ORD-10421 ");
            out.append('"');
        } else {
            // the template prints the ticket, so an array renders as its text: still one long value
            out.append("\"").append("x".repeat(10)).append("\", \"pad\": [");
            boolean first = true;
            while (out.length() < target) {
                out.append(first ? "" : ",").append("{\"a\":1,\"b\":\"x\"}");
                first = false;
            }
            out.append(']');
        }
        return out.append(tail).toString();
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
