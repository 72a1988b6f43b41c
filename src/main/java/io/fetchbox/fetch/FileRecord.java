package io.fetchbox.fetch;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * What fetchbox knows about a file it wrote: where it came from (a hash of the normalised URL, and
 * the URL with credentials redacted), what the server said about it, and the size and modification
 * time the file had when fetchbox put it in place: a file that no longer has both was changed by
 * someone else, and is theirs from then on.
 *
 * @param mtimeMillis the file's modification time as written, in epoch milliseconds; null in
 *     records of versions before it was kept (then only the size is compared)
 * @param replaced the size and time of fetchbox's own earlier file this one replaced, or null: the
 *     record is written before the rename, so a crash between the two leaves the earlier file
 *     under a record that must still recognise it
 */
public record FileRecord(
        @JsonProperty("url_key") String urlKey,
        String url,
        String etag,
        @JsonProperty("last_modified") String lastModified,
        long size,
        String sha256,
        @JsonProperty("mtime_ms") Long mtimeMillis,
        @JsonInclude(JsonInclude.Include.NON_NULL) Replaced replaced) {

    public FileRecord(
            String urlKey, String url, String etag, String lastModified, long size, String sha256, Long mtimeMillis) {
        this(urlKey, url, etag, lastModified, size, sha256, mtimeMillis, null);
    }

    /** This record, for a file that replaces {@code earlier} (see {@link #replaced}). */
    public FileRecord replacing(FileRecord earlier) {
        return new FileRecord(
                urlKey,
                url,
                etag,
                lastModified,
                size,
                sha256,
                mtimeMillis,
                new Replaced(earlier.size, earlier.mtimeMillis));
    }

    /** True when a file with these attributes is, as far as size and time tell, the one recorded. */
    public boolean matches(BasicFileAttributes attributes) {
        return attributes.isRegularFile()
                && (sameFile(attributes, size, mtimeMillis)
                        || replaced != null && sameFile(attributes, replaced.size(), replaced.mtimeMillis()));
    }

    private static boolean sameFile(BasicFileAttributes attributes, long size, Long mtimeMillis) {
        return attributes.size() == size
                && (mtimeMillis == null || attributes.lastModifiedTime().toMillis() == mtimeMillis);
    }

    /** The size and modification time of a file a newer one replaced. */
    public record Replaced(
            long size, @JsonProperty("mtime_ms") Long mtimeMillis) {}
}
