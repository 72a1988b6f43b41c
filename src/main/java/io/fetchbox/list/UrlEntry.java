package io.fetchbox.list;

import java.util.ArrayList;
import java.util.List;

/**
 * One URL line of a list, whatever its format: where it stood, what it asks for, and whether it
 * is usable. Plain data; it travels on the fetch queue, so it stays small and serialisable.
 *
 * @param line 1-based physical line of the list where the entry starts
 * @param url the URL as given in the list (trimmed), credentials included
 * @param out requested file name (text {@code out=}, CSV/JSON {@code name}), or null
 * @param dir requested sub-folder (text {@code dir=}, CSV/JSON {@code dir}), or null
 * @param checksum expected digest, or null
 * @param headers extra request headers, in list order (never null)
 * @param warnings things the reader ignored, e.g. {@code unknown option: frobnicate} (never null)
 * @param invalid null when the URL is usable, else why not (the report's error is invalid_url)
 * @param retryOfLine in a list dropped back from {@code failed.txt}, the line this one was in the
 *     list that failed (text option {@code retry-of-line=}); null otherwise
 * @param accept the media types this line accepts (text {@code accept=}, CSV/JSON {@code accept}),
 *     as checked patterns, comma-separated; null for {@code fetchbox.accept-types}
 */
public record UrlEntry(
        long line,
        String url,
        String out,
        String dir,
        Checksum checksum,
        List<Header> headers,
        List<String> warnings,
        String invalid,
        Long retryOfLine,
        String accept) {

    public UrlEntry(
            long line,
            String url,
            String out,
            String dir,
            Checksum checksum,
            List<Header> headers,
            List<String> warnings,
            String invalid) {
        this(line, url, out, dir, checksum, headers, warnings, invalid, null, null);
    }

    public UrlEntry {
        headers = headers == null ? List.of() : List.copyOf(headers);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** This entry with one more warning for its report line. */
    public UrlEntry withWarning(String warning) {
        List<String> more = new ArrayList<>(warnings);
        more.add(warning);
        return new UrlEntry(line, url, out, dir, checksum, headers, more, invalid, retryOfLine, accept);
    }

    /** The line of the first list this URL line came from: itself, unless it is a retry. */
    public long originalLine() {
        return retryOfLine != null ? retryOfLine : line;
    }

    public boolean isValid() {
        return invalid == null;
    }

    /** An expected digest: algorithm as the JDK names it (SHA-256, SHA-1, MD5) and lower-case hex. */
    public record Checksum(String algorithm, String hex) {}

    /** One extra request header. */
    public record Header(String name, String value) {}
}
