package io.fetchbox.fetch;

/**
 * A download that ended without a file, with the report's error code ({@code http_404},
 * {@code too_large}, {@code checksum_mismatch}, ...) and the HTTP status when there was one.
 */
public class FetchFailure extends Exception {
    /**
     * Not a report code: a write that failed for want of space (ENOSPC, EDQUOT) pauses downloads and
     * is tried again once space returns (README, "Operating fetchbox"); no URL ends with it.
     */
    public static final String DISK_FULL = "disk_full";

    /** The operating system's words for a full disk and an exhausted quota (strerror of ENOSPC, EDQUOT). */
    private static final java.util.List<String> NO_SPACE =
            java.util.List.of("No space left on device", "Disk quota exceeded");

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
     * operating system's own words. A full disk or quota is {@link #DISK_FULL} instead.
     */
    public static FetchFailure writeFailed(String what, Exception e) {
        String reason = e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null
                ? fs.getReason()
                : String.valueOf(e.getMessage());
        String code = NO_SPACE.stream().anyMatch(reason::contains) ? DISK_FULL : "write_failed";
        FetchFailure failure = new FetchFailure(code, null, what + ": " + reason);
        failure.initCause(e);
        return failure;
    }

    /** The operating system's words when this is {@link #DISK_FULL}, else null. */
    public String noSpaceReason() {
        return DISK_FULL.equals(code)
                ? NO_SPACE.stream().filter(getMessage()::contains).findFirst().orElse(null)
                : null;
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
