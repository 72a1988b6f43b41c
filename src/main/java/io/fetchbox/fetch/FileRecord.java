package io.fetchbox.fetch;

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
 */
public record FileRecord(
        @JsonProperty("url_key") String urlKey,
        String url,
        String etag,
        @JsonProperty("last_modified") String lastModified,
        long size,
        String sha256,
        @JsonProperty("mtime_ms") Long mtimeMillis) {

    /** True when a file with these attributes is, as far as size and time tell, the one recorded. */
    public boolean matches(BasicFileAttributes attributes) {
        return attributes.isRegularFile()
                && attributes.size() == size
                && (mtimeMillis == null || attributes.lastModifiedTime().toMillis() == mtimeMillis);
    }
}
