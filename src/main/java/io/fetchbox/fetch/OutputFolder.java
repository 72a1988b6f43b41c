package io.fetchbox.fetch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every change fetchbox makes under the output folder, made so that nothing is ever written through
 * a symbolic link or over a file fetchbox did not write (README, "Security"). Paths are relative to
 * the output root, {@code /}-separated, already made safe by the name planner.
 *
 * <ul>
 *   <li>The root is resolved once, at start-up: it may itself be a link, chosen by whoever
 *       configured fetchbox.
 *   <li>Every folder between the root and a file must be a real folder: a link or anything else
 *       there is {@code unsafe_path}, checked before the request and again before the first byte is
 *       written. Missing folders are created one by one ({@code mkdir} never follows a link).
 *   <li>Temporary files are created new ({@code O_CREAT|O_EXCL}, which refuses any existing name,
 *       a dangling link included) under a name no one can predict.
 *   <li>Publishing a new file is a hard link, which fails when the name exists (a person's file, a
 *       link, anything), never a rename over it; replacing fetchbox's own earlier file first checks
 *       that it is still the one fetchbox wrote.
 * </ul>
 */
public final class OutputFolder {
    private static final Logger LOG = LoggerFactory.getLogger(OutputFolder.class);
    private final Path root;

    /** @param root the output folder; created when missing, then resolved to its real path */
    public OutputFolder(Path root) {
        try {
            Files.createDirectories(root);
            this.root = root.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use the output folder " + root, e);
        }
    }

    public Path root() {
        return root;
    }

    public Path resolve(String relative) {
        return root.resolve(relative);
    }

    /**
     * Throws {@code unsafe_path} when a folder on the way to {@code relativeFile} exists as anything
     * but a real folder; folders that do not exist yet are fine.
     */
    public void checkFolders(String relativeFile) throws FetchFailure {
        for (Path folder : foldersOf(relativeFile)) {
            BasicFileAttributes attributes = attributesOrNull(folder);
            if (attributes == null) {
                return;
            }
            if (!attributes.isDirectory()) {
                throw unsafe(folder, attributes);
            }
        }
    }

    /** Creates the missing folders on the way to {@code relativeFile}, refusing any that is not a real folder. */
    public void createFolders(String relativeFile) throws FetchFailure, IOException {
        for (Path folder : foldersOf(relativeFile)) {
            BasicFileAttributes attributes = attributesOrNull(folder);
            if (attributes == null) {
                try {
                    Files.createDirectory(folder);
                    continue;
                } catch (FileAlreadyExistsException raced) {
                    attributes = attributesOrNull(folder); // made meanwhile: by whom, and what?
                }
            }
            if (attributes == null || !attributes.isDirectory()) {
                throw unsafe(folder, attributes);
            }
        }
    }

    /** The folders from the root down to the one holding {@code relativeFile}, the root excluded. */
    private List<Path> foldersOf(String relativeFile) {
        String[] segments = relativeFile.split("/");
        List<Path> folders = new ArrayList<>(segments.length - 1);
        Path folder = root;
        for (int i = 0; i < segments.length - 1; i++) {
            folder = folder.resolve(segments[i]);
            folders.add(folder);
        }
        return folders;
    }

    /**
     * A new, empty temporary file for {@code relativeFile}, beside it (so that publishing stays on
     * one filesystem) under a fresh random name. Returns its path relative to the root.
     */
    public String createTemporary(String relativeFile) throws FetchFailure, IOException {
        createFolders(relativeFile);
        for (int tries = 0; ; tries++) {
            String temporary = TempFiles.newName(relativeFile);
            try {
                Files.createFile(root.resolve(temporary)); // CREATE_NEW: O_EXCL, never through a link
                return temporary;
            } catch (FileAlreadyExistsException taken) {
                if (tries >= 3) {
                    throw taken; // 64 random bits colliding four times is not chance
                }
            }
        }
    }

    /**
     * Opens a temporary file fetchbox created, for writing (truncated, or appended to), walking from
     * the root one folder at a time without following links ({@code openat} with {@code O_NOFOLLOW}
     * where the platform has it): a folder or the file swapped for a link meanwhile is refused, never
     * followed. The file is never created here.
     */
    public SeekableByteChannel openTemporary(String temporary, boolean append) throws FetchFailure, IOException {
        Set<OpenOption> options = Set.of(
                StandardOpenOption.WRITE,
                append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING,
                LinkOption.NOFOLLOW_LINKS);
        String[] segments = temporary.split("/");
        List<DirectoryStream<Path>> opened = new ArrayList<>();
        try {
            DirectoryStream<Path> folder = Files.newDirectoryStream(root);
            opened.add(folder);
            if (!(folder instanceof SecureDirectoryStream<Path> secure)) {
                return Files.newByteChannel(root.resolve(temporary), options); // O_NOFOLLOW on the file only
            }
            for (int i = 0; i < segments.length - 1; i++) {
                secure = secure.newDirectoryStream(Path.of(segments[i]), LinkOption.NOFOLLOW_LINKS);
                opened.add(secure);
            }
            return secure.newByteChannel(Path.of(segments[segments.length - 1]), options);
        } catch (IOException e) {
            throw unsafeOr(temporary, e);
        } finally {
            for (DirectoryStream<Path> folder : opened) {
                folder.close();
            }
        }
    }

