package io.fetchbox;

import io.fetchbox.notify.Notices;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.Endpoint;
import org.apache.camel.Route;
import org.apache.camel.component.http.HttpEndpoint;
import org.apache.camel.component.seda.SedaEndpoint;
import org.apache.hc.client5.http.io.HttpClientConnectionManager;
import org.apache.hc.core5.io.CloseMode;

/**
 * On SIGTERM, the summaries still queued for fetchbox.notify or being sent get what is left of
 * fetchbox.shutdown-timeout after the downloads; then the notify endpoints' HTTP connections are closed, as the
 * downloads' are ({@link DownloadCut}): Camel's stop waits for the exchange a seda consumer holds, and a webhook
 * that does not answer would hold it for fetchbox.read-timeout.
 */
final class NoticeDrain {

    /** The route that sends the summaries (routes/notify.camel.yaml). */
    static final String NOTIFY_ROUTE = "notify";

    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private NoticeDrain() {}

    /**
     * Waits until no summary is queued or being sent, or until {@code deadline} (System.nanoTime); from then on a
     * failed attempt is not retried, and connections still open are closed.
     */
    static void awaitThenCut(CamelContext context, Notices notices, long deadline) {
        if (context == null || context.getRoute(NOTIFY_ROUTE) == null) {
            return;
        }
        while (busy(context) && System.nanoTime() - deadline < 0) {
            LockSupport.parkNanos(POLL_NANOS);
        }
        notices.stopRetrying();
        if (!busy(context)) {
            return;
        }
        Component downloads = context.hasComponent("http");
        Set<HttpClientConnectionManager> pools = new HashSet<>();
        for (Endpoint endpoint : context.getEndpoints()) {
            if (endpoint instanceof HttpEndpoint web
                    && web.getComponent() != downloads
                    && web.getClientConnectionManager() != null) {
                pools.add(web.getClientConnectionManager());
            }
        }
        pools.forEach(pool -> pool.close(CloseMode.IMMEDIATE));
    }

    private static boolean busy(CamelContext context) {
        Route route = context.getRoute(NOTIFY_ROUTE);
        int queued = route.getEndpoint() instanceof SedaEndpoint seda ? seda.getCurrentQueueSize() : 0;
        return queued > 0 || context.getInflightRepository().size(NOTIFY_ROUTE) > 0;
    }
}
