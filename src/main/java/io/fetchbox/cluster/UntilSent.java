package io.fetchbox.cluster;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends to the broker until it has taken the message (README, "Running a cluster": a broker restarted
 * mid-batch loses nothing). While the broker is away the sending thread waits, trying again every
 * second: the feed reads no further, a download holds its outcome. The outage is said once when it
 * begins and once when it ends; a stop ends the wait with the failure.
 */
final class UntilSent {
    private static final Logger LOG = LoggerFactory.getLogger(UntilSent.class);
    private static final long WAIT_MILLIS = 1000;
    private static final AtomicBoolean AWAY = new AtomicBoolean();

    private UntilSent() {}

    static void send(String what, Runnable send, BooleanSupplier stopping) {
        while (true) {
            try {
                send.run();
                if (AWAY.compareAndSet(true, false)) {
                    LOG.info("the broker takes messages again");
                }
                return;
            } catch (RuntimeException e) {
                if (stopping.getAsBoolean()) {
                    throw e;
                }
                if (AWAY.compareAndSet(false, true)) {
                    LOG.warn(
                            "the broker cannot take {} ({}): waiting for it, trying every second",
                            what,
                            e.getMessage());
                }
                try {
                    TimeUnit.MILLISECONDS.sleep(WAIT_MILLIS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
