package io.fetchbox.fetch;

/**
 * A download that ended without a file, with the report's error code ({@code http_404},
 * {@code too_large}, {@code checksum_mismatch}, ...) and the HTTP status when there was one.
 */
public class FetchFailure extends Exception {
    private final String code;
    private final Integer httpStatus;
    private final String retryAfter;

    public FetchFailure(String code, Integer httpStatus, String message) {
        this(code, httpStatus, message, null);
    }

    /** @param retryAfter the response's Retry-After header, or null */
    public FetchFailure(String code, Integer httpStatus, String message, String retryAfter) {
        super(message);
        this.code = code;
        this.httpStatus = httpStatus;
        this.retryAfter = retryAfter;
    }

    public String retryAfter() {
        return retryAfter;
    }

    public String code() {
        return code;
    }

    public Integer httpStatus() {
        return httpStatus;
    }
}
