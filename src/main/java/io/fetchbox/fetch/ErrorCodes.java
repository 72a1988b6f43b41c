package io.fetchbox.fetch;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.List;
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
            Kind kind = kindOf(t);
            if (kind != null && kind.code() != null) {
                return new FetchFailure(kind.code(), null, describe(t));
            }
        }
        return new FetchFailure("connect", null, describe(thrown));
    }

    /** What a failure of this class means: its report code and, where it helps, a sentence saying so. */
    private record Kind(Class<? extends Throwable> type, String code, String sentence) {}

    /** Most specific first: the first that matches decides (ConnectException is a SocketException). */
    private static final List<Kind> KINDS = List.of(
            new Kind(DeniedAddressException.class, "denied", null),
            new Kind(ConnectionClosedException.class, "truncated", "the body ended early"),
            new Kind(ConnectTimeoutException.class, "timeout", "connect timed out"),
            new Kind(SocketTimeoutException.class, "timeout", "the server sent nothing for the read timeout"),
            new Kind(InterruptedIOException.class, "timeout", null),
            new Kind(ConnectException.class, "connect", "the connection was refused"),
            new Kind(NoRouteToHostException.class, "connect", null),
            new Kind(UnknownHostException.class, "connect", "the host name does not resolve"),
            new Kind(NoHttpResponseException.class, "reset", "the server closed the connection without answering"),
            new Kind(SocketException.class, "reset", "the connection was reset"),
            new Kind(SSLException.class, "connect", "the TLS handshake failed"));

    private static Kind kindOf(Throwable t) {
        for (Kind kind : KINDS) {
            if (kind.type().isInstance(t)) {
                return kind;
            }
        }
        return null;
    }

    /** A short sentence for the report's error_detail and the log, the exception named after it. */
    static String describe(Throwable t) {
        String message = t.getMessage();
        String named = t.getClass().getSimpleName() + (message == null ? "" : ": " + message);
        Kind kind = kindOf(t);
        return kind == null || kind.sentence() == null ? named : kind.sentence() + " (" + named + ")";
    }
}
