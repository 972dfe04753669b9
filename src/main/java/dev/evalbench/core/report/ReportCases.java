package dev.evalbench.core.report;

import dev.evalbench.core.json.Json;
import dev.evalbench.core.record.CaseRecord;
import dev.evalbench.core.record.StoredRun;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * {@value #FILE}: every full case record of a reported run, one JSON object a line, gzip-compressed, written
 * next to report.json. report.json binds it by SHA-256 and count (see {@link ReportJson}) instead of embedding
 * 100,000 records, so a reviewer's file stays the size of what they read while the records stay available,
 * tamper-evident, to {@code --baseline report.json}. The bytes depend only on the records (gzip's header time
 * is zero), so the same run always gives the same file and digest. Stateless.
 */
public final class ReportCases {
    public static final String FILE = "report-cases.jsonl.gz";

    private ReportCases() {}

    public static byte[] bytes(StoredRun run) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try (GZIPOutputStream gzip = new FastGzip(out)) {
            for (CaseRecord r : run.cases()) {
                gzip.write(Json.MAPPER.writeValueAsBytes(r));
                gzip.write('\n');
            }
        } catch (IOException e) {
            throw new IllegalStateException("writing records to memory failed", e);
        }
        return out.toByteArray();
    }

    /** gzip at the fastest level: the records compress about 8:1 either way, and speed is what a CI run waits on. */
    private static final class FastGzip extends GZIPOutputStream {
        FastGzip(OutputStream out) throws IOException {
            super(out, 64 * 1024);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }
}
