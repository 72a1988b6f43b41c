package io.fetchbox.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The status page's own files, packaged in the jar under {@code web/}: a fixed list, read once, so
 * that no request can name any other file. No CDN, no framework: the machine may have no internet.
 */
public final class WebAssets {
    private static final Map<String, String> TYPES = Map.of(
            "index.html", "text/html; charset=utf-8",
            "app.js", "text/javascript; charset=utf-8",
            "app.css", "text/css; charset=utf-8",
            "favicon.svg", "image/svg+xml");
    private final Map<String, byte[]> files;

    public WebAssets() {
        Map<String, byte[]> loaded = new HashMap<>();
        for (String name : TYPES.keySet()) {
            try (InputStream in = WebAssets.class.getResourceAsStream("/web/" + name)) {
                if (in == null) {
                    throw new IllegalStateException("web/" + name + " is missing from the jar");
                }
                loaded.put(name, in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        files = Map.copyOf(loaded);
    }

    /** The file's bytes, or a 404 for a name that is not one of them. */
    public byte[] content(String name) {
        byte[] content = name == null ? null : files.get(name);
        if (content == null) {
            throw HttpError.notFound("no such file");
        }
        return content;
    }

    public String contentType(String name) {
        return TYPES.getOrDefault(name, "application/octet-stream");
    }
}
