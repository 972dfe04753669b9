package dev.evalbench.app.open;

import dev.evalbench.app.SampleHistory;
import dev.evalbench.core.record.RunHeader;
import dev.evalbench.core.service.RunLookup;
import dev.evalbench.core.store.RunExport;
import java.nio.file.Path;

/** The run file a CI job exports: a real offline run of the sample, made in a CI folder of its own under {@code temp}. */
final class ExportedRunFile {
    private ExportedRunFile() {}

    /** Runs the sample in {@code temp/ci-NAME} and exports the run to {@code temp/NAME.json}. */
    static Path of(Path temp, String name) throws Exception {
        try (SampleHistory ci = SampleHistory.in(temp.resolve("ci-" + name))) {
            RunHeader run = ci.run();
            Path file = temp.resolve(name + ".json");
            RunExport.write(RunLookup.run(ci.store, run.id()), file);
            return file;
        }
    }

    /** Runs the sample in {@code temp/ci-NAME} and writes its report folder to {@code temp/NAME} ({@code evalbench report}). */
    static Path reportOf(Path temp, String name) throws Exception {
        Path ci = temp.resolve("ci-" + name);
        try (SampleHistory history = SampleHistory.in(ci)) {
            history.run();
        }
        Path folder = temp.resolve(name);
        dev.evalbench.cli.Cli.Result report = dev.evalbench.cli.Cli.run("report", "latest", "--out", folder.toString(),
                "-w", ci.resolve("support-triage").toString());
        if (report.exit() != 0) throw new AssertionError("report: " + report.err());
        return folder;
    }
}
