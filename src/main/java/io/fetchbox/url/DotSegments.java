package io.fetchbox.url;

import java.util.ArrayDeque;
import java.util.Deque;

/** RFC 3986 section 5.2.4, remove_dot_segments: {@code /a/./b/../c} is {@code /a/c}. */
final class DotSegments {

    private DotSegments() {}

    static String remove(String path) {
        if (!path.contains(".")) {
            return path;
        }
        Deque<String> kept = new ArrayDeque<>();
        String[] segments = path.split("/", -1);
        // a path that ends in "." or ".." names a folder: keep the trailing slash
        boolean trailingSlash = false;
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            boolean last = i == segments.length - 1;
            if (segment.equals(".") || segment.equals("..")) {
                if (segment.equals("..") && kept.size() > 1) {
                    kept.removeLast();
                }
                trailingSlash = last;
            } else {
                kept.addLast(segment);
            }
        }
        String joined = String.join("/", kept);
        if (trailingSlash) {
            joined += "/";
        }
        return path.startsWith("/") && !joined.startsWith("/") ? "/" + joined : joined;
    }
}
