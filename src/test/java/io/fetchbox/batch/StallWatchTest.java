package io.fetchbox.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class StallWatchTest {
    private static final long SECOND = 1_000_000_000L;
    private final AtomicLong clock = new AtomicLong(42 * SECOND);
    private final AtomicInteger running = new AtomicInteger(1);
    private final AtomicInteger stalls = new AtomicInteger();

    private StallWatch watch(Duration timeout) {
        return new StallWatch(
                timeout,
                clock::get,
                running::get,
                () -> "disk: 0.1 GB free, need 1.0 GB",
                stalls::incrementAndGet,
                "next");
    }

    @Test
    void runningBatchesWithoutProgressForTheTimeoutAreAStallSaidOnce() {
        StallWatch watch = watch(Duration.ofSeconds(10));

        clock.addAndGet(10 * SECOND - 1);
        watch.check();
        assertThat(stalls).hasValue(0);
        clock.addAndGet(1);
        watch.check();
        assertThat(stalls).hasValue(1);
        clock.addAndGet(60 * SECOND);
        watch.check();
        assertThat(stalls).as("one stall, one call").hasValue(1);
    }

    @Test
    void everyByteAndOutcomePutsTheStallOff() {
        StallWatch watch = watch(Duration.ofSeconds(10));

        for (int i = 0; i < 5; i++) {
            clock.addAndGet(9 * SECOND);
            watch.progressed();
            watch.check();
        }
        clock.addAndGet(9 * SECOND);
        watch.outcome(null);
        clock.addAndGet(9 * SECOND);
        watch.check();

        assertThat(stalls).hasValue(0);
    }

    @Test
    void aStallThatEndsCanBeFollowedByAnother() {
        StallWatch watch = watch(Duration.ofSeconds(10));
        clock.addAndGet(10 * SECOND);
        watch.check();
        watch.started("b");
        watch.check();
        clock.addAndGet(10 * SECOND);
        watch.check();

        assertThat(stalls).hasValue(2);
    }

    @Test
    void nothingRunningIsIdlenessNotAStall() {
        StallWatch watch = watch(Duration.ofSeconds(10));
        running.set(0);
        clock.addAndGet(100 * SECOND);
        watch.check();
        running.set(1);
        clock.addAndGet(9 * SECOND);
        watch.check();

        assertThat(stalls).hasValue(0);
    }

    @Test
    void zeroTurnsTheWatchOff() {
        StallWatch watch = watch(Duration.ZERO);
        clock.addAndGet(1000 * SECOND);
        watch.check();

        assertThat(stalls).hasValue(0);
    }
}
