package dev.evalbench.core.store.sqlite;

import dev.evalbench.core.record.CaseSummary;
import dev.evalbench.core.store.StoreException;
import java.util.List;

/**
 * A run's summaries as {@link SqliteRunStore#summaries(String)} reads them: from the run's {@link SummaryPack} when
 * one matches its rows, else one indexed query over the compact rows; no case detail is read or decompressed.
 * Reading a complete run's rows through a store that may write also keeps their pack for the next reader (after the
 * read, in a write of its own made only if the history can be written at once; a pack that cannot be kept is simply
 * not kept: it only saves time). Stateless; thread-safe as the pool and the writer are.
 */
final class PackedSummaries {
    private PackedSummaries() {}

    /** @param summaryPacks whether the history has summary packs (a schema-5 history read as it is has none) */
    static List<CaseSummary> read(ReaderPool readers, SerializedWriter writer, String runId, boolean summaryPacks)
            throws StoreException {
        Read read = readers.read("read the case summaries of run " + runId, c -> {
            byte[] packed = summaryPacks ? SummaryPacks.find(c, runId) : null;
            if (packed != null) {
                try {
                    return new Read(List.copyOf(CaseRows.summaries(new SummaryPack.Reader(packed), runId)), null, null);
                } catch (SummaryPack.Damaged damaged) {
                    // The rows are the history and the pack only a copy of them: read them, and make the pack again.
                }
            }
            SummaryPack.Writer pack = summaryPacks && writer.canWrite() && SummaryPacks.worthMaking(c, runId)
                    ? new SummaryPack.Writer() : null;
            List<CaseSummary> summaries = List.copyOf(CaseRows.summaries(c, runId, pack));
            return new Read(summaries, pack, pack == null ? null : SummaryPacks.extent(c, runId));
        });
        if (read.pack() != null && read.pack().rows() > 0) keep(writer, runId, read.pack().finish(), read.extent());
        return read.summaries();
    }

    /** A run's summaries, and the pack made while reading its rows with the extent of the rows it was made from. */
    private record Read(List<CaseSummary> summaries, SummaryPack.Writer pack, SummaryPacks.Extent extent) {}

    private static void keep(SerializedWriter writer, String runId, byte[] pack, SummaryPacks.Extent extent) {
        if (pack == null) return;
        try {
            // Never waits for another write: the reader has its summaries and is only saving the next one time.
            writer.tryInTransaction("keep the summaries of run " + runId + " in one piece", c -> {
                SummaryPacks.put(c, runId, extent, pack);
                return null;
            });
        } catch (StoreException e) {
            // Not kept (the history full or failing): the next reader reads the rows, as this one did.
        }
    }
}
