package io.fetchbox.cluster;

import io.fetchbox.fetch.FetchTask;
import java.util.function.Supplier;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.support.DefaultEndpoint;
import org.apache.camel.support.DefaultProducer;

/** {@code hosts:fetch} over the broker; its options are those of the one-node endpoint. */
@UriEndpoint(
        scheme = "hosts",
        title = "Host scheduler over the broker",
        syntax = "hosts:name",
        remote = true,
        category = {Category.MESSAGING})
final class BrokerHostsEndpoint extends DefaultEndpoint {
    private final Supplier<TaskMessages> messages;
    private final Handoff.Slot fetchRoute;

    @UriParam(
            label = "consumer",
            defaultValue = "1",
            description = "Accepted for the one-node endpoint's sake; the fetch-from-broker route's consumers decide")
    private int concurrentConsumers = 1;

    @UriParam(
            label = "consumer",
            defaultValue = "100",
            description = "Accepted for the one-node endpoint's sake; the fetch-from-broker route polls")
    private int pollTimeout = 100;

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

    public int getConcurrentConsumers() {
        return concurrentConsumers;
    }

    public void setConcurrentConsumers(int concurrentConsumers) {
        if (concurrentConsumers < 1) {
            throw new IllegalArgumentException("concurrentConsumers must be at least 1: " + concurrentConsumers);
        }
        this.concurrentConsumers = concurrentConsumers;
    }

    public int getPollTimeout() {
        return pollTimeout;
    }

    public void setPollTimeout(int pollTimeout) {
        this.pollTimeout = pollTimeout;
    }
}
