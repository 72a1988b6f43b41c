package io.fetchbox.list;

import io.fetchbox.media.AcceptedTypes;
import io.fetchbox.url.ParsedUrl;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** An entry being read: the readers add options as they meet them, then {@link #build()} it. */
final class EntryDraft {

    private final long line;
    private final String url;
    private String out;
    private String dir;
    private UrlEntry.Checksum checksum;
    private String checksumProblem;
    private String formatProblem;
    private final List<UrlEntry.Header> headers = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private Long retryOfLine;
    private String accept;
    private String acceptProblem;

    EntryDraft(long line, String url) {
        this.line = line;
        this.url = url == null ? "" : url.strip();
    }

    void retryOfLine(long value) {
        retryOfLine = value;
    }

    void out(String value) {
        out = value;
    }

    void dir(String value) {
        dir = value;
    }

    /**
     * The media types this line accepts (README, "Image batches"); a malformed list makes the entry
     * invalid rather than accept everything.
     */
    void accept(String value) {
        try {
            AcceptedTypes types = AcceptedTypes.parse(value);
            accept = types.isAny() ? null : types.toString();
            acceptProblem = null;
        } catch (IllegalArgumentException e) {
            accept = value.strip();
            acceptProblem = "bad accept option: " + e.getMessage();
        }
    }

    void warn(String warning) {
        warnings.add(warning);
    }

    /** Something only the list format can see (a line that is not JSON, a row without a url). */
    void formatProblem(String reason) {
        if (formatProblem == null) {
            formatProblem = reason;
        }
    }

    /**
     * Sets the expected digest; a malformed one makes the entry invalid, and is still kept as
     * written so that failed.txt gives it back to the user unchanged.
     */
    void checksum(String algorithmName, String hex, String problemPrefix) {
        DigestAlgorithm algorithm = DigestAlgorithm.byListName(algorithmName);
        String value = hex.strip();
        if (algorithm == null) {
            checksum = new UrlEntry.Checksum(algorithmName.strip(), value);
            checksumProblem =
                    problemPrefix + ": unknown algorithm '" + algorithmName.strip() + "' (sha-256, sha-1 or md5)";
            return;
        }
        String problem = algorithm.problemWith(value);
        if (problem == null) {
            checksum = new UrlEntry.Checksum(algorithm.jdkName(), value.toLowerCase(Locale.ROOT));
            checksumProblem = null;
        } else {
            checksum = new UrlEntry.Checksum(algorithm.jdkName(), value);
            checksumProblem = problemPrefix + ": " + problem;
        }
    }

    /** Adds a request header; a name a list may not set ({@link HeaderName}) is left out with a warning. */
    void header(String name, String value) {
        String trimmed = name.strip();
        String problem = HeaderName.problem(trimmed);
        if (problem != null) {
            warn("header '" + trimmed + "' ignored: " + problem);
            return;
        }
        String text = value.strip();
        if (text.chars().anyMatch(c -> (c < 0x20 && c != '\t') || c == 0x7F)) {
            warn("header '" + trimmed + "' ignored: control characters in its value");
            return;
        }
        headers.add(new UrlEntry.Header(trimmed, text));
    }

    UrlEntry build() {
        return build(true);
    }

    /** @param checkUrl false when the entry is only counted: its URL is then not parsed */
    UrlEntry build(boolean checkUrl) {
        String invalid = formatProblem != null ? formatProblem : checkUrl ? ParsedUrl.problem(url) : null;
        if (invalid == null) {
            invalid = checksumProblem;
        }
        if (invalid == null) {
            invalid = acceptProblem;
        }
        return new UrlEntry(line, url, out, dir, checksum, headers, warnings, invalid, retryOfLine, accept);
    }
}
