package io.fetchbox.hosts;

import io.fetchbox.fetch.HostScheduler;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriPath;

/** One named door to the host scheduler: its producer waits for room, its consumers for a ready host. */
@UriEndpoint(
        scheme = "hosts",
        title = "Host scheduler",
        syntax = "hosts:name",
        remote = false,
        category = {Category.CORE})
public final class HostsEndpoint extends HostsOptions {
    private final HostScheduler<Exchange> scheduler;

    @UriPath(description = "What the scheduler holds (fetch: the downloads)")
    @Metadata(required = true)
    private final String name;

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
}
