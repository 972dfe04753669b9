package dev.evalbench.core.route.retry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.core.workspace.RouteSpec;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    final RouteSpec.Retry retry = new RouteSpec.Retry(6, 500, 8000, 100);

    @Test
    void fullJitterDrawsBelowAnExponentialCeilingCappedAtMaxDelay() {
        RetryPolicy nearlyOne = RetryPolicy.of(retry, () -> 0.999999);
        assertThat(nearlyOne.delayBefore(1, -1)).isEqualTo(499);
        assertThat(nearlyOne.delayBefore(2, -1)).isEqualTo(999);
        assertThat(nearlyOne.delayBefore(4, -1)).isEqualTo(3999);
        assertThat(nearlyOne.delayBefore(5, -1)).isEqualTo(7999);
        assertThat(nearlyOne.delayBefore(40, -1)).isEqualTo(7999);
        assertThat(RetryPolicy.of(retry, () -> 0.0).delayBefore(3, -1)).isZero();
    }

    @Test
    void retryAfterWinsWhenLongerAndEndsRetriesWhenBeyondMaxDelay() {
        RetryPolicy policy = RetryPolicy.of(retry, () -> 0.5);
        assertThat(policy.delayBefore(1, 3000)).isEqualTo(3000);
        assertThat(policy.delayBefore(1, 10)).isEqualTo(250);
        assertThat(policy.accepts(8000)).isTrue();
        assertThat(policy.accepts(8001)).isFalse();
    }

    @Test
    void aRouteWithoutRetriesMakesOneAttempt() {
        assertThat(RetryPolicy.of(null, () -> 0.5).maxAttempts()).isEqualTo(1);
    }

    @Test
    void theBudgetIsSpentOnce() {
        RetryBudget budget = new RetryBudget(2);
        assertThat(budget.tryTake()).isTrue();
        assertThat(budget.tryTake()).isTrue();
        assertThat(budget.tryTake()).isFalse();
        assertThat(budget.remaining()).isZero();
    }
}
