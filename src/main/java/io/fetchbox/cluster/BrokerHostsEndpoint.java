package io.fetchbox.cluster;

import io.fetchbox.fetch.FetchTask;
import io.fetchbox.hosts.HostsOptions;
import java.util.function.Supplier;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.support.DefaultProducer;

/**
 * {@code hosts:fetch} over the broker. Its options are those of the one-node endpoint, accepted so that
 * the fetch route reads the same; the fetch-from-broker route's consumers decide how many run.
 */
@UriEndpoint(
        scheme = "hosts",
        title = "Host scheduler over the broker",
        syntax = "hosts:name",
        remote = true,
        category = {Category.MESSAGING})
final class BrokerHostsEndpoint extends HostsOptions {
    private final Supplier<TaskMessages> messages;
    private final Handoff.Slot fetchRoute;

    BrokerHostsEndpoint(
            String uri, BrokerHostsComponent component, Supplier<TaskMessages> messages, Handoff.Slot fetchRoute) {
        super(uri, component);
        this.messages = messages;
        this.fetchRoute = fetchRoute;
    }

    @Override
    public Producer createProducer() {
        return new DefaultProducer(this) {
            @Override
            public void process(Exchange exchange) throws Exception {
                messages.get().send(exchange.getMessage().getMandatoryBody(FetchTask.class));
            }
        };
    }

    /** The fetch route, run on the thread of the fetch-from-broker route that took the message. */
    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        Handoff consumer = new Handoff(this, processor, fetchRoute);
        configureConsumer(consumer);
        return consumer;
    }
}
