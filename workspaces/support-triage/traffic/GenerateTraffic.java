import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes the sample's production traffic: a week of captured requests (2026-11-16 to 2026-11-23, UTC) in the
 * JSON Lines shape `evalbench traffic import` reads, drawn from the tickets of datasets/tickets.jsonl.
 *
 *   control.jsonl          500 requests of the deployed path
 *   canary-shifted.jsonl   500 requests of a canary that is worse: every latency x1.4 (p95 +40%) and 15 more
 *                          invalid outputs (schema pass rate 98.6% -> 95.6%, -3 points)
 *   canary-steady.jsonl    500 requests of a canary drawn like the control (another sample, no shift)
 *   control-small.jsonl, canary-small.jsonl   20 requests each: too few to judge
 *
 * Deterministic (fixed seeds): running it again gives the same bytes. JDK only, no build needed:
 *
 *   java workspaces/support-triage/traffic/GenerateTraffic.java workspaces/support-triage [OUT_DIR]
 *
 * OUT_DIR defaults to the workspace's traffic/ folder.
 */
public class GenerateTraffic {
    static final Instant WEEK_START = Instant.parse("2026-11-16T00:00:00Z");
    static final long WEEK_SECONDS = 7 * 24 * 3600;

    record Ticket(String id, String vars, String category, String priority, String action, String orderId) {}

    public static void main(String[] args) throws IOException {
        Path ws = Path.of(args.length > 0 ? args[0] : "workspaces/support-triage");
        Path out = args.length > 1 ? Path.of(args[1]) : ws.resolve("traffic");
        Files.createDirectories(out);
        List<Ticket> tickets = tickets(ws.resolve("datasets/tickets.jsonl"));
        write(out.resolve("control.jsonl"), generate("ctl", tickets, 500, 11, 101, 1.0, 5));
        write(out.resolve("canary-shifted.jsonl"), generate("can", tickets, 500, 12, 101, 1.4, 20));
        write(out.resolve("canary-steady.jsonl"), generate("std", tickets, 500, 13, 103, 1.0, 5));
        write(out.resolve("control-small.jsonl"), generate("cts", tickets, 20, 14, 104, 1.0, 0));
        write(out.resolve("canary-small.jsonl"), generate("cas", tickets, 20, 15, 105, 1.0, 0));
    }

