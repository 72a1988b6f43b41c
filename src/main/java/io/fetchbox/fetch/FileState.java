package io.fetchbox.fetch;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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

    public FileState(Path reportsFolder) {
        this.root = reportsFolder.resolve(".state").resolve("files");
    }

    public Optional<FileRecord> read(String relativeFile) {
        try {
            return Optional.of(JSON.readValue(Files.readAllBytes(pathOf(relativeFile)), FileRecord.class));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            // an unreadable record proves nothing about the file: treat it as someone else's
            return Optional.empty();
        }
    }

    public void write(String relativeFile, FileRecord record) {
        Path target = pathOf(relativeFile);
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
