package io.fetchbox.url;

import java.util.ArrayDeque;
import java.util.Deque;

/** RFC 3986 section 5.2.4, remove_dot_segments: {@code /a/./b/../c} is {@code /a/c}. */
final class DotSegments {

    private DotSegments() {}

    static String remove(String path) {
        if (!hasDotSegment(path)) {
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

    /** Whether a segment is "." or "..": most paths have none (a dot in a file name is not one). */
    static boolean hasDotSegment(String path) {
        int start = 0;
        while (start <= path.length()) {
            int end = path.indexOf('/', start);
            if (end < 0) {
                end = path.length();
            }
            int length = end - start;
            if ((length == 1 || length == 2) && path.charAt(start) == '.' && path.charAt(end - 1) == '.') {
                return true;
            }
            start = end + 1;
        }
        return false;
    }
}
