package io.fetchbox.hosts;

import io.fetchbox.fetch.HostScheduler;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

/** One named door to the host scheduler: its producer waits for room, its consumers for a ready host. */
@UriEndpoint(
        scheme = "hosts",
        title = "Host scheduler",
        syntax = "hosts:name",
        remote = false,
        category = {Category.CORE})
public final class HostsEndpoint extends DefaultEndpoint {
    private final HostScheduler<Exchange> scheduler;

    @UriPath(description = "What the scheduler holds (fetch: the downloads)")
    @Metadata(required = true)
    private final String name;

    @UriParam(label = "consumer", defaultValue = "1", description = "Threads that take ready exchanges")
    private int concurrentConsumers = 1;

    @UriParam(
            label = "consumer",
            defaultValue = "100",
            description = "Milliseconds a consumer thread waits for a ready exchange before it looks whether to stop")
    private int pollTimeout = 100;

    HostsEndpoint(String uri, HostsComponent component, String name, HostScheduler<Exchange> scheduler) {
        super(uri, component);
        this.name = name;
        this.scheduler = scheduler;
    }

    @Override
    public Producer createProducer() {
        return new HostsProducer(this, scheduler);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        HostsConsumer consumer = new HostsConsumer(this, processor, scheduler);
        configureConsumer(consumer);
        return consumer;
    }

    public String getName() {
        return name;
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
        if (pollTimeout < 1) {
            throw new IllegalArgumentException("pollTimeout must be at least 1 ms: " + pollTimeout);
        }
        this.pollTimeout = pollTimeout;
    }
}
