package io.fetchbox.inbox;

import java.io.File;
import java.time.Clock;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.apache.camel.Exchange;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileOperations;
import org.apache.camel.component.file.strategy.FileChangedExclusiveReadLockStrategy;

/**
 * The inbox's read lock: a list is taken once its size and time have not changed for
 * {@code fetchbox.inbox-settle}. A file last written longer ago than that is taken at once (its
 * modification time says it has been still since); a younger one, or one with a time in the future,
 * is watched by Camel's {@code changed} lock until it has stood still for the settle time. Camel's
 * {@code changed} lock alone watches every file for a whole settle time, however old it is: a
 * second per list by default, even for lists that waited in the inbox for an hour.
 *
 * <p>A stopping service takes no list: the inbox filter may have accepted one just before SIGTERM,
 * and the lock, asked right before the list is moved to {@code .inprogress/}, leaves it in the inbox.
 */
public final class SettledReadLock extends FileChangedExclusiveReadLockStrategy {
    private final long settleMillis;
    private final Clock clock;
    private final BooleanSupplier stopping;

    public SettledReadLock(Duration settle, Clock clock, BooleanSupplier stopping) {
        this.settleMillis = settle.toMillis();
        this.clock = clock;
        this.stopping = stopping;
        // Camel ignores a check interval of 0 and waits its default second instead
        setCheckInterval(Math.max(1, settleMillis));
        // a list still changing after this long is left for the next poll
        setTimeout(Math.max(10_000, settleMillis * 10));
        setMinLength(0);
        setMarkerFiler(false);
    }

    @Override
    public boolean acquireExclusiveReadLock(
            GenericFileOperations<File> operations, GenericFile<File> file, Exchange exchange) throws Exception {
        if (stopping.getAsBoolean()) {
            return false;
        }
        if (isSettled(new File(file.getAbsoluteFilePath()).lastModified(), clock.millis())) {
            return true;
        }
        // Camel's lock may watch the file for a while: the service may have begun to stop meanwhile
        return super.acquireExclusiveReadLock(operations, file, exchange) && !stopping.getAsBoolean();
    }

    /** Whether a file last modified at {@code modifiedMillis} has been still for the settle time. */
    boolean isSettled(long modifiedMillis, long nowMillis) {
        // 0: the file is gone (File.lastModified's answer); a future time proves nothing
        return modifiedMillis > 0 && modifiedMillis <= nowMillis && nowMillis - modifiedMillis >= settleMillis;
    }
}
