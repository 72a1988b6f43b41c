package io.fetchbox.fetch;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import org.apache.hc.client5.http.HttpRequestRetryStrategy;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.EndpointDetails;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.Method;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.impl.io.HttpRequestExecutor;
import org.apache.hc.core5.http.io.HttpClientConnection;
import org.apache.hc.core5.http.io.HttpResponseInformationCallback;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Idle connections never cost an attempt (README, "Reliability"). A server may close a keep-alive
 * connection while it sits in the pool; the pool checks connections idle for a while before handing
 * them out ({@link FetchboxHttpComponent}), but a close can still cross the request on the wire. A
 * GET that then fails on a reused connection before a single byte of answer arrived never reached
 * the server as a request it answered, so HttpClient sends it once more, on a fresh connection, and
 * fetchbox never hears of it: not an attempt, not a retry in the metrics. Every other failure (a
 * fresh connection, a byte of answer received, the resend failing too) goes to fetchbox's own retry
 * policy as before; HttpClient retries nothing else.
 *
 * <p>Two parts of HttpClient's own: an {@link Executor} that notes, as each request goes out, whether
 * its connection had carried a response before and how many bytes it had received, and a
 * {@link Retry} strategy that reads this note.
 */
public final class StaleConnections {
    private static final Logger LOG = LoggerFactory.getLogger(StaleConnections.class);
    /** Context attribute: the {@link Use} of the connection the request last went out on. */
    static final String USE = "fetchbox.connection-use";
    /** Context attribute: set once the request is being sent once more. */
    static final String RESEND = "fetchbox.resend";
    /** More than the pool ever holds: how many pooled connections a resend may pass over. */
    private static final int MAX_PASSED_OVER = 1_000;

    private StaleConnections() {}

    /** The connection a request went out on: reused or not, and what it had received before. */
    record Use(EndpointDetails details, boolean reused, long receivedBefore) {
        boolean answerStarted() {
            return details.getReceivedBytesCount() > receivedBefore;
        }
    }

    /**
     * A pooled connection a resend was handed and did not use: the resend goes out on a fresh
     * connection only.
     */
    static final class PassedOver extends IOException {
        PassedOver() {
            super("a reused connection passed over for a resend", null);
        }
    }

    /** HttpClient's request executor, noting the connection each request goes out on. */
    public static final class Executor extends HttpRequestExecutor {
        @Override
        public ClassicHttpResponse execute(
                ClassicHttpRequest request,
                HttpClientConnection conn,
                HttpResponseInformationCallback informationCallback,
                HttpContext context)
                throws IOException, HttpException {
            EndpointDetails details = conn.getEndpointDetails();
            boolean reused = details != null && details.getResponseCount() > 0;
            if (reused && context.getAttribute(RESEND) != null) {
                conn.close(CloseMode.IMMEDIATE);
                throw new PassedOver();
            }
            context.setAttribute(
                    USE, details == null ? null : new Use(details, reused, details.getReceivedBytesCount()));
            return super.execute(request, conn, informationCallback, context);
        }
    }

    /** Sends once more only a GET or HEAD lost on a reused connection before any byte of answer. */
    public static final class Retry implements HttpRequestRetryStrategy {
        @Override
        public boolean retryRequest(HttpRequest request, IOException exception, int execCount, HttpContext context) {
            if (exception instanceof PassedOver) {
                return execCount <= MAX_PASSED_OVER;
            }
            if (context.getAttribute(RESEND) != null || !lostBeforeAnswer(exception)) {
                return false;
            }
            if (!Method.GET.isSame(request.getMethod()) && !Method.HEAD.isSame(request.getMethod())) {
                return false;
            }
            if (!(context.getAttribute(USE) instanceof Use use) || !use.reused() || use.answerStarted()) {
                return false;
            }
            context.setAttribute(RESEND, Boolean.TRUE);
            LOG.debug(
                    "a reused connection was closed by the server ({}): sending once more on a fresh one",
                    exception.toString());
            return true;
        }

        @Override
        public boolean retryRequest(HttpResponse response, int execCount, HttpContext context) {
            return false;
        }

        @Override
        public TimeValue getRetryInterval(
                HttpRequest request, IOException exception, int execCount, HttpContext context) {
            return TimeValue.ZERO_MILLISECONDS;
        }

        @Override
        public TimeValue getRetryInterval(HttpResponse response, int execCount, HttpContext context) {
            return TimeValue.ZERO_MILLISECONDS;
        }

        /** The server closed (or reset) the connection: not a failure to connect, nor a timeout. */
        private static boolean lostBeforeAnswer(IOException exception) {
            return exception instanceof NoHttpResponseException
                    || (exception instanceof SocketException
                            && !(exception instanceof ConnectException)
                            && !(exception instanceof NoRouteToHostException));
        }
    }
}
