package io.fetchbox.fetch;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Per-file records under {@code reports/.state/files/}, one small JSON file mirroring each output
 * file's relative path: looked up only when a target already exists, so memory does not grow with
 * the number of files, and nothing is ever written beside the files in the output folder.
 */
public final class FileState {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CREDENTIALS = Pattern.compile("^([a-z][a-z0-9+.-]*://)[^@/?#]*@");
    private final Path root;
    private final Path partials;

    public FileState(Path reportsFolder) {
        this.root = reportsFolder.resolve(".state").resolve("files");
        this.partials = reportsFolder.resolve(".state").resolve("partial");
    }

    public Optional<FileRecord> read(String relativeFile) {
        return readJson(pathOf(relativeFile), FileRecord.class);
    }

    /** What a partial body in a temporary file was: kept while it is written, so that it can be resumed. */
    public Optional<PartialRecord> readPartial(String relativeFile) {
        return readJson(partials.resolve(relativeFile + ".json"), PartialRecord.class);
    }

    public void writePartial(String relativeFile, PartialRecord record) {
        writeJson(partials.resolve(relativeFile + ".json"), record, relativeFile);
    }

    public void forgetPartial(String relativeFile) {
        try {
            Files.deleteIfExists(partials.resolve(relativeFile + ".json"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the partial record of " + relativeFile, e);
        }
    }

    private static <R> Optional<R> readJson(Path file, Class<R> type) {
        try {
            return Optional.of(JSON.readValue(Files.readAllBytes(file), type));
        } catch (IOException e) {
            // missing or unreadable: a record that proves nothing about the file
            return Optional.empty();
        }
    }

    public void write(String relativeFile, FileRecord record) {
        writeJson(pathOf(relativeFile), record, relativeFile);
    }

    private static void writeJson(Path target, Object record, String relativeFile) {
        try {
            Files.createDirectories(target.getParent());
            Path temp = target.resolveSibling(target.getFileName() + ".tmp");
            Files.write(temp, JSON.writeValueAsBytes(record));
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record state of " + relativeFile, e);
        }
    }

    /**
     * The key a file's origin is compared by: a hash of the normalised URL without its credentials,
     * so that neither the record nor the hash gives a password away.
     */
    public static String urlKey(String normalizedUrl) {
        String withoutCredentials = CREDENTIALS.matcher(normalizedUrl).replaceFirst("$1");
        try {
            byte[] hash =
                    MessageDigest.getInstance("SHA-256").digest(withoutCredentials.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Path pathOf(String relativeFile) {
        return root.resolve(relativeFile + ".json");
    }
}
