package io.fetchbox.hosts;

import io.fetchbox.fetch.HostScheduler;
import java.util.Map;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultComponent;

/**
 * {@code hosts:}, the host scheduler as a Camel endpoint (docs/architecture.md, "The host scheduler"):
 * {@code to} puts an exchange's body in, {@code from} is handed only exchanges whose host is ready. Every
 * endpoint of one component shares its one scheduler; the name says what it schedules.
 */
public final class HostsComponent extends DefaultComponent {
    private final HostScheduler<Exchange> scheduler;

    public HostsComponent(HostScheduler<Exchange> scheduler) {
        this.scheduler = scheduler;
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        HostsEndpoint endpoint = new HostsEndpoint(uri, this, remaining, scheduler);
        setProperties(endpoint, parameters);
        return endpoint;
    }
}
