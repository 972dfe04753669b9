package dev.evalbench.cli;

import dev.evalbench.core.report.ReportSigner;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The ENVELOPE of {@code verify} and {@code approve}: the envelope file, or a report folder holding it, as
 * {@code open} and {@code compare} take a report folder. Both said "cannot be read (Is a directory)" for the folder
 * CI uploads. Pure, but for looking at the file system.
 */
final class EnvelopeArgument {
    private EnvelopeArgument() {}

    /**
     * {@code given}, or its {@code report.intoto.json} when it is a folder.
     *
     * @throws BadInputException for a folder without an envelope (a report written without {@code --sign})
     */
    static Path resolve(Path given) throws BadInputException {
        if (!Files.isDirectory(given)) return given;
        Path envelope = given.resolve(ReportSigner.ENVELOPE);
        if (Files.isRegularFile(envelope)) return envelope;
        throw new BadInputException(given + ": a folder without " + ReportSigner.ENVELOPE + " (a report written without"
                + " --sign is not signed; sign it with report RUN --sign KEY)");
    }
}
