package io.fetchbox.batch;

import java.util.HashSet;
import java.util.Set;

/**
 * For {@code --once}: the lists that were waiting at start-up, and a signal when each of them has
 * ended (its batch finished, or it was refused).
 */
public final class OnceWatch {
    private final Set<String> pending;
    private final Runnable whenAllDone;
    private boolean signalled;

    public OnceWatch(Set<String> waitingLists, Runnable whenAllDone) {
        this.pending = new HashSet<>(waitingLists);
        this.whenAllDone = whenAllDone;
    }

    /** Called once the service has started: with nothing waiting, a one-shot run is already over. */
    public synchronized void started() {
        signalIfDone();
    }

    public synchronized void ended(String listName) {
        pending.remove(listName);
        signalIfDone();
    }

    private void signalIfDone() {
        if (pending.isEmpty() && !signalled) {
            signalled = true;
            whenAllDone.run();
        }
    }
}
