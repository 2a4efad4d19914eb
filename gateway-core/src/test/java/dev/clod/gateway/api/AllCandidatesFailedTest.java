package dev.clod.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a caller is told when every deployment failed: the status and, if all were limited, when to retry. */
class AllCandidatesFailedTest {

    @Test
    void whenEveryDeploymentWasRateLimitedTheSoonestRetryIsTold() {
        AllCandidatesFailedException failed = new AllCandidatesFailedException(
                "m",
                List.of(
                        limited("m/a", Duration.ofSeconds(30)),
                        limited("m/b", Duration.ofMillis(2_100)),
                        limited("m/c", null)));

        assertThat(failed.status()).isEqualTo(429);
        assertThat(failed.retryAfterSeconds()).hasValue(3);
    }

    @Test
    void aLimitWithoutAWaitMeansOneSecond() {
        assertThat(new AllCandidatesFailedException("m", List.of(limited("m/a", null))).retryAfterSeconds())
                .hasValue(1);
    }

    @Test
    void mixedFailuresTellNoRetry() {
        AllCandidatesFailedException failed = new AllCandidatesFailedException(
                "m",
                List.of(
                        limited("m/a", Duration.ofSeconds(5)),
                        new UpstreamException(FailureClass.TRANSIENT, "m/b", 503, "unavailable", null)));

        assertThat(failed.status()).isEqualTo(502);
        assertThat(failed.retryAfterSeconds()).isEmpty();
    }

    private static UpstreamException limited(String deployment, Duration wait) {
        return new UpstreamException(FailureClass.RATE_LIMITED, deployment, 429, "slow down", null, wait);
    }
}
