package io.fetchbox.inbox;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * What an inbox entry is, found without opening it (README, "The inbox": only regular files, or
 * symbolic links to them, are lists). Opening a FIFO blocks until someone writes to it, and a broken
 * symbolic link looks like a file that is always missing, so the type is read first: the entry itself
 * ({@code lstat}), then, for a symbolic link, its target ({@code stat}).
 *
 * @param kind what fetchbox does with it
 * @param description for a list, nothing; else what it is, for the log and {@code <name>.error.txt}
 */
public record FileType(Kind kind, String description) {

    public enum Kind {
        /** A regular file, or a symbolic link to one: a list. */
        LIST,
        /** A folder, or a symbolic link to one: ignored. */
        DIRECTORY,
        /** A FIFO, socket, device, or a symbolic link that is broken or leads to one: set aside. */
        ODD,
        /** Gone since the folder was listed: nothing to take or set aside. */
        VANISHED
    }

    // the file type bits of st_mode (POSIX), as Java's "unix:mode" attribute gives them
    private static final int TYPE_BITS = 0170000;
    private static final int FIFO = 0010000;
    private static final int CHARACTER_DEVICE = 0020000;
    private static final int BLOCK_DEVICE = 0060000;
    private static final int SOCKET = 0140000;

    private static final FileType LIST = new FileType(Kind.LIST, "");
    private static final FileType DIRECTORY = new FileType(Kind.DIRECTORY, "is a folder");
    private static final FileType VANISHED = new FileType(Kind.VANISHED, "vanished before it could be taken");

    public static FileType of(Path entry) {
        BasicFileAttributes own;
        try {
            own = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return VANISHED;
        } catch (IOException e) {
            return odd("cannot be examined (" + reason(e) + ")");
        }
        if (own.isRegularFile()) {
            return LIST;
        }
        if (own.isDirectory()) {
            return DIRECTORY;
        }
        if (own.isSymbolicLink()) {
            return ofLinkTarget(entry);
        }
        return odd("is " + special(entry, LinkOption.NOFOLLOW_LINKS) + ", not a regular file");
    }

    /**
     * As {@link #of}, for an entry that is to be moved into {@code folder} (a sibling of
     * {@code .inprogress/}, {@code .done/}): a symbolic link with a relative target that would lead
     * elsewhere from there is no list either, since it would break the moment it is taken.
     */
    public static FileType ofMovedTo(Path entry, Path folder) {
        FileType type = of(entry);
        if (type.kind() != Kind.LIST || !Files.isSymbolicLink(entry)) {
            return type;
        }
        try {
            Path target = Files.readSymbolicLink(entry);
            if (target.isAbsolute() || Files.isSameFile(entry, folder.resolve(target))) {
                return type;
            }
        } catch (IOException e) {
            // gone, or leads nowhere from there: the same answer
        }
        return odd("is a symbolic link to the relative path " + linkTarget(entry) + ", which leads elsewhere once the"
                + " list is moved to " + folder.getFileName() + "/: link to an absolute path");
    }

    private static FileType ofLinkTarget(Path link) {
        BasicFileAttributes target;
        try {
            target = Files.readAttributes(link, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return odd("is a broken symbolic link: its target " + linkTarget(link) + " does not exist");
        } catch (IOException e) {
            // a loop of links, a folder on the way that may not be entered, ...
            return odd("is a symbolic link to " + linkTarget(link) + " that cannot be followed (" + reason(e) + ")");
        }
        if (target.isRegularFile()) {
            return LIST;
        }
        if (target.isDirectory()) {
            return DIRECTORY;
        }
        return odd("is a symbolic link to " + special(link) + ", not to a regular file");
    }

    /** "a FIFO (named pipe)", "a socket", ...: what a file that is neither regular nor a folder is. */
    private static String special(Path file, LinkOption... options) {
        int mode;
        try {
            mode = (Integer) Files.getAttribute(file, "unix:mode", options) & TYPE_BITS;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            // no "unix" attribute view on this file system: say what is known
            return "a special file (a FIFO, socket or device)";
        }
        return switch (mode) {
            case FIFO -> "a FIFO (named pipe)";
            case SOCKET -> "a socket";
            case CHARACTER_DEVICE -> "a character device";
            case BLOCK_DEVICE -> "a block device";
            default -> "a special file";
        };
    }

    private static String linkTarget(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException | UnsupportedOperationException e) {
            return "(unreadable)";
        }
    }

    private static String reason(IOException e) {
        return e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason() : e.toString();
    }

    private static FileType odd(String description) {
        return new FileType(Kind.ODD, description);
    }

    public boolean isList() {
        return kind == Kind.LIST;
    }
}
