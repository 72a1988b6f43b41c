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

    /**
     * A local write that failed (permission, read-only file system, I/O error): the URL is
     * {@code write_failed}, never blamed on its server nor retried against it; the detail is the
     * operating system's own words.
     */
    public static FetchFailure writeFailed(String what, Exception e) {
        String reason = e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null
                ? fs.getReason()
                : String.valueOf(e.getMessage());
        FetchFailure failure = new FetchFailure("write_failed", null, what + ": " + reason);
        failure.initCause(e);
        return failure;
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
