package io.fetchbox.cluster;

import java.util.Map;
import java.util.function.Supplier;
import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;

/**
 * {@code hosts:} in cluster mode (docs/architecture.md, "Cluster mode"): the same endpoint the routes
 * name, with the broker's fetch queue behind it instead of this node's memory. {@code to} puts a
 * download on the queue; {@code from} is handed the downloads the fetch-from-broker route takes off it
 * ({@link BrokerHostsConsumer}), on that route's thread, before the message is acknowledged.
 */
final class BrokerHostsComponent extends DefaultComponent {
    private final Supplier<TaskMessages> messages;
    private final Handoff.Slot fetchRoute;

    /**
     * @param messages how downloads are sent (made once Camel's jms component is there)
     * @param fetchRoute where the fetch route's consumer waits for downloads taken off the broker
     */
    BrokerHostsComponent(Supplier<TaskMessages> messages, Handoff.Slot fetchRoute) {
        this.messages = messages;
        this.fetchRoute = fetchRoute;
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        BrokerHostsEndpoint endpoint = new BrokerHostsEndpoint(uri, this, messages, fetchRoute);
        setProperties(endpoint, parameters);
        return endpoint;
    }
}
