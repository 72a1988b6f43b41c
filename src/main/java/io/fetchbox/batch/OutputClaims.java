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
    private final boolean sharedFolders;
    private final Map<String, String> reservedBy = new ConcurrentHashMap<>();

    /**
     * @param sharedFolders true for the flat and mirror layouts, where batches running at once can
     *     want one path; in the batch layout each batch has its folder, and nothing is reserved
     */
    public OutputClaims(Path output, FileState state, boolean sharedFolders) {
        this.output = output;
        this.state = state;
        this.sharedFolders = sharedFolders;
    }

    public TargetClaims forBatch(String batch) {
        return new TargetClaims() {
            @Override
            public boolean claim(String relativePath, String normalizedUrl) {
                return OutputClaims.this.claim(batch, relativePath, normalizedUrl);
            }

            @Override
            public boolean folderUsable(String relativeFolder) {
                // a person's file where a folder should go: the planner numbers the folder instead
                Path folder = output.resolve(relativeFolder);
                return !Files.exists(folder) || Files.isDirectory(folder);
            }
        };
    }

    private boolean claim(String batch, String relativePath, String normalizedUrl) {
        if (sharedFolders) {
            String owner = reservedBy.putIfAbsent(relativePath, batch);
            if (owner != null && !owner.equals(batch)) {
                return false;
            }
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
        if (sharedFolders) {
            reservedBy.values().removeIf(batch::equals);
        }
    }
}
