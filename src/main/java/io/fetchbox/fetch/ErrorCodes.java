package io.fetchbox.fetch;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.ConnectTimeoutException;
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

    /** A short sentence for the report's error_detail and the log, the exception named after it. */
    static String describe(Throwable t) {
        String message = t.getMessage();
        String named = t.getClass().getSimpleName() + (message == null ? "" : ": " + message);
        String sentence = sentenceFor(t);
        return sentence == null ? named : sentence + " (" + named + ")";
    }

    private static String sentenceFor(Throwable t) {
        if (t instanceof ConnectTimeoutException) {
            return "connect timed out";
        }
        if (t instanceof SocketTimeoutException) {
            return "the server sent nothing for the read timeout";
        }
        if (t instanceof ConnectException) {
            return "the connection was refused";
        }
        if (t instanceof UnknownHostException) {
            return "the host name does not resolve";
        }
        if (t instanceof NoHttpResponseException) {
            return "the server closed the connection without answering";
        }
        if (t instanceof ConnectionClosedException) {
            return "the body ended early";
        }
        if (t instanceof SocketException) {
            return "the connection was reset";
        }
        if (t instanceof SSLException) {
            return "the TLS handshake failed";
        }
        return null;
    }
}
