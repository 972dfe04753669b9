package dev.evalbench.core.store.sqlite;

import static dev.evalbench.core.store.sqlite.SummaryPackTest.RUN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.core.record.CaseRecord;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A complete run's full records, read one at a time (a report reads every one), take their summary columns from
 * the run's pack: exactly the records the rows give, and the rows' own columns wherever the pack is damaged,
 * whether that shows before the first record or only part way through.
 */
class PackedRecordsTest {
    @TempDir Path dir;

    @Test
    void recordsReadWithThePackAreTheRecordsStored() throws Exception {
        List<CaseRecord> records = SummaryPackTest.variedRecords(700);
        Path db = SummaryPackTest.completeRun(dir, records);
        SummaryPackTest.readMakingThePack(db);
        assertThat(Sql.count(db, "SELECT COUNT(*) FROM summary_packs")).isEqualTo(1);

        assertThat(readOneAtATime(db)).isEqualTo(records);
        // The pack, not the rows, gave the summary columns: a pack that says otherwise is what the records say.
        SummaryPackTest.setPack(db, SummaryPackTest.withFirstLatency(SummaryPackTest.pack(db), 1));
        List<CaseRecord> read = readOneAtATime(db);
        assertThat(read.get(0).latencyMs()).isEqualTo(1);
        assertThat(read.subList(1, read.size())).isEqualTo(records.subList(1, records.size()));
    }

    @Test
    void aPackWithAByteChangedIsPassedOverBeforeAnyRecord() throws Exception {
        List<CaseRecord> records = SummaryPackTest.variedRecords(700);
        Path db = SummaryPackTest.completeRun(dir, records);
        SummaryPackTest.readMakingThePack(db);
        byte[] pack = SummaryPackTest.pack(db);
        // Every change of a byte in the middle of the compressed stream: some inflate to other rows, not only to errors.
        for (int at = pack.length / 3; at < pack.length / 3 + 40; at++) {
            byte[] changed = pack.clone();
            changed[at] ^= 0x10;
            SummaryPackTest.setPack(db, changed);
            assertThat(readOneAtATime(db)).as("byte %d changed", at).isEqualTo(records);
        }
    }

    @Test
    void aPackThatEndsEarlyGivesTheRestOfTheRecordsFromTheRows() throws Exception {
        List<CaseRecord> records = SummaryPackTest.variedRecords(700);
        Path db = SummaryPackTest.completeRun(dir, records);
        SummaryPackTest.readMakingThePack(db);
        // Whole and checksummed, but its rows stop half way: found only when the reader gets there.
        byte[] raw = inflate(SummaryPackTest.pack(db));
        SummaryPackTest.setPack(db, deflate(Arrays.copyOf(raw, raw.length / 2)));

        assertThat(readOneAtATime(db)).isEqualTo(records);
    }

    private static List<CaseRecord> readOneAtATime(Path db) throws Exception {
        List<CaseRecord> read = new ArrayList<>();
        try (SqliteRunStore store = SqliteRunStore.openReadOnly(db)) {
            store.forEachCase(RUN, read::add);
        }
        return read;
    }

    private static byte[] inflate(byte[] compressed) throws Exception {
        Inflater inflater = new Inflater();
        inflater.setInput(compressed);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (!inflater.finished()) out.write(buffer, 0, inflater.inflate(buffer));
        inflater.end();
        return out.toByteArray();
    }

    private static byte[] deflate(byte[] raw) {
        Deflater deflater = new Deflater();
        deflater.setInput(raw);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (!deflater.finished()) out.write(buffer, 0, deflater.deflate(buffer));
        deflater.end();
        return out.toByteArray();
    }
}
