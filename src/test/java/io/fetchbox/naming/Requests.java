package io.fetchbox.naming;

import java.net.URI;
import java.util.Locale;

/**
 * Builds planner requests from URL strings for tests, with just enough normalisation (scheme and
 * host case, default port, empty path, fragment) to stand in for the real URL parser.
 */
final class Requests {

    private Requests() {}

    static NameRequest request(String url) {
        return request(url, null, null);
    }

    static NameRequest request(String url, String out, String dir) {
        URI uri = URI.create(url);
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        if (port == 80 && scheme.equals("http") || port == 443 && scheme.equals("https")) {
            port = -1;
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        String key = scheme + "://" + host + (port > 0 ? ":" + port : "") + path + query;
        return new NameRequest(key, host, port, path + query, out, dir);
    }
}
