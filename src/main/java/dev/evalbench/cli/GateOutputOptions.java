package dev.evalbench.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The outputs of a gated run, shared by {@code run}, {@code resume} and {@code gate}. */
final class GateOutputOptions {
    @Option(names = "--json", description = "Print one JSON object (run_id, status, passed, gates, ...) instead of the table.")
    boolean json;

    @Option(names = "--junit", paramLabel = "FILE", description = "Write JUnit XML: a testcase per gate and per failing case.")
    Path junit;

    @Option(names = "--markdown", paramLabel = "FILE", description = "Write a Markdown summary for a pull-request comment.")
    Path markdown;

    @Option(names = "--baseline", paramLabel = "RUN|TAG|FILE", description = "Compare against this run: an id, a tag such as main, or an exported run file, a report folder or its report.json.")
    String baseline;

    /** What follows {@code evalbench resume RUN} to finish an incomplete run (set by the command, not a flag). */
    String resumeWith = "";

    /** Output paths that cannot be written are bad input, found before a run spends time and money. */
    void check() throws BadInputException {
        OutputFile.check(junit);
        OutputFile.check(markdown);
    }
}
