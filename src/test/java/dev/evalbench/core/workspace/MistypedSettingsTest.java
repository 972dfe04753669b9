package dev.evalbench.core.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A setting typed one letter off is refused where it is written, with the value it likely meant: a metric name (it
 * listed the thirteen forms a metric may take and left the reader to find the slip) and a reserved route param (it
 * loaded, and every call of the route then failed as a client error before it was sent).
 */
class MistypedSettingsTest {
    @TempDir Path dir;

    @Test
    void aMistypedMetricSaysWhichOfTheSuitesMetricsItLikelyMeant() {
        Path root = FixtureWorkspace.copyTo(dir);
        FixtureWorkspace.replace(root, "gates.yaml", "metric: routing.accuracy, baseline", "metric: routing.acuracy, baseline");

        WorkspaceException e = FixtureWorkspace.loadFailure(root);

        assertThat(e.getMessage()).isEqualTo("gates.yaml:4:67: unknown metric \"routing.acuracy\" (did you mean"
                + " routing.accuracy? expected one of: classification.<field>.accuracy, classification.<field>.macro_f1,"
                + " classification.<field>.precision.<label>, classification.<field>.recall.<label>,"
                + " classification.<field>.f1.<label>, extraction.<field>.accuracy, extraction.exact_match, routing.accuracy,"
                + " check.<name>.pass_rate, judge.<name>.pass_rate, judge.<name>.mean_score, policy.rejection_rate,"
                + " policy.leak_rate)");
    }

    @Test
    void aReservedParamWithAValueNoProviderTakesIsRefusedWhereItIsWritten() {
        Path root = FixtureWorkspace.copyTo(dir);
        FixtureWorkspace.replace(root, "routes.yaml", "params: {temperature: 0, max_tokens: 400}",
                "params: {temperature: 0, max_tokens: 400, structured_output: json_objct}");

        WorkspaceException e = FixtureWorkspace.loadFailure(root);

        assertThat(e.getMessage()).isEqualTo("routes.yaml:12:66: \"structured_output\" must be one of: json_schema,"
                + " json_object, none; found string \"json_objct\" (did you mean json_object?)");
    }
}
