package io.fetchbox.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The minimum rate, total time and idle rules of one upload, on a fake clock (README, "The API"). */
class UploadPaceTest {
    private static final long SECOND = 1_000_000_000L;
    private final AtomicLong now = new AtomicLong(5 * SECOND);

    private UploadPace pace(long idleSeconds) {
        return new UploadPace(UploadLimits.DEFAULT, idleSeconds * SECOND, now::get);
    }

    @Test
    void theDefaultsAreFourSlotsOneKibPerSecondOverTenSecondsAndTenMinutes() {
        assertThat(UploadLimits.DEFAULT.slots()).isEqualTo(4);
        assertThat(UploadLimits.DEFAULT.minBytesPerWindow()).isEqualTo(10 * 1024);
        assertThat(UploadLimits.DEFAULT.window()).isEqualTo(Duration.ofSeconds(10));
        assertThat(UploadLimits.DEFAULT.total()).isEqualTo(Duration.ofMinutes(10));
        assertThat(UploadLimits.DEFAULT.retryAfter()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void vertxReportsAWorkerBlockedOnlyAfterTheLongestUpload() {
        long nanos = UploadLimits.DEFAULT
                .vertxOptions()
                .getMaxWorkerExecuteTimeUnit()
                .toNanos(UploadLimits.DEFAULT.vertxOptions().getMaxWorkerExecuteTime());
        assertThat(nanos).isGreaterThan(UploadLimits.DEFAULT.total().toNanos());
    }

    @Test
    void waitsNoLongerThanTheEndOfTheWindow() throws Exception {
        UploadPace pace = pace(30);
        assertThat(pace.checkAndWaitNanos()).isEqualTo(10 * SECOND);
        now.addAndGet(4 * SECOND);
        assertThat(pace.checkAndWaitNanos()).isEqualTo(6 * SECOND);
    }

    @Test
    void aWindowWithFewerBytesThanTheMinimumIsRefusedEvenWhenTheClientIsNeverSilent() throws Exception {
        UploadPace pace = pace(30);
        for (int i = 0; i < 9; i++) {
            now.addAndGet(SECOND);
            pace.arrived(1000); // 1,000 bytes/s: under 1 KiB/s
            pace.checkAndWaitNanos();
        }
        now.addAndGet(SECOND);
        pace.arrived(1000);

        assertThatThrownBy(pace::checkAndWaitNanos)
                .isInstanceOf(UploadTooSlowException.class)
                .hasMessageContaining("slower than 10240 bytes in 10 s");
    }

    @Test
    void enoughBytesInEveryWindowGoOnUntilTheTotalTimeIsUp() throws Exception {
        UploadPace pace = pace(30);
        for (int window = 0; window < 59; window++) {
            now.addAndGet(10 * SECOND);
            pace.arrived(10 * 1024);
            pace.checkAndWaitNanos();
        }
        now.addAndGet(10 * SECOND);
        pace.arrived(1 << 20);

        assertThatThrownBy(pace::checkAndWaitNanos)
                .isInstanceOf(UploadTooSlowException.class)
                .hasMessageContaining("longer than 600 s");
    }

    @Test
    void silenceForTheIdleTimeoutIsRefusedBeforeTheWindowEnds() throws Exception {
        UploadPace pace = pace(2);
        pace.arrived(100_000);
        assertThat(pace.checkAndWaitNanos()).isEqualTo(2 * SECOND);
        now.addAndGet(2 * SECOND);

        assertThatThrownBy(pace::checkAndWaitNanos)
                .isInstanceOf(UploadTooSlowException.class)
                .hasMessageContaining("sent nothing for 2000 ms");
    }
}
