package io.fetchbox.lock;

import java.nio.file.Path;

/**
 * Another fetchbox holds a folder of this set; the message is the one line a second instance prints.
 * Unchecked: it ends start-up wherever it is met, and Service turns it into exit code 2.
 */
public final class HeldElsewhereException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    private final transient InstanceLock.Holder holder;
    private final transient Path folder;

    HeldElsewhereException(Path folder, InstanceLock.Holder holder) {
        super("another fetchbox (pid " + (holder.pid() < 0 ? "unknown" : Long.toString(holder.pid())) + " on host "
                + holder.host() + ") uses " + folder + "; stop it first");
        this.holder = holder;
        this.folder = folder;
    }

    public InstanceLock.Holder holder() {
        return holder;
    }

    public Path folder() {
        return folder;
    }
}
