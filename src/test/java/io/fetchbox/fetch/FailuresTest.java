package io.fetchbox.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import io.fetchbox.list.UrlEntry;
import io.fetchbox.report.BatchEvents;
import io.fetchbox.report.FailureLog;
import io.fetchbox.report.Outcome;
import io.fetchbox.testing.Exchanges;
import io.fetchbox.url.ParsedUrl;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.SocketException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.Exchange;
import org.apache.camel.RuntimeCamelException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * failures.handle as errors.camel.yaml calls it: the exception caught in
 * {@code CamelExceptionCaught}, the download's properties as the fetch route left them. Retries go
 * back through a real {@link Admission} into a {@link HostScheduler} on a fake clock; the retry policy
 * has two retries from 1 s, capped at 60 s, with its jitter fixed at the middle (a 1 s delay waits 750 ms).
 */
class FailuresTest {
    private static final String URL = "http://example.org/a.bin";
    private static final String HOST = "http://example.org:80";
    private static final String FILE = "b/a.bin";

    @TempDir
    Path dir;

    final AtomicLong now = new AtomicLong(1_000_000_000L);
    final HostScheduler<Exchange> scheduler =
            new HostScheduler<>(4, 0, 100, AdmissionTest::hostOf, AdmissionTest::batchOf, now::get);
    final RecordingEvents events = new RecordingEvents();
    final List<String> diskFull = new ArrayList<>();
    final AtomicBoolean cutByShutdown = new AtomicBoolean();
    OutputFolder output;
    FileState state;
    Failures failures;

    @BeforeEach
    void beans() {
        output = new OutputFolder(dir.resolve("output"));
        state = new FileState(dir.resolve("reports"));
        failures = new Failures(
                output,
                state,
                new RetryPolicy(2, Duration.ofSeconds(1), Duration.ofSeconds(60), () -> 0.5),
                new Admission(scheduler),
                "node-7",
                events,
                new FailureLog(),
                cutByShutdown::get,
                diskFull::add);
    }

