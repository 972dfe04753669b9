package dev.evalbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which signals stop a run gracefully and which stop it at once. */
class StopRequestsTest {
    private final List<String> done = new ArrayList<>();
    private final StopRequests requests = new StopRequests(() -> done.add("cancel"), () -> done.add("halt"));

    @Test
    void theFirstSignalCancelsAndTheCopiesOfACtrlCWithinASecondDoNothingMore() {
        assertThat(requests.requested()).isFalse();
        requests.signalled(5_000_000_000L);
        requests.signalled(5_004_000_000L); // the launcher's SIGTERM, 4 ms after the terminal's SIGINT
        requests.signalled(5_999_000_000L);
        assertThat(requests.requested()).isTrue();
        assertThat(done).containsOnly("cancel");
    }

    @Test
    void aSignalASecondOrMoreLaterStopsAtOnce() {
        requests.signalled(-2_000_000_000L); // nanoTime may be negative
        requests.signalled(-1_000_000_000L);
        assertThat(done).containsExactly("cancel", "halt");
    }
}
