package dev.evalbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.core.compare.ChangeOverview;
import dev.evalbench.core.service.ReviewService;
import dev.evalbench.core.store.HistoryLocation;
import dev.evalbench.core.store.RunStore;
import dev.evalbench.core.store.sqlite.SqliteRunStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Two runs of one suite of a copy of the sample, the workspace edited between them, as an author makes them: what the
 * comparison tests of what changed share. {@link #overview} is what the window's comparison of the two shows.
 */
record RunsAroundAnEdit(Path ws, String before, String after) {
    interface Edit {
        void apply(Path ws) throws Exception;
    }

    /** Runs {@code suite} of a fresh copy of the sample in {@code tmp}, applies {@code edit}, runs it again. */
    static RunsAroundAnEdit of(Path tmp, String suite, Edit edit) throws Exception {
        Path ws = Cli.copySample(tmp);
        assertThat(Cli.run("run", ws.toString(), "--suite", suite).exit()).isIn(0, 1);
        String before = latest(ws);
        edit.apply(ws);
        assertThat(Cli.run("run", ws.toString(), "--suite", suite).exit()).isIn(0, 1);
        return new RunsAroundAnEdit(ws, before, latest(ws));
    }

    /** {@code evalbench compare BEFORE AFTER --workspace WS} with {@code more} arguments. */
    Cli.Result compare(String... more) {
        String[] args = new String[5 + more.length];
        String[] first = {"compare", before, after, "--workspace", ws.toString()};
        System.arraycopy(first, 0, args, 0, 5);
        System.arraycopy(more, 0, args, 5, more.length);
        return Cli.run(args);
    }

    /** The two runs exported into {@code dir} as CI keeps them ({@code before.json}, {@code after.json}). */
    Exports exported(Path dir) throws Exception {
        Exports files = new Exports(dir.resolve("before.json"), dir.resolve("after.json"));
        assertThat(Cli.run("export", before, "--out", files.before().toString(), "--workspace", ws.toString()).exit()).isZero();
        assertThat(Cli.run("export", after, "--out", files.after().toString(), "--workspace", ws.toString()).exit()).isZero();
        return files;
    }

    /** The files of two exported runs. */
    record Exports(Path before, Path after) {}

    /** The comparison's overview as the window's review of the two runs builds it. */
    ChangeOverview overview() throws Exception {
        try (RunStore store = SqliteRunStore.open(HistoryLocation.defaultDb(ws))) {
            ReviewService review = new ReviewService(Map.of());
            ReviewService.Side a = new ReviewService.Side(store, before);
            ReviewService.Side b = new ReviewService.Side(store, after);
            return review.overview(a, b, review.cases(a, b), ws);
        }
    }

    /** Replaces {@code from}, which the file must hold, with {@code to}. */
    static void edit(Path file, String from, String to) throws Exception {
        String text = Files.readString(file);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to));
    }

    private static String latest(Path ws) throws Exception {
        try (RunStore store = SqliteRunStore.open(HistoryLocation.defaultDb(ws))) {
            return store.runs(1).get(0).id();
        }
    }
}
