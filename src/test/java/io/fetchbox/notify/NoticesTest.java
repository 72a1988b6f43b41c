package io.fetchbox.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A --once run ends when every notice handed over is sent, given up, dropped, or was never written. */
class NoticesTest {
    private final AtomicInteger ended = new AtomicInteger();

    @Test
    void withNothingPendingTheRunEndsAtOnce() {
        new Notices(true).whenAllSent(ended::incrementAndGet);

        assertThat(ended).hasValue(1);
    }

    @Test
    void aNoticeCountedBeforeTheRunEndedHoldsItUntilDone() {
        Notices notices = new Notices(true);
        notices.expect();
        assertThat(notices.wanted(new byte[] {'{', '}'})).isTrue();

        notices.whenAllSent(ended::incrementAndGet);
        assertThat(ended).hasValue(0);

        notices.done();
        assertThat(ended).hasValue(1);
    }

    @Test
    void aSummaryNotWrittenOrDroppedSettlesItsNotice() {
        Notices notices = new Notices(true);
        notices.expect();
        notices.expect();
        notices.whenAllSent(ended::incrementAndGet);

        assertThat(notices.wanted(null)).isFalse();
        assertThat(ended).hasValue(0);
        notices.dropped("pics", new IllegalStateException("Queue full"));
        assertThat(ended).hasValue(1);
    }

    @Test
    void whenOffNothingIsCountedOrSent() {
        Notices notices = new Notices(false);
        notices.expect();

        assertThat(notices.wanted(new byte[0])).isFalse();
        notices.whenAllSent(ended::incrementAndGet);
        assertThat(ended).hasValue(1);
    }
}
