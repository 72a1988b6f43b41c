package io.fetchbox.fetch;

import io.fetchbox.report.Outcome;
import io.fetchbox.report.OutcomeBuilder;
import io.fetchbox.url.ParsedUrl;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a download that threw becomes its outcome: the connection is dropped, the temporary file
 * removed, and the error logged and reported with its SPEC code.
 */
public final class Failures {
    private static final Logger LOG = LoggerFactory.getLogger(Failures.class);
    private final Path output;
    private final String node;

    public Failures(Path output, String node) {
        this.output = output;
        this.node = node;
    }

    public Outcome toOutcome(Exchange exchange) {
        FetchTask task = exchange.getProperty(FetchProps.TASK, FetchTask.class);
        Throwable thrown = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        cleanUp(exchange);
        FetchFailure failure = ErrorCodes.failureOf(thrown);
        Integer status = failure.httpStatus() != null
                ? failure.httpStatus()
                : exchange.getProperty(FetchProps.STATUS, Integer.class);
        LOG.warn(
                "{} line {}: {} failed: {} ({})",
                task.batch(),
                task.entry().line(),
                ParsedUrl.redact(task.entry().url()),
                failure.code(),
                ParsedUrl.redact(String.valueOf(failure.getMessage())));
        return OutcomeBuilder.of(task.batch(), task.entry())
                .outcome(Outcome.FAILED)
                .httpStatus(status)
                .attempts(exchange.getProperty(FetchProps.ATTEMPTS, 1, Integer.class))
                .ms(Elapsed.millisSince(exchange.getProperty(FetchProps.STARTED, Long.class)))
                .node(node)
                .error(failure.code())
                .build();
    }

    private void cleanUp(Exchange exchange) {
        MeteredBody body = exchange.getProperty(FetchProps.BODY, MeteredBody.class);
        if (body != null) {
            body.abort();
        } else {
            Object raw = exchange.getMessage().getBody();
            if (raw instanceof InputStream in) {
                StreamAbort.abort(in);
            }
        }
        String temp = exchange.getProperty(FetchProps.TEMP, String.class);
        if (temp != null) {
            try {
                Files.deleteIfExists(output.resolve(temp));
            } catch (IOException e) {
                LOG.warn("cannot remove temporary file {}: {}", temp, e.getMessage());
            }
        }
    }
}
