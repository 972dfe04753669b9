package dev.evalbench.app.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.Test;

/** Ctrl+R pressed while the workspace is read starts the run once it is read, once. */
class RunWhenReadTest {
    private final SimpleBooleanProperty reading = new SimpleBooleanProperty();
    private final List<String> said = new ArrayList<>();
    private int runs;
    private final RunWhenRead whenRead = new RunWhenRead(reading, () -> runs++, said::add);

    @Test
    void runsAtOnceWhenTheWorkspaceIsRead() {
        whenRead.request();
        assertThat(runs).isEqualTo(1);
        assertThat(said).isEmpty();
    }

    @Test
    void waitsForTheReadThenRunsOnceAndSaysSoMeanwhile() {
        reading.set(true);
        whenRead.request();
        whenRead.request();
        assertThat(runs).as("not with the workspace as it was before the save").isZero();
        assertThat(said).containsOnly("Reading the workspace: the run starts once it is read.");

        reading.set(false);
        assertThat(runs).as("pressed twice while reading: one run").isEqualTo(1);
        reading.set(true);
        reading.set(false);
        assertThat(runs).as("a later read starts nothing by itself").isEqualTo(1);
    }

    @Test
    void aRunOfSomeCasesAgainAlsoWaitsAndTheNewestRequestIsTheOneThatStarts() {
        List<String> started = new ArrayList<>();
        reading.set(true);
        whenRead.request();
        whenRead.request(() -> started.add("failing cases of run r1"));
        assertThat(started).isEmpty();
        reading.set(false);
        assertThat(started).containsExactly("failing cases of run r1");
        assertThat(runs).as("the later request replaced Ctrl+R's").isZero();
        whenRead.request(() -> started.add("case t001"));
        assertThat(started).containsExactly("failing cases of run r1", "case t001");
    }
}
