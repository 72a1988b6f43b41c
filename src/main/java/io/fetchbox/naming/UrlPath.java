package io.fetchbox.naming;

import java.util.ArrayList;
import java.util.List;

/** The pieces of a raw (still percent-encoded) URL path that naming uses. */
final class UrlPath {

    private UrlPath() {}

    /** The path without {@code ?query} or {@code #fragment}; "" for null. */
    static String withoutQuery(String rawPath) {
        if (rawPath == null) {
            return "";
        }
        int end = rawPath.length();
        int query = rawPath.indexOf('?');
        int fragment = rawPath.indexOf('#');
        if (query >= 0) {
            end = query;
        }
        if (fragment >= 0 && fragment < end) {
            end = fragment;
        }
        return rawPath.substring(0, end);
    }

    /**
     * The path without its query and without dot segments (RFC 3986 section 5.2.4), {@code %2E}
     * counting as a dot as URL normalisation decodes it; it never climbs above the root. So paths
     * that normalise alike name alike, whether or not the caller normalised them.
     */
    static String withoutDotSegments(String rawPath) {
        String path = withoutQuery(rawPath);
        boolean mayHaveDotSegments =
                path.startsWith(".") || path.startsWith("%") || path.contains("/.") || path.contains("/%");
        if (!mayHaveDotSegments) {
            return path;
        }
        String[] parts = path.split("/", -1);
        List<String> kept = new ArrayList<>();
        for (int i = path.startsWith("/") ? 1 : 0; i < parts.length; i++) {
            String dots = parts[i].length() > 6
                    ? parts[i]
                    : parts[i].replace("%2e", ".").replace("%2E", ".");
            boolean last = i == parts.length - 1;
            if (dots.equals("..") && !kept.isEmpty()) {
                kept.remove(kept.size() - 1);
            }
            if (dots.equals(".") || dots.equals("..")) {
                if (last) {
                    kept.add(""); // "/a/b/.." is the folder "/a/"
                }
            } else {
                kept.add(parts[i]);
            }
        }
        return "/" + String.join("/", kept);
    }

    /** The last segment, split on the raw {@code /} before decoding so {@code %2F} cannot split. */
    static String lastSegment(String rawPath) {
        String path = withoutQuery(rawPath);
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** The folder segments (all but the last), decoded and made safe; empty segments dropped. */
    static List<String> safeFolders(String rawPath) {
        String path = withoutQuery(rawPath);
        List<String> folders = new ArrayList<>();
        int start = 0;
        for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', start)) {
            if (slash > start) {
                folders.add(SafeName.of(PercentDecoding.decode(path.substring(start, slash))));
            }
            start = slash + 1;
        }
        return folders;
    }
}
