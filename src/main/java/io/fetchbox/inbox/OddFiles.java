package io.fetchbox.inbox;

import io.fetchbox.batch.OnceWatch;
import io.fetchbox.batch.RunVerdict;
import io.fetchbox.folders.InboxFolders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Inbox entries that are not lists (README, "The inbox"): a FIFO, socket or device, a broken symbolic
 * link or one that leads to such a file goes to {@code inbox/.error/} with a note saying what it is,
 * without ever being opened. One that cannot be moved stays where it is, logged once and skipped
 * from then on, so that it holds up nothing. A file that vanished between the folder's listing and
 * its taking is logged once too.
 */
public final class OddFiles {
    private static final Logger LOG = LoggerFactory.getLogger(OddFiles.class);
    private final ErrorFolder errors;
    private final RunVerdict verdict;
    private final OnceWatch onceWatch;
    /** Names already logged as stuck or vanished: the inbox is polled every 50 ms. */
    private final Set<String> logged = ConcurrentHashMap.newKeySet();

    public OddFiles(ErrorFolder errors, RunVerdict verdict, OnceWatch onceWatch) {
        this.errors = errors;
        this.verdict = verdict;
        this.onceWatch = onceWatch;
    }

    /** Sets {@code file} aside, or logs (once) that it cannot be. */
    public void setAside(Path file, FileType type) {
        String name = file.getFileName().toString();
        String note = name + " " + type.description() + "; only regular files (or symbolic links to them) are lists";
        try {
            Path moved = errors.setAside(file, name, note);
            LOG.error("{}: moved to {}: {}", name, moved, note);
            logged.remove(name);
            ended(name);
        } catch (IOException e) {
            if (logged.add(name)) {
                LOG.error("{}: {}; cannot move it to .error/ ({}): skipped", name, note, e.toString());
                ended(name);
            }
        }
    }

    /** Sets aside every entry of {@code folder} that is neither a list nor a folder (hidden names aside). */
    public void setAsideIn(Path folder) {
        if (!Files.isDirectory(folder)) {
            return;
        }
        List<Path> entries;
        try (Stream<Path> files = Files.list(folder)) {
            entries = files.filter(p -> !InboxFolders.isIgnored(p.getFileName().toString()))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
        for (Path entry : entries) {
            FileType type = FileType.of(entry);
            if (type.kind() == FileType.Kind.ODD) {
                setAside(entry, type);
            }
        }
    }

    /** A file that was listed but is gone: nothing to take, nothing to set aside. */
    public void vanished(String name) {
        if (logged.add(name)) {
            LOG.warn("{}: vanished from the inbox before it could be taken", name);
            onceWatch.ended(name);
        }
    }

    /** A list of that name was seen again: a later problem with it is logged again. */
    public void forget(String name) {
        if (!logged.isEmpty()) {
            logged.remove(name);
        }
    }

    private void ended(String name) {
        verdict.listRefused();
        onceWatch.ended(name);
    }
}
