package io.fetchbox.inbox;

import io.fetchbox.batch.OnceWatch;
import io.fetchbox.batch.RunVerdict;
import io.fetchbox.list.ListChecker;
import io.fetchbox.list.ListFormat;
import io.fetchbox.list.ListRefusedException;
import java.io.IOException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gate between the inbox and a batch: a list is checked whole (one streaming pass) before any
 * URL of it is fetched; a file that is not a list goes to {@code inbox/.error/} with a
 * {@code <file name>.error.txt} that says why.
 */
public final class Intake {
    private static final Logger LOG = LoggerFactory.getLogger(Intake.class);
    private final long maxListBytes;
    private final RunVerdict verdict;
    private final OnceWatch onceWatch;
    private final ErrorFolder errors;

    public Intake(Path inbox, long maxListBytes, RunVerdict verdict, OnceWatch onceWatch) {
        this.errors = new ErrorFolder(inbox);
        this.maxListBytes = maxListBytes;
        this.verdict = verdict;
        this.onceWatch = onceWatch;
    }

    public void check(String listFile, String listName) throws ListRefusedException {
        // the inbox filter saw a list; whoever can write .inprogress/ may have put a FIFO there since
        FileType type = FileType.of(Path.of(listFile));
        if (!type.isList()) {
            throw new ListRefusedException(listName + " " + type.description());
        }
        ListChecker.check(Path.of(listFile), ListFormat.of(listName), maxListBytes);
    }

    public void refuse(String listFile, String listName, Exception why) throws IOException {
        moveToError(listFile, listName, listName + " is not a list fetchbox can read: " + why.getMessage());
    }

    /** A list fetchbox could not start a batch for (reports folder not writable, ...): also set aside, with why. */
    public void cannotStart(String listFile, String listName, Exception why) throws IOException {
        LOG.error("{}: cannot start its batch", listName, why);
        moveToError(listFile, listName, "fetchbox could not start a batch for " + listName + ": " + why);
    }

    private void moveToError(String listFile, String listName, String reason) throws IOException {
        Path moved = errors.setAside(Path.of(listFile), listName, reason);
        LOG.error("{}: moved to {}: {}", listName, moved, reason);
        verdict.listRefused();
        onceWatch.ended(listName);
    }
}
