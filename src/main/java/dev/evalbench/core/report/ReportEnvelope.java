package dev.evalbench.core.report;

import dev.evalbench.core.report.sign.SigningInputException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a signed report's envelope is, given the envelope file or the report folder holding it, as {@code open} and
 * {@code compare} take a report folder: {@code verify}, {@code approve} and the window's "Verify report…" said
 * "cannot be read (Is a directory)" or "file not found" for the folder CI uploads. Pure, but for looking at the
 * file system.
 */
public final class ReportEnvelope {
    private ReportEnvelope() {}

    /**
     * {@code given}, or its {@code report.intoto.json} when it is a folder.
     *
     * @throws SigningInputException for a folder without an envelope (a report written without {@code --sign})
     */
    public static Path of(Path given) throws SigningInputException {
        if (!Files.isDirectory(given)) return given;
        Path envelope = given.resolve(ReportSigner.ENVELOPE);
        if (Files.isRegularFile(envelope)) return envelope;
        throw new SigningInputException(given + ": a folder without " + ReportSigner.ENVELOPE + " (a report written"
                + " without --sign is not signed; sign it with report RUN --sign KEY)");
    }

    /** Where the report.json an envelope signs lies: beside it (whether it is there is the caller's to ask). */
    public static Path reportJsonBeside(Path envelope) {
        return envelope.toAbsolutePath().resolveSibling(ReportWriter.JSON);
    }
}
