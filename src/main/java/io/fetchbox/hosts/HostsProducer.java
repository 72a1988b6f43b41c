package io.fetchbox.hosts;

import io.fetchbox.fetch.HostScheduler;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultProducer;

/**
 * Puts the body into the scheduler as a new exchange, waiting while the scheduler is full: a list is read
 * only as fast as it is downloaded. Only the body goes on, as through a broker queue, and as a retry goes
 * back ({@code fetch.Admission}); the sender's headers, properties and completions stay with it.
 */
final class HostsProducer extends DefaultProducer {
    private final HostScheduler<Exchange> scheduler;

    HostsProducer(HostsEndpoint endpoint, HostScheduler<Exchange> scheduler) {
        super(endpoint);
        this.scheduler = scheduler;
    }

    @Override
    public void process(Exchange exchange) throws InterruptedException {
        Exchange item = getEndpoint().createExchange();
        item.getMessage().setBody(exchange.getMessage().getBody());
        // RejectedExecutionException once the scheduler is stopped: the sender stops feeding
        scheduler.put(item);
    }
}
