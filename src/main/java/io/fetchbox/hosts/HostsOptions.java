package io.fetchbox.hosts;

import org.apache.camel.Component;
import org.apache.camel.spi.UriParam;
import org.apache.camel.support.DefaultEndpoint;

/**
 * The options of {@code hosts:} endpoints, the same for one node's scheduler and for the broker behind
 * it in cluster mode, so that routes/fetch.camel.yaml reads the same in both.
 */
public abstract class HostsOptions extends DefaultEndpoint {
    @UriParam(label = "consumer", defaultValue = "1", description = "Threads that take ready exchanges")
    private int concurrentConsumers = 1;

    @UriParam(
            label = "consumer",
            defaultValue = "100",
            description = "Milliseconds a consumer thread waits for a ready exchange before it looks whether to stop")
    private int pollTimeout = 100;

    protected HostsOptions(String uri, Component component) {
        super(uri, component);
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
