package io.fetchbox.report;

import io.fetchbox.list.UrlEntry;
import io.fetchbox.url.ParsedUrl;
import io.fetchbox.url.UrlText;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the one {@link Outcome} of a list entry. The URL is written as {@link UrlText#shown} says,
 * the one place where a line becomes report text: credentials {@code ***}, an invalid line cut to
 * 2 KiB.
 */
public final class OutcomeBuilder {
    /** Longest error_detail: a sentence, not a dump. */
    static final int MAX_DETAIL_CHARS = 300;

    private final String batch;
    private final UrlEntry entry;
    private String file;
    private String outcome;
    private Integer httpStatus;
    private Long bytes;
    private String sha256;
    private String contentType;
    private String detectedType;
    private String etag;
    private String lastModified;
    private int attempts;
    private long ms;
    private String node;
    private String error;
    private String errorDetail;
    private final List<String> extraWarnings = new ArrayList<>();

    private OutcomeBuilder(String batch, UrlEntry entry) {
        this.batch = batch;
        this.entry = entry;
    }

    public static OutcomeBuilder of(String batch, UrlEntry entry) {
        return new OutcomeBuilder(batch, entry);
    }

    public OutcomeBuilder file(String value) {
        file = value;
        return this;
    }

    public OutcomeBuilder outcome(String value) {
        outcome = value;
        return this;
    }

    public OutcomeBuilder httpStatus(Integer value) {
        httpStatus = value;
        return this;
    }

    public OutcomeBuilder body(long byteCount, String sha256Hex) {
        bytes = byteCount;
        sha256 = sha256Hex;
        return this;
    }

    public OutcomeBuilder response(String type, String etagValue, String lastModifiedValue) {
        contentType = type;
        etag = etagValue;
        lastModified = lastModifiedValue;
        return this;
    }

    /** What the body's first bytes showed, when they were checked (README, "Image batches"). */
    public OutcomeBuilder detectedType(String value) {
        detectedType = value;
        return this;
    }

    /** The Content-Type the server sent, as it sent it. */
    public OutcomeBuilder contentType(String value) {
        contentType = value;
        return this;
    }

    public OutcomeBuilder attempts(int value) {
        attempts = value;
        return this;
    }

    public OutcomeBuilder ms(long value) {
        ms = value;
        return this;
    }

    public OutcomeBuilder node(String value) {
        node = value;
        return this;
    }

    public OutcomeBuilder error(String value) {
        error = value;
        return this;
    }

    /**
     * A short sentence saying why ({@code server answered 404}, {@code No space left on device}):
     * credentials redacted, cut to {@link #MAX_DETAIL_CHARS}.
     */
    public OutcomeBuilder errorDetail(String value) {
        if (value == null) {
            errorDetail = null;
            return this;
        }
        String redacted = ParsedUrl.redact(value);
        errorDetail = redacted.length() <= MAX_DETAIL_CHARS ? redacted : redacted.substring(0, MAX_DETAIL_CHARS) + "…";
        return this;
    }

    public OutcomeBuilder warning(String value) {
        extraWarnings.add(value);
        return this;
    }

    public Outcome build() {
        List<String> warnings = entry.warnings();
        if (!extraWarnings.isEmpty()) {
            warnings = new ArrayList<>(warnings);
            warnings.addAll(extraWarnings);
        }
        return new Outcome(
                batch,
                entry.line(),
                entry.retryOfLine(),
                UrlText.shown(entry.url(), entry.isValid()),
                file,
                outcome,
                httpStatus,
                bytes,
                sha256,
                contentType,
                detectedType,
                etag,
                lastModified,
                attempts,
                ms,
                node,
                error,
                errorDetail,
                warnings);
    }
}
