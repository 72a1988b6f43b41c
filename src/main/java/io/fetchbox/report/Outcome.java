package io.fetchbox.report;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The final word on one URL line of a list: exactly one report line per URL line. Field names are
 * the report's (README, "Reports"); {@code batch} travels with it but is not written to the report.
 */
@JsonPropertyOrder({
    "line",
    "retry_of_line",
    "url",
    "file",
    "outcome",
    "http_status",
    "bytes",
    "sha256",
    "content_type",
    "detected_type",
    "etag",
    "last_modified",
    "attempts",
    "ms",
    "node",
    "error",
    "error_detail",
    "warnings"
})
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Outcome(
        @JsonIgnore String batch,
        long line,

        @JsonProperty("retry_of_line") @JsonInclude(JsonInclude.Include.NON_NULL)
        Long retryOfLine,

        String url,
        String file,
        String outcome,
        @JsonProperty("http_status") Integer httpStatus,
        Long bytes,
        String sha256,
        @JsonProperty("content_type") String contentType,

        @JsonProperty("detected_type") @JsonInclude(JsonInclude.Include.NON_NULL)
        String detectedType,

        String etag,
        @JsonProperty("last_modified") String lastModified,
        int attempts,
        long ms,
        String node,
        String error,
        @JsonProperty("error_detail") String errorDetail,
        List<String> warnings)
        implements OutcomeItem {

    public static final String DOWNLOADED = "downloaded";
    public static final String NOT_MODIFIED = "not_modified";
    public static final String SKIPPED = "skipped";
    public static final String DUPLICATE = "duplicate";
    public static final String FAILED = "failed";
    public static final String INVALID = "invalid";

    /** Every outcome, in the order the summary lists them. */
    public static final List<String> ALL = List.of(DOWNLOADED, NOT_MODIFIED, SKIPPED, DUPLICATE, FAILED, INVALID);

    public Outcome {
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** This outcome of {@code batch}: the journal line leaves the batch out, a message across the broker adds it. */
    public Outcome inBatch(String batch) {
        return new Outcome(
                batch,
                line,
                retryOfLine,
                url,
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

    /** Failed and invalid lines go to failed.txt, ready to drop back into the inbox. */
    @JsonIgnore
    public boolean needsRetry() {
        return FAILED.equals(outcome) || INVALID.equals(outcome);
    }
}
