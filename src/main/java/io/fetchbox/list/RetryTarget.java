package io.fetchbox.list;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code failed.txt} retries in place (README, "Reports"): its first line, {@code # fetchbox:
 * batch=<name>}, names the batch whose folder its files go to, beside the ones that did not fail.
 * To any other reader the line is a comment.
 */
public final class RetryTarget {
    private static final String PREFIX = "# fetchbox: batch=";
    /** The header is short; a first line longer than this is no header. */
    private static final int MAX_HEADER_CHARS = 512;

    private RetryTarget() {}

    /** The first line of a {@code failed.txt} that retries {@code batch}, with its line break. */
    public static String header(String batch) {
        return PREFIX + batch + "\n";
    }

    /** The batch a text list retries, as its first line names it; null for any other list. */
    public static String of(Path listFile, ListFormat format) throws IOException {
        if (format != ListFormat.TEXT) {
            return null;
        }
        try (BufferedReader reader = Files.newBufferedReader(listFile, StandardCharsets.UTF_8)) {
            char[] start = new char[MAX_HEADER_CHARS];
            int n = reader.read(start);
            if (n <= 0) {
                return null;
            }
            String text = new String(start, 0, n);
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            int end = text.indexOf('\n');
            String first = (end < 0 ? text : text.substring(0, end)).strip();
            if (!first.startsWith(PREFIX) || first.length() == PREFIX.length()) {
                return null;
            }
            return first.substring(PREFIX.length()).strip();
        }
    }
}
