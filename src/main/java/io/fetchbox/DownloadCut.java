package io.fetchbox;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.Endpoint;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.component.http.HttpEndpoint;
import org.apache.hc.client5.http.io.HttpClientConnectionManager;
import org.apache.hc.core5.io.CloseMode;

/**
 * Cuts the downloads still in flight when SIGTERM's grace (fetchbox.shutdown-timeout) is over: every pooled HTTP
 * connection is closed at once, so each reading thread ends with an I/O error handled as a cut download (one line,
 * no outcome, its partial body kept). Without it Camel's forced stop interrupted those threads while they wrote
 * (a ClosedByInterruptException stack trace) and only after its own timeout.
 */
final class DownloadCut {

    /** The route that downloads (routes/fetch.camel.yaml). */
    static final String FETCH_ROUTE = "fetch";

    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private DownloadCut() {}

    /** Closes every HTTP connection and waits up to {@code wait} for the fetch route to have no exchange left. */
    static void cut(CamelContext context, Duration wait) {
        if (context == null) {
            return;
        }
        Set<HttpClientConnectionManager> pools = new HashSet<>();
        Component http = context.hasComponent("http");
        if (http instanceof HttpComponent component && component.getClientConnectionManager() != null) {
            pools.add(component.getClientConnectionManager());
        }
        for (Endpoint endpoint : context.getEndpoints()) {
            // downloads only: a notice in flight (fetchbox.notify, components of its own) is left to finish
            if (endpoint instanceof HttpEndpoint web
                    && web.getComponent() == http
                    && web.getClientConnectionManager() != null) {
                pools.add(web.getClientConnectionManager());
            }
        }
        pools.forEach(pool -> pool.close(CloseMode.IMMEDIATE));
        long deadline = System.nanoTime() + wait.toNanos();
        while (context.getInflightRepository().size(FETCH_ROUTE) > 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(POLL_NANOS);
        }
    }
}
