package io.fetchbox.fetch;

import io.fetchbox.logging.BatchField;
import io.fetchbox.media.TypeRules;
import io.fetchbox.report.BatchEvents;
import io.fetchbox.report.FailureLog;
import io.fetchbox.report.Outcome;
import io.fetchbox.report.OutcomeBuilder;
import io.fetchbox.url.ParsedUrl;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a request that threw goes on: the connection is dropped; if the retry policy allows another
 * attempt, the task goes back to the scheduler after its wait (pausing the whole host for a 429 or
 * 503 with Retry-After) and a partial body worth resuming is kept; otherwise the temporary file is
 * removed and the failure becomes the line's outcome, with its error code (README, "Reports").
 */
public final class Failures {
    private static final Logger LOG = LoggerFactory.getLogger(Failures.class);
    private final OutputFolder output;
    private final FileState state;
    private final RetryPolicy retries;
    private final Admission admission;
    private final String node;
    private final BatchEvents events;
    private final FailureLog failureLog;
    private final BooleanSupplier cutByShutdown;
    private final Consumer<String> diskFilledUp;

    /** @param diskFilledUp told the operating system's words when a write fails for want of space */
    public Failures(
            OutputFolder output,
            FileState state,
            RetryPolicy retries,
            Admission admission,
            String node,
            BatchEvents events,
            FailureLog failureLog,
            BooleanSupplier cutByShutdown,
            Consumer<String> diskFilledUp) {
        this.cutByShutdown = cutByShutdown;
        this.diskFilledUp = diskFilledUp;
        this.output = output;
        this.state = state;
        this.retries = retries;
        this.admission = admission;
        this.node = node;
        this.events = events;
        this.failureLog = failureLog;
    }

    /** The outcome, or null when the task was handed back for another attempt. */
    public Outcome handle(Exchange exchange) {
        FetchTask task = exchange.getProperty(FetchProps.TASK, FetchTask.class);
        try (BatchField.Scope scope = BatchField.of(task.batch())) {
            return handle(exchange, task);
        }
    }

    private Outcome handle(Exchange exchange, FetchTask task) {
        Throwable thrown = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        dropConnection(exchange);
        FetchFailure failure = ErrorCodes.failureOf(thrown);
        Integer status = failure.httpStatus() != null
                ? failure.httpStatus()
                : exchange.getProperty(FetchProps.STATUS, Integer.class);
        String where = task.batch() + " line " + task.entry().line() + ": " + ParsedUrl.redact(task.url());
        if (cutByShutdown.getAsBoolean()) {
            // README, "Reliability": SIGTERM cut it after fetchbox.shutdown-timeout; no outcome, the partial body
            // kept, the list stays in .inprogress/ for the next start
            LOG.warn("{}: cut by shutdown; resumed by the next start", where);
            exchange.setProperty(FetchProps.CUT, true);
            return null;
        }
        String noSpace = failure.noSpaceReason();
        if (noSpace != null) {
            // README, "Operating fetchbox": a full disk pauses new downloads and is said once by the pause;
            // this URL is neither failed nor its host blamed, and starts over once space returns
            removeTemporaryFile(exchange, task);
            diskFilledUp.accept(noSpace);
            admission.requeue(exchange, task.nextAttempt(), 0);
            return null;
        }
        if (retries.mayRetry(failure, task.attempt())) {
            long wait = retries.delayMillis(task.attempt(), failure.retryAfter(), Instant.now());
            if (failure.retryAfter() != null
                    && (Integer.valueOf(429).equals(status)
                            || Integer.valueOf(503).equals(status))) {
                admission.pauseHost(task, wait);
                LOG.warn("{}: {}; the host is paused for {} ms as it asked", where, failure.code(), wait);
            }
            if (failureLog.admits(task.batch(), failure.code())) {
                LOG.info(
                        "{}: {} ({}); attempt {} again in {} ms",
                        where,
                        failure.code(),
                        redacted(failure),
                        task.attempt() + 1,
                        wait);
            }
            events.retried(task.hostKey(), failure.code());
            // a partial body is resumed only from a partial record (large bodies); others start over
            if (exchange.getProperty(FetchProps.START_OVER, false, Boolean.class)
                    || !exchange.getProperty(FetchProps.PARTIAL_RECORDED, false, Boolean.class)) {
                removeTemporaryFile(exchange, task);
            }
            admission.requeue(exchange, task.nextAttempt(), wait);
            return null;
        }
        removeTemporaryFile(exchange, task);
        if (failureLog.admits(task.batch(), failure.code())) {
            LOG.warn(
                    "{} failed: {} ({}) after {} attempt(s)", where, failure.code(), redacted(failure), task.attempt());
        }
        OutcomeBuilder outcome = OutcomeBuilder.of(task.batch(), task.entry());
        if (TypeRules.UNEXPECTED_TYPE.equals(failure.code()) || TypeRules.TYPE_MISMATCH.equals(failure.code())) {
            // README, "Image batches": what the server said and what the body showed
            outcome.contentType(exchange.getMessage().getHeader("Content-Type", String.class))
                    .detectedType(exchange.getProperty(FetchProps.DETECTED_TYPE, String.class));
        }
        return outcome.outcome(Outcome.FAILED)
                .file(null)
                .httpStatus(status)
                .attempts(task.attempt())
                .ms(task.startedMillis() > 0 ? System.currentTimeMillis() - task.startedMillis() : 0)
                .node(node)
                .error(failure.code())
                .errorDetail(failure.getMessage())
                .build();
    }

    private static String redacted(FetchFailure failure) {
        return ParsedUrl.redact(String.valueOf(failure.getMessage()));
    }

    private static void dropConnection(Exchange exchange) {
        MeteredBody body = exchange.getProperty(FetchProps.BODY, MeteredBody.class);
        if (body != null) {
            body.abort();
        } else if (exchange.getMessage().getBody() instanceof InputStream in) {
            StreamAbort.abort(in);
        }
    }

    private void removeTemporaryFile(Exchange exchange, FetchTask task) {
        String temp = exchange.getProperty(FetchProps.TEMP, String.class);
        if (task.file() == null || temp == null) {
            return;
        }
        try {
            output.deleteTemporary(temp);
            state.forgetPartial(task.file());
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot remove the temporary file of {}: {}", task.file(), e.getMessage());
        }
    }
}