    /**
     * @param seed         draws tickets, times, tokens, retries and which requests fail
     * @param latencySeed  draws latencies; the same seed with another scale gives the same requests, slower
     * @param invalid      how many answers are not schema-valid (plus 2 timeouts in every capture of 500)
     */
    static List<String> generate(String prefix, List<Ticket> tickets, int n, long seed, long latencySeed, double scale, int invalid) {
        SplittableRandom r = new SplittableRandom(seed);
        SplittableRandom lat = new SplittableRandom(latencySeed);
        long[] times = new long[n];
        for (int i = 0; i < n; i++) times[i] = r.nextLong(WEEK_SECONDS);
        Arrays.sort(times);
        boolean[] bad = pick(r, n, invalid);
        boolean[] timeout = pick(r, n, n >= 500 ? 2 : 0);
        // Tickets in shuffled rounds, each ticket once per round: every capture asks about the same mix of things,
        // as a week of one store's mail does, so only a real change moves the decision distribution.
        List<Ticket> order = new ArrayList<>();
        while (order.size() < n) {
            List<Ticket> round = new ArrayList<>(tickets);
            for (int i = round.size() - 1; i > 0; i--) java.util.Collections.swap(round, i, r.nextInt(i + 1));
            order.addAll(round);
        }
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Ticket t = order.get(i);
            // Log-normal latency: median 450 ms, p95 about 800 ms; the canary's scale multiplies it.
            long latency = Math.round(scale * 450 * Math.exp(0.35 * gaussian(lat)));
            int retries = r.nextInt(50) == 0 ? 1 : 0;
            int tokensIn = 830 + t.vars().length() / 4 + r.nextInt(20);
            int tokensOut = timeout[i] ? 0 : 38 + r.nextInt(30);
            double cost = Math.round((tokensIn * 0.15 + tokensOut * 0.60) * 1000) / 1e9;
            StringBuilder o = new StringBuilder("{");
            field(o, "id", String.format(Locale.ROOT, "%s-%06d", prefix, i + 1)).append(',');
            field(o, "timestamp", WEEK_START.plusSeconds(times[i]).plusMillis(r.nextInt(1000)).toString()).append(',');
            field(o, "trace_id", traceId(r)).append(',');
            field(o, "route", "offline").append(',');
            field(o, "provider", "scripted").append(',');
            field(o, "model", "triage-rules-v1").append(',');
            field(o, "prompt_id", "triage").append(',');
            o.append("\"prompt_version\":4,\"policy_version\":1,");
            o.append("\"vars\":").append(t.vars()).append(',');
            if (timeout[i]) {
                o.append("\"output\":null,\"validation\":\"no_output\",\"error\":\"TIMEOUT\",");
                field(o, "error_message", "no answer within 30000 ms").append(',');
            } else if (bad[i]) {
                field(o, "output", "{\"category\":\"" + t.category() + "\",\"priority\":\"URGENT\",\"action\":\"" + t.action() + "\"}").append(',');
                o.append("\"validation\":\"invalid\",\"validation_errors\":[\"priority: must be one of low, medium, high\",\"reply: is missing\"],");
                o.append("\"decision\":{\"action\":\"escalate\",\"accepted\":false,\"rule\":\"invalid_output\"},");
            } else {
                field(o, "output", "{\"category\":\"" + t.category() + "\",\"priority\":\"" + t.priority() + "\",\"action\":\""
                        + t.action() + "\",\"order_id\":" + (t.orderId() == null ? "null" : "\"" + t.orderId() + "\"")
                        + ",\"reply\":\"Thanks for writing to Northwind Goods. We are on it.\"}").append(',');
                o.append("\"validation\":\"valid\",");
                field(o, "decision", t.action()).append(',');
            }
            o.append("\"latency_ms\":").append(latency).append(",\"tokens_in\":").append(tokensIn)
                    .append(",\"tokens_out\":").append(tokensOut).append(",\"cost_usd\":").append(cost)
                    .append(",\"retries\":").append(retries).append('}');
            lines.add(o.toString());
        }
        return lines;
    }

    static boolean[] pick(SplittableRandom r, int n, int k) {
        boolean[] chosen = new boolean[n];
        for (int picked = 0; picked < k; ) {
            int i = r.nextInt(n);
            if (!chosen[i]) {
                chosen[i] = true;
                picked++;
            }
        }
        return chosen;
    }

    static double gaussian(SplittableRandom r) {
        double u = 1 - r.nextDouble();
        double v = r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    static String traceId(SplittableRandom r) {
        return String.format(Locale.ROOT, "%016x%016x", r.nextLong() | 1L << 62, r.nextLong());
    }

    static StringBuilder field(StringBuilder o, String name, String value) {
        o.append('"').append(name).append("\":\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> o.append("\\\"");
                case '\\' -> o.append("\\\\");
                case '\n' -> o.append("\\n");
                default -> o.append(c);
            }
        }
        return o.append('"');
    }

    /** Each ticket's vars object (copied as written) and expected values, read without a JSON library. */
    static List<Ticket> tickets(Path file) throws IOException {
        List<Ticket> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) continue;
            out.add(new Ticket(text(line, "id"), object(line, "\"vars\":"), text(line, "category"), text(line, "priority"),
                    text(line, "action"), text(line, "order_id")));
        }
        return out;
    }

    static String text(String line, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\\s*(?:\"([^\"]*)\"|null)").matcher(line);
        return m.find() ? m.group(1) : null;
    }

    /** The balanced {...} after {@code key}, skipping braces inside strings. */
    static String object(String line, String key) {
        int start = line.indexOf('{', line.indexOf(key) + key.length());
        int depth = 0;
        boolean inString = false;
        for (int i = start; i < line.length(); i++) {
            char c = line.charAt(i);
            if (inString) {
                if (c == '\\') i++;
                else if (c == '"') inString = false;
            } else if (c == '"') inString = true;
            else if (c == '{') depth++;
            else if (c == '}' && --depth == 0) return line.substring(start, i + 1);
        }
        throw new IllegalArgumentException("no object after " + key + " in " + line);
    }

    static void write(Path file, List<String> lines) throws IOException {
        Files.write(file, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
