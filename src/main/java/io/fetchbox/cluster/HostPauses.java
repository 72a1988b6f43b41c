package io.fetchbox.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fetchbox.fetch.HostScheduler;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A host's pause (a 429 or 503 with Retry-After) for the whole cluster: it holds on the node that saw
 * it at once, and is published on the broker's topic {@code fetchbox.hosts}; every node's host-pauses
 * route ({@code routes/cluster.camel.yaml}) holds it too. The pause travels as a length, not a time of
 * day, so that nodes' clocks need not agree.
 */
public final class HostPauses {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = LoggerFactory.getLogger(HostPauses.class);

    private final HostScheduler<Exchange> scheduler;
    private final Supplier<ProducerTemplate> producer;

    HostPauses(HostScheduler<Exchange> scheduler, Supplier<ProducerTemplate> producer) {
        this.scheduler = scheduler;
        this.producer = producer;
    }

    void pause(String hostKey, long millis) {
        scheduler.pause(hostKey, TimeUnit.MILLISECONDS.toNanos(millis));
        String message = JSON.createObjectNode()
                .put("host", hostKey)
                .put("millis", millis)
                .toString();
        try {
            producer.get().sendBody("jms:topic:" + BrokerQueues.HOST_PAUSES + "?deliveryPersistent=false", message);
        } catch (RuntimeException e) {
            // the pause holds here; the other nodes learn of it from their own next 429, if any
            LOG.warn("{}: its pause could not be told to the other nodes: {}", hostKey, e.getMessage());
        }
    }

    /** A pause another node (or this one) published: held here too. */
    public void heard(@Body String message) throws IOException {
        JsonNode pause = JSON.readTree(message);
        String host = pause.path("host").asText();
        long millis = pause.path("millis").asLong();
        if (!host.isEmpty() && millis > 0) {
            scheduler.pause(host, TimeUnit.MILLISECONDS.toNanos(millis));
        }
    }
}
