package io.fetchbox.fetch;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What fetchbox knows about a file it wrote: where it came from (a hash of the normalised URL, and
 * the URL with credentials redacted) and what the server said about it.
 */
public record FileRecord(
        @JsonProperty("url_key") String urlKey,
        String url,
        String etag,
        @JsonProperty("last_modified") String lastModified,
        long size,
        String sha256) {}
