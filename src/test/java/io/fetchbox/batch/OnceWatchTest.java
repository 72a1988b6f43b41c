package io.fetchbox.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OnceWatchTest {
    @Test
    void aOneShotRunTakesOnlyWhatWasWaitingAndSignalsOnceAllEnded() {
        AtomicInteger signals = new AtomicInteger();
        OnceWatch watch = OnceWatch.once(Set.of("a.txt", "b.csv"), signals::incrementAndGet);

        watch.started();
        assertThat(watch.admits("a.txt")).isTrue();
        assertThat(watch.admits("late.txt")).isFalse();
        watch.ended("a.txt");
        assertThat(signals).hasValue(0);
        watch.ended("b.csv");
        watch.ended("b.csv");

        assertThat(signals).hasValue(1);
    }

    @Test
    void nothingWaitingEndsAOneShotRunAtStart() {
        AtomicInteger signals = new AtomicInteger();
        OnceWatch.once(Set.of(), signals::incrementAndGet).started();

        assertThat(signals).hasValue(1);
    }

    @Test
    void theServiceAdmitsEveryListAndNeverSignals() {
        OnceWatch watch = OnceWatch.service();
        watch.started();
        watch.ended("x.txt");

        assertThat(watch.admits("anything.txt")).isTrue();
    }
}
