package io.fetchbox.notify;

import io.fetchbox.config.Redaction;
import io.fetchbox.fetch.FetchProps;
import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log line per endpoint a summary went to (routes/notify.camel.yaml): INFO when it was sent; one WARN without
 * a stack trace when it was given up after its retries, naming the batch, the endpoint with its credentials hidden,
 * and the reason. As the recipient list's strategy it keeps the summary's own exchange as the result: an
 * endpoint's answer or failure is not the route's.
 */
public final class NoticeResults implements AggregationStrategy {
    /** The header naming the batch, usable in endpoint URIs as {@code ${header.fetchboxBatch}}. */
    public static final String BATCH_HEADER = FetchProps.BATCH;

    private static final Logger LOG = LoggerFactory.getLogger(NoticeResults.class);
    private static final String GIVEN_UP = "fetchboxNoticeGivenUp";
    private static final String ATTEMPTS = "fetchboxNoticeAttempts";

    private final NotifyEndpoints endpoints;

    public NoticeResults(NotifyEndpoints endpoints) {
        this.endpoints = endpoints;
    }

    /**
     * Before each retry of the copy for one endpoint (the onException's onRedeliveryRef): counts the attempts,
     * since Camel removes its own counter from a copy it gives up.
     */
    public void retrying(Exchange copy) {
        copy.setProperty(ATTEMPTS, 1 + copy.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, 0, Integer.class));
    }

    /** The onException of routes/notify.camel.yaml: the copy for one endpoint failed its last attempt. */
    public void givenUp(Exchange copy) {
        copy.setProperty(GIVEN_UP, true);
        int attempts = attempts(copy);
        LOG.warn(
                "{}: summary not sent to {} after {} attempt{}: {}",
                copy.getMessage().getHeader(BATCH_HEADER, String.class),
                endpoint(copy),
                attempts,
                attempts == 1 ? "" : "s",
                reason(copy.getProperty(ExchangePropertyKey.EXCEPTION_CAUGHT, Throwable.class)));
    }

    @Override
    public Exchange aggregate(Exchange previous, Exchange copy) {
        throw new UnsupportedOperationException("called with the summary's own exchange only");
    }

    @Override
    public Exchange aggregate(Exchange previous, Exchange copy, Exchange summary) {
        String batch = summary.getMessage().getHeader(BATCH_HEADER, String.class);
        if (copy.getException() != null) {
            // not through the onException (not expected): still one line, and the route goes on
            LOG.warn("{}: summary not sent to {}: {}", batch, endpoint(copy), reason(copy.getException()));
        } else if (!copy.getProperty(GIVEN_UP, false, Boolean.class)) {
            int attempts = attempts(copy);
            LOG.info(
                    "{}: summary sent to {}{}",
                    batch,
                    endpoint(copy),
                    attempts > 1 ? " (attempt " + attempts + ")" : "");
        }
        return summary;
    }

    private String endpoint(Exchange copy) {
        return endpoints.shown(copy.getProperty(ExchangePropertyKey.RECIPIENT_LIST_ENDPOINT, String.class));
    }

    private static int attempts(Exchange copy) {
        return copy.getProperty(ATTEMPTS, 1, Integer.class);
    }

    static String reason(Throwable failure) {
        if (failure == null) {
            return "unknown";
        }
        if (failure instanceof HttpOperationFailedException http) {
            String status = http.getStatusText();
            return "HTTP " + http.getStatusCode() + (status == null || status.isBlank() ? "" : " " + status);
        }
        String message = failure.getMessage();
        return Redaction.redact(
                message == null || message.isBlank() ? failure.getClass().getSimpleName() : message);
    }
}
