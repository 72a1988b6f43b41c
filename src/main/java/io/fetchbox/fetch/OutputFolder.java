package io.fetchbox.fetch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

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
        Path folder = root;
        String[] segments = relativeFile.split("/");
        for (int i = 0; i < segments.length - 1; i++) {
            folder = folder.resolve(segments[i]);
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
        Path folder = root;
        String[] segments = relativeFile.split("/");
        for (int i = 0; i < segments.length - 1; i++) {
            folder = folder.resolve(segments[i]);
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
        Files.delete(temp);
        return true;
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
