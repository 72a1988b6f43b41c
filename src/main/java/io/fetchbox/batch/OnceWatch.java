package io.fetchbox.batch;

import java.util.HashSet;
import java.util.Set;

/**
 * For {@code --once}: the lists that were waiting at start-up, the only ones the run takes, and a
 * signal when each of them has ended (its batch finished, or it was refused). In service mode it
 * admits every list and never signals.
 */
public final class OnceWatch {
    private final boolean once;
    private final Set<String> pending;
    private final Runnable whenAllDone;
    private boolean signalled;

    private OnceWatch(boolean once, Set<String> waitingLists, Runnable whenAllDone) {
        this.once = once;
        this.pending = new HashSet<>(waitingLists);
        this.whenAllDone = whenAllDone;
    }

    public static OnceWatch once(Set<String> waitingLists, Runnable whenAllDone) {
        return new OnceWatch(true, waitingLists, whenAllDone);
    }

    public static OnceWatch service() {
        return new OnceWatch(false, Set.of(), () -> {});
    }

    /** A one-shot run takes only the lists that were there when it started. */
    public synchronized boolean admits(String listName) {
        return !once || pending.contains(listName);
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
        if (once && pending.isEmpty() && !signalled) {
            signalled = true;
            whenAllDone.run();
        }
    }
}
