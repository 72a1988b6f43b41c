package io.fetchbox.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryPolicyTest {
    private static final Instant NOW = Instant.parse("2026-11-28T09:00:00Z");

    @ParameterizedTest
    @CsvSource({
        "timeout, , 1, true",
        "connect, , 1, true",
        "reset, , 3, true",
        "truncated, , 4, false",
        "http_503, 503, 1, true",
        "http_429, 429, 1, true",
        "http_408, 408, 1, true",
        "http_425, 425, 1, true",
        "http_404, 404, 1, false",
        "http_501, 501, 1, false",
        "too_large, , 1, false",
        "checksum_mismatch, , 1, false",
        "denied, , 1, false",
        "redirect_loop, 302, 1, false"
    })
    void whatIsRetriedAndHowOften(String code, Integer status, int attempt, boolean retried) {
        RetryPolicy policy = new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(60), () -> 0.5);

        assertThat(policy.mayRetry(new FetchFailure(code, status, "x"), attempt))
                .isEqualTo(retried);
    }

    @ParameterizedTest
    @CsvSource({
        // attempt, Retry-After, random, expected wait in ms
        "1, , 0.0, 500",
        "1, , 1.0, 1000",
        "2, , 1.0, 2000",
        "3, , 0.5, 3000",
        "10, , 1.0, 60000",
        "1, 5, 0.5, 5000",
        "1, 3600, 0.5, 60000",
        "1, 'Sat, 28 Nov 2026 09:00:30 GMT', 0.5, 30000",
        "1, 'Sat, 28 Nov 2026 08:00:00 GMT', 0.5, 0",
        "1, soon, 1.0, 1000"
    })
    void waitsDoubleWithJitterAndHonourRetryAfterUpToTheCap(
            int attempt, String retryAfter, double random, long expected) {
        RetryPolicy policy = new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(60), () -> random);

        assertThat(policy.delayMillis(attempt, retryAfter, NOW)).isEqualTo(expected);
    }
}
