package io.fetchbox.batch;

import io.fetchbox.fetch.FileRecord;
import io.fetchbox.fetch.FileState;
import io.fetchbox.fetch.OutputFolder;
import io.fetchbox.naming.TargetClaims;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which output paths a batch may use. A path is free when nothing is there (not even a link) and no
 * other running batch has reserved it, or when the file there is one fetchbox fetched from the same
 * URL and nobody changed since (same size and modification time as recorded). A file a person put
 * there or changed, a link, or another URL's file, is never overwritten (README, "Security").
 */
public final class OutputClaims {
    private final OutputFolder output;
    private final FileState state;
    private final boolean sharedFolders;
    private final Map<String, String> reservedBy = new ConcurrentHashMap<>();

    /**
     * @param sharedFolders true for the flat and mirror layouts, where batches running at once can
     *     want one path; in the batch layout each batch has its folder, and nothing is reserved
     */
    public OutputClaims(OutputFolder output, FileState state, boolean sharedFolders) {
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
                // a person's file where a folder should go: the planner numbers the folder instead;
                // a link there is not numbered around but refused at download time (unsafe_path)
                BasicFileAttributes folder = output.attributesOrNull(relativeFolder);
                return folder == null || !folder.isRegularFile();
            }

            @Override
            public boolean changedLocally(String relativePath, String normalizedUrl) {
                BasicFileAttributes file = output.attributesOrNull(relativePath);
                return file != null
                        && recordFrom(relativePath, normalizedUrl)
                                .filter(r -> !r.matches(file))
                                .isPresent();
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
        BasicFileAttributes there = output.attributesIfPresent(relativePath);
        if (there != null && !fetchedUnchanged(relativePath, normalizedUrl, there)) {
            reservedBy.remove(relativePath, batch);
            return false;
        }
        return true;
    }

    private boolean fetchedUnchanged(String relativePath, String normalizedUrl, BasicFileAttributes there) {
        return recordFrom(relativePath, normalizedUrl)
                .filter(r -> r.matches(there))
                .isPresent();
    }

    private Optional<FileRecord> recordFrom(String relativePath, String normalizedUrl) {
        return state.read(relativePath).filter(r -> r.urlKey().equals(FileState.urlKey(normalizedUrl)));
    }

    public void releaseBatch(String batch) {
        if (sharedFolders) {
            reservedBy.values().removeIf(batch::equals);
        }
    }
}
