package io.fetchbox.it;

import static org.awaitility.Awaitility.await;

import io.fetchbox.testing.TestServer;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.awaitility.core.ConditionTimeoutException;

/** Polling a running fetchbox for a state (never sleeping a guessed time), with its log when it never comes. */
final class Waits {
    private static final Duration POLL = Duration.ofMillis(20);

    private Waits() {}

    /**
     * Polls {@code condition} until it holds, for at most {@code atMost}. Fails at once if the process exits
     * meanwhile, and on time-out, in both cases with the process log and the server's request log.
     */
    static void until(
            FetchboxProcess fetchbox, TestServer server, Duration atMost, String what, BooleanSupplier condition) {
        long origin = System.nanoTime();
        try {
            await().atMost(atMost).pollDelay(Duration.ZERO).pollInterval(POLL).until(() -> {
                if (condition.getAsBoolean()) {
                    return true;
                }
                if (!fetchbox.isAlive()) {
                    throw new AssertionError("fetchbox exited while waiting for: " + what + "\n"
                            + fetchbox.describe() + "\nrequests:\n"
                            + Checks.requestLog(server.requests(), origin));
                }
                return false;
            });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(
                    "not within " + atMost + ": " + what + "\n" + fetchbox.describe() + "\nrequests:\n"
                            + Checks.requestLog(server.requests(), origin),
                    e);
        }
    }
}
