package io.fetchbox.fetch;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.NoHttpResponseException;

/** Maps why a download ended to the report's short error code (README, "Reports"). */
public final class ErrorCodes {
    private ErrorCodes() {}

    /** The failure, found anywhere in the cause chain (Camel wraps what a stream throws). */
    public static FetchFailure failureOf(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof FetchFailure f) {
                return f;
            }
        }
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            String code = codeOf(t);
            if (code != null) {
                return new FetchFailure(code, null, describe(t));
            }
        }
        return new FetchFailure("connect", null, describe(thrown));
    }

    private static String codeOf(Throwable t) {
        if (t instanceof DeniedAddressException) {
            return "denied";
        }
        if (t instanceof ConnectionClosedException) {
            return "truncated";
        }
        if (t instanceof SocketTimeoutException || t instanceof InterruptedIOException) {
            return "timeout";
        }
        if (t instanceof ConnectException || t instanceof NoRouteToHostException || t instanceof UnknownHostException) {
            return "connect";
        }
        if (t instanceof NoHttpResponseException || t instanceof SocketException) {
            return "reset";
        }
        if (t instanceof SSLException) {
            return "connect";
        }
        return null;
    }

    private static String describe(Throwable t) {
        String message = t.getMessage();
        return t.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
