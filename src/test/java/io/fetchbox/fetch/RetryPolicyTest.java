package io.fetchbox.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
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

    /** RetriesTest's end-to-end settings (retry-delay 200 ms, 3 retries): the exact waits, jitter at both ends. */
    @ParameterizedTest
    @CsvSource({
        // attempt, random, expected wait in ms: between half and all of 200, 400, 800
        "1, 0.0, 100",
        "1, 0.5, 150",
        "1, 0.999999, 200",
        "2, 0.0, 200",
        "2, 0.5, 300",
        "2, 0.999999, 400",
        "3, 0.0, 400",
        "3, 0.5, 600",
        "3, 0.999999, 800"
    })
    void eachAttemptWaitsBetweenHalfAndAllOfTheDoubledDelay(int attempt, double random, long expected) {
        RetryPolicy policy = new RetryPolicy(3, Duration.ofMillis(200), Duration.ofSeconds(60), () -> random);

        assertThat(policy.delayMillis(attempt, null, NOW)).isEqualTo(expected);
    }

    @Test
    void aLaterAttemptNeverWaitsLessThanAnEarlierOneMayWait() {
        RetryPolicy low = new RetryPolicy(3, Duration.ofMillis(200), Duration.ofSeconds(60), () -> 0.0);
        RetryPolicy high = new RetryPolicy(3, Duration.ofMillis(200), Duration.ofSeconds(60), () -> 0.999999);

        for (int attempt = 1; attempt < 3; attempt++) {
            assertThat(low.delayMillis(attempt + 1, null, NOW)).isEqualTo(high.delayMillis(attempt, null, NOW));
        }
    }

    @ParameterizedTest
    @CsvSource({
        // attempt, random, expected: 800 ms capped at 300 before the jitter halves it
        "3, 0.0, 150",
        "3, 0.999999, 300",
        "10, 0.5, 225"
    })
    void theBackOffIsCappedAtTheMaxDelayBeforeJitter(int attempt, double random, long expected) {
        RetryPolicy policy = new RetryPolicy(3, Duration.ofMillis(200), Duration.ofMillis(300), () -> random);

        assertThat(policy.delayMillis(attempt, null, NOW)).isEqualTo(expected);
    }

    /**
     * RetriesTest's end-to-end settings (retry-delay 10 ms, retry-max-delay 1500 ms): Retry-After replaces the
     * back-off whatever the attempt, without jitter, in seconds or as a date, up to the cap.
     */
    @ParameterizedTest
    @CsvSource({
        // attempt, Retry-After, random, expected wait in ms
        "1, 1, 0.0, 1000",
        "1, 1, 0.999999, 1000",
        "3, 1, 0.0, 1000",
        "1, ' 1 ', 0.5, 1000",
        "1, 0, 0.5, 0",
        "1, 2, 0.5, 1500",
        "1, 3600, 0.5, 1500",
        "1, 99999999999999999999, 0.5, 1500",
        "1, 'Sat, 28 Nov 2026 09:00:01 GMT', 0.0, 1000",
        "1, 'Sat, 28 Nov 2026 09:00:02 GMT', 0.5, 1500",
        "1, 'Sat, 28 Nov 2026 10:00:00 GMT', 0.5, 1500",
        "1, 'Sat, 28 Nov 2026 08:59:59 GMT', 0.5, 0",
        "2, 'not a date', 0.0, 10"
    })
    void retryAfterInSecondsOrAsADateIsHonouredUpToTheCap(
            int attempt, String retryAfter, double random, long expected) {
        RetryPolicy policy = new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(1500), () -> random);

        assertThat(policy.delayMillis(attempt, retryAfter, NOW)).isEqualTo(expected);
    }

    @Test
    void anHttpDateIsCountedFromNowToTheMillisecond() {
        RetryPolicy policy = new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(1500), () -> 0.5);

        // Endpoints' /flaky/?retry_after_date: the date is rounded up to the second, so 1 to 2 s ahead
        assertThat(policy.delayMillis(1, "Sat, 28 Nov 2026 09:00:01 GMT", NOW.plusMillis(250)))
                .isEqualTo(750);
        assertThat(policy.delayMillis(1, "Sat, 28 Nov 2026 09:00:01 GMT", NOW.plusMillis(1001)))
                .isZero();
    }
}
