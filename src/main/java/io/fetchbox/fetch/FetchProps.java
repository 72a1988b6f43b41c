package io.fetchbox.fetch;

/**
 * Names of the exchange properties that carry a download's state between route steps, and of the batch an
 * exchange is about. Every {@code fetchbox*} name the routes use is one of these or of {@code web.WebProps}
 * (checked by RouteNamesTest).
 */
public final class FetchProps {
    /** The batch: an exchange property in the inbox, recover and feed routes, a header from the report route on. */
    public static final String BATCH = "fetchboxBatch";
    /** Header: the run an item crossed the broker for (cluster mode); absent on one node. */
    public static final String RUN = "fetchboxRun";

    public static final String TASK = "fetchboxTask";
    public static final String NEXT_URL = "fetchboxNextUrl";
    public static final String BODY = "fetchboxBody";
    /** The body's temporary file, relative to the output folder: random, created new (or the partial one resumed). */
    public static final String TEMP = "fetchboxTempFile";
    /** The temporary file's identity (device and inode) when fetchbox created or resumed it. */
    public static final String TEMP_FILE_KEY = "fetchboxTempFileKey";

    public static final String STATUS = "fetchboxHttpStatus";
    /** The bytes already in the temporary file when the request asked for the rest (Range). */
    public static final String RESUME_FROM = "fetchboxResumeFrom";
    /** True when the request carried If-None-Match / If-Modified-Since for a file we have. */
    public static final String CONDITIONAL = "fetchboxConditional";
    /** True when the body is appended to the temporary file (a 206 to our Range). */
    public static final String APPEND = "fetchboxAppend";
    /** True when a partial record says what the temporary file is part of (large bodies only). */
    public static final String PARTIAL_RECORDED = "fetchboxPartialRecorded";
    /** True when the partial body must be thrown away before the next attempt. */
    public static final String START_OVER = "fetchboxStartOver";
    /** Set when a stop cut this download: no outcome; in cluster mode its message goes back to the broker. */
    public static final String CUT = "fetchboxCut";
    /** The listed URL's key in the file records ({@link FileState#urlKey}), made once per pass by requests.prepare. */
    public static final String URL_KEY = "fetchboxUrlKey";
    /** The response's type as fetchbox takes it, when the type check ran (README, "Image batches"). */
    public static final String RESPONSE_TYPE = "fetchboxResponseType";
    /** What the body's first bytes showed, when the type check ran. */
    public static final String DETECTED_TYPE = "fetchboxDetectedType";

    private FetchProps() {}
}
