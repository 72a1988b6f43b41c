package io.fetchbox.naming;

import java.util.Objects;

/**
 * What one URL line asks of the planner: the pieces of its normalised URL and its list options.
 *
 * @param urlKey the normalised URL (RFC 3986: case, percent-encoding, dot segments, default port,
 *     empty path, no fragment); with {@code out} and {@code dir} it identifies duplicates
 * @param host the URL's host, lower-case (used by {@link Layout#MIRROR})
 * @param port the port written in the URL, or -1 (a written default port is ignored)
 * @param rawPath the URL's path, still percent-encoded; a query is ignored, dot segments are
 *     resolved as normalisation would
 * @param out the list's {@code out}/{@code name}, or null
 * @param dir the list's {@code dir}, or null (ignored by {@link Layout#MIRROR})
 */
public record NameRequest(String urlKey, String host, int port, String rawPath, String out, String dir) {

    public NameRequest {
        Objects.requireNonNull(urlKey, "urlKey");
    }
}