    @Test
    void aRetryableFailureIsRequeuedAfterItsBackOffWithoutAnOutcome() throws Exception {
        Exchange exchange = failed(task(), new FetchFailure("http_503", 503, "server answered 503"));

        Outcome outcome = failures.handle(exchange);

        assertThat(outcome).isNull();
        assertThat(events.retried).containsExactly(HOST + " http_503");
        assertThat(scheduler.waiting()).isEqualTo(1);
        assertThat(scheduler.hosts(10)).containsExactly(new HostScheduler.HostState(HOST, 0, 1, 0));
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(749));
        assertThat(next()).as("before its back-off is over").isNull();
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(1));
        Exchange retry = next();
        assertThat(retry).isNotSameAs(exchange);
        FetchTask task = retry.getMessage().getBody(FetchTask.class);
        assertThat(task.attempt()).isEqualTo(2);
        assertThat(task.url()).isEqualTo(URL);
        assertThat(task.file()).isEqualTo(FILE);
    }

    @Test
    void aConnectionResetCaughtInsideCamelsWrappingIsRetried() throws Exception {
        Exchange exchange = failed(task(), new RuntimeCamelException(new SocketException("Connection reset")));

        assertThat(failures.handle(exchange)).isNull();

        assertThat(events.retried).containsExactly(HOST + " reset");
        assertThat(scheduler.waiting()).isEqualTo(1);
    }

    @Test
    void aFailedAttemptAfterARedirectIsRetriedAtTheListedUrl() throws Exception {
        FetchTask redirected = task().redirectedTo("https://cdn.example.net/a.bin");
        Exchange exchange = failed(redirected, new SocketException("Connection reset"));

        failures.handle(exchange);

        assertThat(scheduler.hosts(10))
                .extracting(HostScheduler.HostState::host)
                .containsExactly(HOST);
        now.addAndGet(TimeUnit.SECONDS.toNanos(1));
        FetchTask retry = next().getMessage().getBody(FetchTask.class);
        assertThat(retry.url()).isEqualTo(URL);
        assertThat(retry.hostKey()).isEqualTo(HOST);
        assertThat(retry.redirects()).isZero();
        assertThat(retry.attempt()).isEqualTo(2);
    }

    @Test
    void aFinalFailureGivesAnOutcomeWithItsErrorAndDetail() {
        Exchange exchange = failed(task(), new FetchFailure("http_404", 404, "server answered 404"));

        Outcome outcome = failures.handle(exchange);

        assertThat(outcome.batch()).isEqualTo("b");
        assertThat(outcome.line()).isEqualTo(3);
        assertThat(outcome.url()).isEqualTo(URL);
        assertThat(outcome.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(outcome.file()).isNull();
        assertThat(outcome.httpStatus()).isEqualTo(404);
        assertThat(outcome.attempts()).isEqualTo(1);
        assertThat(outcome.node()).isEqualTo("node-7");
        assertThat(outcome.error()).isEqualTo("http_404");
        assertThat(outcome.errorDetail()).isEqualTo("server answered 404");
        assertThat(scheduler.waiting()).isZero();
        assertThat(events.retried).isEmpty();
    }

    @Test
    void aRetryableFailureOfTheLastAttemptIsFinal() {
        FetchTask third = task().nextAttempt().nextAttempt();
        Exchange exchange = failed(third, new FetchFailure("http_503", 503, "server answered 503"));

        Outcome outcome = failures.handle(exchange);

        assertThat(outcome.error()).isEqualTo("http_503");
        assertThat(outcome.attempts()).isEqualTo(3);
        assertThat(scheduler.waiting()).isZero();
        assertThat(events.retried).isEmpty();
    }

    @Test
    void aFailureWithoutAStatusOfItsOwnReportsTheResponsesStatus() {
        FetchTask third = task().nextAttempt().nextAttempt();
        Exchange exchange = failed(
                third,
                new MeteredBody.BodyFailure(new FetchFailure("truncated", null, "body ended after 5 of 10 bytes")));
        exchange.setProperty(FetchProps.STATUS, 200);

        Outcome outcome = failures.handle(exchange);

        assertThat(outcome.error()).isEqualTo("truncated");
        assertThat(outcome.httpStatus()).isEqualTo(200);
        assertThat(outcome.errorDetail()).isEqualTo("body ended after 5 of 10 bytes");
    }

    @Test
    void aWriteFailureIsNotRetried() throws Exception {
        FetchFailure failure = FetchFailure.writeFailed(
                "cannot put b/a.bin in place", new AccessDeniedException("/out/b/a.bin", null, "Permission denied"));
        Exchange exchange = failed(task(), failure);
        String temp = temporaryWith(exchange, 10);

        Outcome outcome = failures.handle(exchange);

        assertThat(outcome.error()).isEqualTo("write_failed");
        assertThat(outcome.errorDetail()).isEqualTo("cannot put b/a.bin in place: Permission denied");
        assertThat(outcome.httpStatus()).isNull();
        assertThat(scheduler.waiting()).isZero();
        assertThat(events.retried).isEmpty();
        assertThat(diskFull).isEmpty();
        assertThat(output.resolve(temp)).doesNotExist();
    }

    @Test
    void aFullDiskRequeuesTheTaskAtOnceAndSaysSo() throws Exception {
        FetchFailure failure =
                FetchFailure.writeFailed("cannot write b/a.bin", new IOException("No space left on device"));
        Exchange exchange = failed(task(), failure);
        String temp = temporaryWith(exchange, 100_000);
        state.writePartial(FILE, new PartialRecord(FileState.urlKey(URL), "\"v1\"", temp));
        exchange.setProperty(FetchProps.PARTIAL_RECORDED, true);

        Outcome outcome = failures.handle(exchange);

        assertThat(outcome).isNull();
        assertThat(diskFull).containsExactly("No space left on device");
        assertThat(output.resolve(temp)).doesNotExist();
        assertThat(state.readPartial(FILE)).isEmpty();
        assertThat(events.retried).as("the server is not blamed").isEmpty();
        assertThat(next().getMessage().getBody(FetchTask.class).attempt()).isEqualTo(2);
    }

    @Test
    void anExhaustedQuotaIsAFullDiskEvenOnTheLastAttempt() throws Exception {
        FetchFailure failure = FetchFailure.writeFailed(
                "cannot write b/a.bin", new FileSystemException("/out/b/a.bin", null, "Disk quota exceeded"));
        Exchange exchange = failed(task().nextAttempt().nextAttempt(), failure);

        assertThat(failures.handle(exchange)).isNull();

        assertThat(diskFull).containsExactly("Disk quota exceeded");
        assertThat(scheduler.waiting()).isEqualTo(1);
    }

    @Test
    void aDownloadCutByShutdownGivesNoOutcomeAndKeepsItsPartialBody() throws Exception {
        cutByShutdown.set(true);
        Exchange exchange = failed(task(), new SocketException("Socket closed"));
        String temp = temporaryWith(exchange, 100_000);
        exchange.setProperty(FetchProps.PARTIAL_RECORDED, true);

        assertThat(failures.handle(exchange)).isNull();

        assertThat(scheduler.waiting()).isZero();
        assertThat(events.retried).isEmpty();
        assertThat(output.resolve(temp)).hasSize(100_000);
    }

    @Test
    void aFinalFailureCutByShutdownGivesNoOutcomeEither() {
        cutByShutdown.set(true);
        Exchange exchange = failed(task(), new FetchFailure("http_404", 404, "server answered 404"));

        assertThat(failures.handle(exchange)).isNull();
    }

    @Test
    void tooManyRequestsWithRetryAfterPausesTheHostForAsLongAsItAsked() throws Exception {
        Exchange exchange = failed(task(), new FetchFailure("http_429", 429, "server answered 429", "30"));

        assertThat(failures.handle(exchange)).isNull();

        assertThat(scheduler.hosts(10)).containsExactly(new HostScheduler.HostState(HOST, 0, 1, 30_000));
        assertThat(events.retried).containsExactly(HOST + " http_429");
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(29_999));
        assertThat(next()).isNull();
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(1));
        assertThat(next().getMessage().getBody(FetchTask.class).attempt()).isEqualTo(2);
    }

    @Test
    void unavailableWithARetryAfterDateBeyondTheCapPausesTheHostForTheCap() {
        Exchange exchange = failed(
                task(), new FetchFailure("http_503", 503, "server answered 503", "Fri, 01 Jan 2100 00:00:00 GMT"));

        failures.handle(exchange);

        assertThat(scheduler.hosts(10)).containsExactly(new HostScheduler.HostState(HOST, 0, 1, 60_000));
    }

    @Test
    void aServerErrorWithRetryAfterWaitsAsAskedWithoutPausingTheHost() throws Exception {
        Exchange exchange = failed(task(), new FetchFailure("http_500", 500, "server answered 500", "20"));

        failures.handle(exchange);

        assertThat(scheduler.hosts(10)).containsExactly(new HostScheduler.HostState(HOST, 0, 1, 0));
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(19_999));
        assertThat(next()).isNull();
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(1));
        assertThat(next()).isNotNull();
    }

    @Test
    void tooManyRequestsWithoutRetryAfterBacksOffWithoutPausingTheHost() {
        Exchange exchange = failed(task(), new FetchFailure("http_429", 429, "server answered 429"));

        failures.handle(exchange);

        assertThat(scheduler.hosts(10)).containsExactly(new HostScheduler.HostState(HOST, 0, 1, 0));
    }

    @Test
    void aRetryOfASmallBodyStartsOverAndItsTemporaryFileGoes() throws Exception {
        Exchange exchange = failed(task(), new SocketException("Connection reset"));
        String temp = temporaryWith(exchange, 10);

        failures.handle(exchange);

        assertThat(output.resolve(temp)).doesNotExist();
    }

    @Test
    void aRetryOfARecordedLargeBodyKeepsItsTemporaryFileToResume() throws Exception {
        Exchange exchange = failed(task(), new SocketException("Connection reset"));
        String temp = temporaryWith(exchange, 100_000);
        PartialRecord partial = new PartialRecord(FileState.urlKey(URL), "\"v1\"", temp);
        state.writePartial(FILE, partial);
        exchange.setProperty(FetchProps.PARTIAL_RECORDED, true);

        failures.handle(exchange);

        assertThat(output.resolve(temp)).hasSize(100_000);
        assertThat(state.readPartial(FILE)).contains(partial);
    }

    @Test
    void aRetryOfALargeBodyThatCannotBeResumedStartsOver() throws Exception {
        Exchange exchange = failed(task(), new FetchFailure("truncated", 206, "cannot be resumed"));
        String temp = temporaryWith(exchange, 100_000);
        state.writePartial(FILE, new PartialRecord(FileState.urlKey(URL), "\"v1\"", temp));
        exchange.setProperty(FetchProps.PARTIAL_RECORDED, true);
        exchange.setProperty(FetchProps.START_OVER, true);

        failures.handle(exchange);

        assertThat(output.resolve(temp)).doesNotExist();
        assertThat(state.readPartial(FILE)).isEmpty();
        assertThat(scheduler.waiting()).isEqualTo(1);
    }

    @Test
    void aFinalFailureRemovesTheTemporaryFileAndThePartialRecord() throws Exception {
        Exchange exchange = failed(task(), new FetchFailure("http_404", 404, "server answered 404"));
        String temp = temporaryWith(exchange, 100_000);
        state.writePartial(FILE, new PartialRecord(FileState.urlKey(URL), "\"v1\"", temp));
        exchange.setProperty(FetchProps.PARTIAL_RECORDED, true);

        failures.handle(exchange);

        assertThat(output.resolve(temp)).doesNotExist();
        assertThat(state.readPartial(FILE)).isEmpty();
    }

    @Test
    void theConnectionOfAMeteredBodyIsDropped() {
        BodiesTest.ClosingBody raw = new BodiesTest.ClosingBody(new byte[10]);
        Exchange exchange = failed(task(), new SocketException("Connection reset"));
        exchange.setProperty(FetchProps.BODY, new MeteredBody(raw, 0, 10, null, () -> {}));

        failures.handle(exchange);

        assertThat(raw.closed).isTrue();
    }

    @Test
    void theConnectionOfABodyNotYetMeteredIsDropped() {
        BodiesTest.ClosingBody raw = new BodiesTest.ClosingBody(new byte[10]);
        Exchange exchange = failed(task(), new FetchFailure("http_404", 404, "server answered 404"));
        exchange.getMessage().setBody(raw);

        failures.handle(exchange);

        assertThat(raw.closed).isTrue();
    }

    @Test
    void anUnknownExceptionIsAConnectFailureNamedInTheDetail() {
        FetchTask third = task().nextAttempt().nextAttempt();
        Exchange exchange = failed(third, new IllegalStateException("odd"));

        Outcome outcome = failures.handle(exchange);

        assertThat(outcome.error()).isEqualTo("connect");
        assertThat(outcome.errorDetail()).isEqualTo("IllegalStateException: odd");
    }

    private Exchange failed(FetchTask task, Exception thrown) {
        Exchange exchange = Exchanges.create();
        exchange.setProperty(FetchProps.TASK, task.started(System.currentTimeMillis()));
        exchange.setProperty(Exchange.EXCEPTION_CAUGHT, thrown);
        exchange.getMessage().setBody(new ByteArrayInputStream(new byte[0]));
        return exchange;
    }

    /** A temporary file of {@code size} bytes that bodies.meter made for this download. */
    private String temporaryWith(Exchange exchange, int size) throws Exception {
        String temp = output.createTemporary(FILE);
        Files.write(output.resolve(temp), new byte[size]);
        exchange.setProperty(FetchProps.TEMP, temp);
        return temp;
    }

    private Exchange next() throws InterruptedException {
        return scheduler.poll(0, TimeUnit.MILLISECONDS);
    }

    private static FetchTask task() {
        UrlEntry entry = new UrlEntry(3, URL, null, null, null, null, null, null);
        return new FetchTask("b", entry, FILE, ParsedUrl.parse(URL).hostKey());
    }

    /** What the metrics, the status page and the stall watch would hear. */
    static final class RecordingEvents implements BatchEvents {
        final List<String> retried = new ArrayList<>();

        @Override
        public void retried(String hostKey, String errorCode) {
            retried.add(hostKey + " " + errorCode);
        }
    }
}
