package io.fetchbox.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SettledReadLockTest {
    private static final long NOW = 1_800_000_000_000L;

    @ParameterizedTest
    @CsvSource({
        // settle ms, modified ms before now, taken at once
        "1000, 1000, true",
        "1000, 3600000, true",
        "1000, 999, false",
        "1000, 0, false",
        // a time in the future proves nothing: watched like a file being written
        "1000, -5000, false",
        "0, 0, true",
        "0, -1, false"
    })
    void aFileStillForTheSettleTimeIsTakenAtOnce(long settle, long age, boolean settled) {
        SettledReadLock lock = new SettledReadLock(Duration.ofMillis(settle), Clock.systemUTC());
        assertThat(lock.isSettled(NOW - age, NOW)).isEqualTo(settled);
    }

    @ParameterizedTest
    @CsvSource({"1000", "0"})
    void aMissingFileIsNeverSettled(long settle) {
        // File.lastModified answers 0 for a file that is gone
        assertThat(new SettledReadLock(Duration.ofMillis(settle), Clock.systemUTC()).isSettled(0, NOW))
                .isFalse();
    }
}
