package dev.evalbench.app.compare;

import dev.evalbench.app.SampleHistory;
import dev.evalbench.core.record.RunHeader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Two real offline runs of a copy of the sample, the first tagged main: the second ran prompt revision 5, which
 * lists the customer's orders as "- ORD-…" instead of "* ORD-…", so the scripted model takes an order id from
 * the order history and 18 triage cases that passed now fail on {@code order_id} (one of them a refund the
 * policy rule refund-needs-order no longer stops, since it now names an order). What a reviewer is shown.
 */
final class ReviewRuns {
    /** pass → fail cases of the second run. */
    static final int REGRESSIONS = 18;

    final RunHeader baseline;
    final RunHeader latest;

    private ReviewRuns(RunHeader baseline, RunHeader latest) {
        this.baseline = baseline;
        this.latest = latest;
    }

    /**
     * What CI hands a reviewer: the two runs made in a copy of the sample under {@code temp} ("ci/support-triage"),
     * exported with {@code evalbench export} as {@code temp/baseline.json} and {@code temp/change.json}.
     *
     * @return the two files, baseline first
     */
    static java.util.List<Path> exported(Path temp) throws Exception {
        Path ci = temp.resolve("ci/support-triage");
        dev.evalbench.cli.Cli.copyTree(Path.of("workspaces/support-triage"), ci);
        ReviewRuns runs = make(ci);
        Path before = temp.resolve("baseline.json");
        Path after = temp.resolve("change.json");
        for (var side : java.util.Map.of(runs.baseline.id(), before, runs.latest.id(), after).entrySet()) {
            var r = dev.evalbench.cli.Cli.run("export", side.getKey(), "--out", side.getValue().toString(), "-w", ci.toString());
            if (r.exit() != 0) throw new IllegalStateException("export failed: " + r.err());
        }
        return java.util.List.of(before, after);
    }

    /** Runs the sample copy in {@code workspace} twice, editing its prompt in between. */
    static ReviewRuns make(Path workspace) throws Exception {
        RunHeader first;
        try (SampleHistory history = SampleHistory.of(workspace)) {
            first = history.run();
            history.store.tag(first.id(), "main");
        }
        Path prompt = workspace.resolve("prompts/triage.yaml");
        String text = Files.readString(prompt, StandardCharsets.UTF_8);
        String edited = text.replace("revision: 4", "revision: 5")
                .replace("{% for order in customer.orders %}  * {{ order.id }}", "{% for order in customer.orders %}  - {{ order.id }}");
        if (edited.equals(text) || !edited.contains("revision: 5") || !edited.contains("  - {{ order.id }}")) {
            throw new IllegalStateException("the sample's prompt changed: update ReviewRuns");
        }
        Files.writeString(prompt, edited, StandardCharsets.UTF_8);
        RunHeader second;
        try (SampleHistory history = SampleHistory.of(workspace)) {
            second = history.run();
        }
        return new ReviewRuns(first, second);
    }
}
