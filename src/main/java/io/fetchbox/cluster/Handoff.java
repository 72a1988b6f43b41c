package io.fetchbox.cluster;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.support.DefaultEndpoint;

/**
 * The consumer side of {@code hosts:} and {@code outcomes:} in cluster mode: like Camel's direct
 * endpoint, it runs the route on the caller's thread. The caller is a route of {@code
 * routes/cluster.camel.yaml} that takes each message off the broker in a local transaction, so the
 * message is acknowledged only once the route it was handed to has ended.
 */
final class Handoff extends DefaultConsumer {
    private final Slot slot;

    /** Where an endpoint keeps its one running consumer. */
    static final class Slot {
        private volatile Handoff consumer;

        /** Runs the route for {@code exchange} on this thread; fails when the route is not running here. */
        void hand(Exchange exchange) throws Exception {
            Handoff to = consumer;
            if (to == null || !to.isRunAllowed()) {
                throw new IllegalStateException("its route is not running on this node");
            }
            to.run(exchange);
        }
    }

    Handoff(DefaultEndpoint endpoint, Processor route, Slot slot) {
        super(endpoint, route);
        this.slot = slot;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        slot.consumer = this;
    }

    @Override
    protected void doStop() throws Exception {
        if (slot.consumer == this) {
            slot.consumer = null;
        }
        super.doStop();
    }

    private void run(Exchange exchange) throws Exception {
        exchange.getExchangeExtension().setFromEndpoint(getEndpoint());
        exchange.getExchangeExtension().setFromRouteId(getRouteId());
        getProcessor().process(exchange);
        if (exchange.getException() != null) {
            throw exchange.getException();
        }
    }
}
