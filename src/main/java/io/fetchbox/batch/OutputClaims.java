package io.fetchbox.batch;

import io.fetchbox.fetch.FileRecord;
import io.fetchbox.fetch.FileState;
import io.fetchbox.naming.TargetClaims;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which output paths a batch may use. A path is free when no file is there and no other running
 * batch has reserved it, or when the file there is one fetchbox fetched from the same URL. A file
 * a person put there, or another URL's file, is never overwritten.
 */
public final class OutputClaims {
    private final Path output;
    private final FileState state;
    private final Map<String, String> reservedBy = new ConcurrentHashMap<>();

    public OutputClaims(Path output, FileState state) {
        this.output = output;
        this.state = state;
    }

    public TargetClaims forBatch(String batch) {
        return (relativePath, normalizedUrl) -> claim(batch, relativePath, normalizedUrl);
    }

    private boolean claim(String batch, String relativePath, String normalizedUrl) {
        String owner = reservedBy.putIfAbsent(relativePath, batch);
        if (owner != null && !owner.equals(batch)) {
            return false;
        }
        if (Files.exists(output.resolve(relativePath)) && !fetchedFrom(relativePath, normalizedUrl)) {
            reservedBy.remove(relativePath, batch);
            return false;
        }
        return true;
    }

    private boolean fetchedFrom(String relativePath, String normalizedUrl) {
        Optional<FileRecord> record = state.read(relativePath);
        return record.isPresent() && record.get().urlKey().equals(FileState.urlKey(normalizedUrl));
    }

    public void releaseBatch(String batch) {
        reservedBy.values().removeIf(batch::equals);
    }
}
