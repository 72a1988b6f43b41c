package io.fetchbox.inbox;

import io.fetchbox.batch.Stamped;
import io.fetchbox.folders.InboxFolders;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * {@code inbox/.error/}: where a file that is not a list is set aside, with a
 * {@code <file name>.error.txt} beside it saying why (README, "The inbox"). Nothing there is ever
 * replaced or written through a link: a name already taken gets a time stamp, then a number.
 */
public final class ErrorFolder {
    private static final int MAX_TRIES = 100;
    private final Path inbox;
    private final Path folder;

    public ErrorFolder(Path inbox) {
        this.inbox = inbox;
        this.folder = InboxFolders.error(inbox);
    }

    /**
     * Moves {@code file} (itself: a symbolic link is moved, never followed) into the folder as
     * {@code name}, then writes its note; returns where it went, relative to the inbox.
     */
    public Path setAside(Path file, String name, String note) throws IOException {
        Files.createDirectories(folder);
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            // a link planted there would take the file and its note anywhere fetchbox may write
            throw new IOException(
                    inbox.relativize(folder) + " is not a folder but a link to one: nothing is moved there");
        }
        Path target = freeName(name);
        Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
        // CREATE_NEW: never through a link, never over a file
        Files.writeString(
                noteOf(target),
                note + "\n",
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE);
        return inbox.relativize(target);
    }

    /** {@code name}, else with a time stamp, else numbered: a name free for the file and its note. */
    private Path freeName(String name) throws IOException {
        String stamped = Stamped.name(name, Instant.now());
        for (int n = 0; n < MAX_TRIES; n++) {
            Path candidate = folder.resolve(n == 0 ? name : n == 1 ? stamped : stamped + "." + n);
            // NOFOLLOW: a broken link there takes the name too, and a rename would replace it
            if (!Files.exists(candidate, LinkOption.NOFOLLOW_LINKS)
                    && !Files.exists(noteOf(candidate), LinkOption.NOFOLLOW_LINKS)) {
                return candidate;
            }
        }
        throw new IOException("no free name for " + name + " in " + inbox.relativize(folder));
    }

    private static Path noteOf(Path target) {
        return target.resolveSibling(target.getFileName() + ".error.txt");
    }
}
