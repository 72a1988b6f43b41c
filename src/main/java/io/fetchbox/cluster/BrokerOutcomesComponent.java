package io.fetchbox.cluster;

import io.fetchbox.fetch.FetchProps;
import io.fetchbox.report.OutcomeItem;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.support.DefaultEndpoint;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.support.DefaultProducer;
import org.apache.camel.support.service.ServiceHelper;

/**
 * {@code outcomes:} in cluster mode (docs/architecture.md, "Cluster mode"): the outcome queue is the
 * broker's {@code fetchbox.outcomes}. {@code to} sends an item persistent, tagged with its run: the run
 * of the download it ends, else (the feed's own items, on the leader) its batch's current run. {@code
 * from} (the report route, on the leader only) is handed the items the outcomes-from-broker route takes
 * off the queue ({@link Taker}), one at a time in a local transaction committed once the item is
 * journaled: a leader that dies first leaves it to the next one.
 */
final class BrokerOutcomesComponent extends DefaultComponent {
    private final Function<String, String> runOfBatch;
    private final Handoff.Slot reportRoute;
    private final BooleanSupplier stopping;

    BrokerOutcomesComponent(Function<String, String> runOfBatch, Handoff.Slot reportRoute, BooleanSupplier stopping) {
        this.runOfBatch = runOfBatch;
        this.reportRoute = reportRoute;
        this.stopping = stopping;
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) {
        return new DefaultEndpoint(uri, this) {
            @Override
            public Producer createProducer() {
                return new Sender(this);
            }

            @Override
            public Consumer createConsumer(Processor processor) {
                return new Handoff(this, processor, reportRoute);
            }
        };
    }

    private final class Sender extends DefaultProducer {
        private ProducerTemplate producer;

        Sender(Endpoint endpoint) {
            super(endpoint);
        }

        @Override
        protected void doStart() throws Exception {
            super.doStart();
            producer = getEndpoint().getCamelContext().createProducerTemplate();
        }

        @Override
        protected void doStop() throws Exception {
            ServiceHelper.stopService(producer);
            super.doStop();
        }

        @Override
        public void process(Exchange exchange) {
            OutcomeItem item = exchange.getMessage().getBody(OutcomeItem.class);
            String run = exchange.getProperty(FetchProps.RUN, String.class);
            Map<String, Object> headers = new HashMap<>();
            headers.put(FetchProps.RUN, run != null ? run : runOfBatch.apply(item.batch()));
            headers.values().removeIf(v -> v == null);
            String body = Wire.item(item);
            UntilSent.send(
                    "outcomes",
                    () -> producer.sendBodyAndHeaders(BrokerQueues.sendTo(BrokerQueues.OUTCOMES), body, headers),
                    stopping);
        }
    }

    /**
     * The outcomes-from-broker route's step (leader only, {@code routes/cluster.camel.yaml}): an item taken
     * off the broker's outcome queue, inside the message's local transaction, handed to the report route on
     * this thread, so that the message is acknowledged once the item is journaled.
     */
    public static final class Taker {
        private final Handoff.Slot reportRoute;

        Taker(Handoff.Slot reportRoute) {
            this.reportRoute = reportRoute;
        }

        public void take(Exchange message) throws Exception {
            Optional<OutcomeItem> read = Wire.read(message, BrokerQueues.OUTCOMES, Wire::item);
            if (read.isEmpty()) {
                return;
            }
            Exchange item = new DefaultExchange(message.getContext());
            item.getMessage().setBody(read.get());
            String run = message.getMessage().getHeader(FetchProps.RUN, String.class);
            if (run != null) {
                item.getMessage().setHeader(FetchProps.RUN, run);
            }
            reportRoute.hand(item);
        }
    }
}
