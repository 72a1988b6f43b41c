package io.fetchbox.cluster;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fetchbox.fetch.FetchTask;
import io.fetchbox.report.BatchFed;
import io.fetchbox.report.Outcome;
import io.fetchbox.report.OutcomeItem;
import io.fetchbox.report.PendingDuplicate;
import java.util.Optional;
import java.util.function.Function;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What crosses the broker, as JSON text: a download ({@link FetchTask}) on the fetch queue, and an
 * {@link OutcomeItem} on the outcome queue, each with its kind and batch. Records are written field by
 * field, so that what is read back is exactly what was sent; names unknown to this version are skipped,
 * so that nodes of two versions can share a broker while one is upgraded.
 */
final class Wire {
    private static final ObjectMapper JSON = new ObjectMapper()
            .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
            .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    static final String OUTCOME = "outcome";
    static final String FED = "fed";
    static final String PENDING = "pending";

    private static final Logger LOG = LoggerFactory.getLogger(Wire.class);

    private Wire() {}

    /**
     * The body of a message taken off {@code queue}, read by {@code reader}; empty, with one ERROR line, when
     * it is not fetchbox's: such a message is taken and dropped, never rolled back to come again forever.
     */
    static <T> Optional<T> read(Exchange message, String queue, Function<String, T> reader) {
        String body = message.getMessage().getBody(String.class);
        try {
            return Optional.of(reader.apply(body == null ? "" : body));
        } catch (IllegalArgumentException e) {
            LOG.error(
                    "a message on {} that fetchbox cannot read was dropped ({}): {}",
                    queue,
                    message.getMessage().getHeader("JMSMessageID"),
                    e.getMessage());
            return Optional.empty();
        }
    }

    static String task(FetchTask task) {
        return write(JSON.valueToTree(task));
    }

    static FetchTask task(String text) {
        return read(text, FetchTask.class);
    }

    static String item(OutcomeItem item) {
        ObjectNode envelope = JSON.createObjectNode();
        // over the sealed type's three records; a pattern switch would check that, but is a preview in Java 17
        if (item instanceof Outcome outcome) {
            envelope.put("kind", OUTCOME);
        } else if (item instanceof BatchFed) {
            envelope.put("kind", FED);
        } else if (item instanceof PendingDuplicate) {
            envelope.put("kind", PENDING);
        } else {
            throw new AssertionError("OutcomeItem permits no " + item.getClass());
        }
        envelope.put("batch", item.batch());
        envelope.set("item", JSON.valueToTree(item));
        return write(envelope);
    }

    static OutcomeItem item(String text) {
        try {
            JsonNode envelope = JSON.readTree(text);
            JsonNode item = envelope.path("item");
            String kind = envelope.path("kind").asText();
            return switch (kind) {
                case OUTCOME ->
                    JSON.treeToValue(item, Outcome.class)
                            .inBatch(envelope.path("batch").asText());
                case FED -> JSON.treeToValue(item, BatchFed.class);
                case PENDING -> JSON.treeToValue(item, PendingDuplicate.class);
                default -> throw new IllegalArgumentException("not an outcome queue item: kind " + kind);
            };
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not an outcome queue item: " + e.getOriginalMessage(), e);
        }
    }

    private static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T read(String text, Class<T> type) {
        try {
            return JSON.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }
}