    /**
     * Why opening failed: {@code unsafe_path} when a folder on the way or the file itself is now a
     * link or not what fetchbox made (ELOOP, ENOTDIR, ENOENT), else the error as it was.
     */
    private IOException unsafeOr(String temporary, IOException e) throws FetchFailure {
        checkFolders(temporary);
        BasicFileAttributes file = attributesOrNull(temporary);
        if (file == null || !file.isRegularFile()) {
            throw new FetchFailure(
                    "unsafe_path",
                    null,
                    "the temporary file " + temporary + " was replaced or removed during the download: "
                            + e.getMessage());
        }
        return e;
    }

    /** Removes a temporary file fetchbox made (a link in its place is removed, never followed). */
    public void deleteTemporary(String temporary) throws IOException {
        if (!TempFiles.isTemporary(temporary.substring(temporary.lastIndexOf('/') + 1))) {
            throw new IllegalArgumentException("not a temporary file: " + temporary);
        }
        Files.deleteIfExists(root.resolve(temporary));
    }

    /** The attributes of the file itself, a link not followed; null when nothing is there. */
    public BasicFileAttributes attributesOrNull(String relative) {
        return attributesOrNull(root.resolve(relative));
    }

    /**
     * What is at a name a file is about to be given, as {@link #attributesOrNull(String)}, except that
     * a link to nothing reads as nothing: such a name is still never written over, since a file is put
     * in place by {@code link(2)}, which refuses any existing name ({@link #publishNew}). Most names
     * asked about are new; this asks {@code stat} first, which says "absent" without an exception (a
     * missing name costs {@code readAttributes} two exceptions, each with the whole stack of a route).
     */
    public BasicFileAttributes attributesIfPresent(String relative) {
        Path path = root.resolve(relative);
        return path.toFile().exists() ? attributesOrNull(path) : null;
    }

    /** True when {@code relative} is a regular file (not a link to one) of the recorded size and time. */
    public boolean isUnchanged(String relative, FileRecord record) {
        BasicFileAttributes attributes = attributesOrNull(relative);
        return attributes != null && record.matches(attributes);
    }

    /**
     * Gives the complete temporary file its final name, only if nothing is there: a hard link (which
     * fails on any existing name) and then the temporary name removed. Where hard links are not
     * supported, a rename that first checks the name is free. False when the name is taken; the
     * temporary file is then left as it was.
     */
    public boolean publishNew(String temporary, String relativeFile) throws IOException {
        Path temp = root.resolve(temporary);
        Path target = root.resolve(relativeFile);
        try {
            Files.createLink(target, temp);
        } catch (FileAlreadyExistsException taken) {
            return false;
        } catch (UnsupportedOperationException | IOException noLinks) {
            if (noLinks instanceof NoSuchFileException) {
                throw (NoSuchFileException) noLinks;
            }
            try {
                Files.move(temp, target); // no REPLACE_EXISTING: refused when the name exists
                return true;
            } catch (FileAlreadyExistsException taken) {
                return false;
            }
        }
        try {
            Files.delete(temp);
        } catch (IOException e) {
            // the file is in place under its name: a second name left behind is only untidy
            LOG.warn("cannot remove the temporary name {} of {}: {}", temporary, relativeFile, e.toString());
        }
        return true;
    }

    /** Sets a file's modification time, on the file itself: a link there is never followed. */
    public void setModified(String relative, Instant time) throws IOException {
        Files.getFileAttributeView(root.resolve(relative), BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                .setTimes(FileTime.from(time), null, null);
    }

    /**
     * Replaces fetchbox's own earlier file (a new body for revalidate or overwrite) in one atomic
     * rename, only while that file is still the one {@code earlier} describes. False, nothing changed,
     * when it was changed or replaced meanwhile: from then on it is a person's file.
     */
    public boolean replaceOwn(String temporary, String relativeFile, FileRecord earlier) throws IOException {
        if (!isUnchanged(relativeFile, earlier)) {
            return false;
        }
        Files.move(
                root.resolve(temporary),
                root.resolve(relativeFile),
                StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
        return true;
    }

    private static BasicFileAttributes attributesOrNull(Path path) {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot look at " + path, e);
        }
    }

    private FetchFailure unsafe(Path folder, BasicFileAttributes attributes) {
        String what = attributes == null
                ? "vanished while it was being created"
                : attributes.isSymbolicLink() ? "is a symbolic link" : "is not a folder";
        return new FetchFailure(
                "unsafe_path", null, "output folder " + root.relativize(folder) + " " + what + "; nothing written");
    }
}
