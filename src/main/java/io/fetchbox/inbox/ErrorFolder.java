package io.fetchbox.inbox;

import io.fetchbox.batch.Stamped;
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
 * {@code <file name>.error.txt} beside it saying why (README, "The inbox"). Nothing is ever replaced:
 * a name already taken there gets a time stamp.
 */
public final class ErrorFolder {
    private final Path inbox;
    private final Path folder;

    public ErrorFolder(Path inbox) {
        this.inbox = inbox;
        this.folder = inbox.resolve(".error");
    }

    /**
     * Moves {@code file} (itself: a symbolic link is moved, never followed) into the folder as
     * {@code name}, then writes its note; returns where it went, relative to the inbox.
     */
    public Path setAside(Path file, String name, String note) throws IOException {
        Files.createDirectories(folder);
        Path target = folder.resolve(name);
        // NOFOLLOW: a broken symbolic link there is taken too, and a rename would replace it
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            target = folder.resolve(Stamped.name(name, Instant.now()));
        }
        Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
        Files.writeString(
                target.resolveSibling(target.getFileName() + ".error.txt"),
                note + "\n",
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS);
        return inbox.relativize(target);
    }
}
