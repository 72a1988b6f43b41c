package io.fetchbox.fetch;

/** Names of the exchange properties that carry a download's state between route steps. */
public final class FetchProps {
    public static final String TASK = "fetchboxTask";
    public static final String STARTED = "fetchboxStartedNanos";
    public static final String URL = "fetchboxUrl";
    public static final String NEXT_URL = "fetchboxNextUrl";
    public static final String REDIRECTS = "fetchboxRedirects";
    public static final String ATTEMPTS = "fetchboxAttempts";
    public static final String BODY = "fetchboxBody";
    public static final String TEMP = "fetchboxTempFile";
    public static final String STATUS = "fetchboxHttpStatus";

    private FetchProps() {}
}
