package io.fetchbox.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fetchbox.list.UrlEntry;
import io.fetchbox.url.ParsedUrl;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.impl.engine.DefaultUnitOfWork;
import org.apache.camel.spi.UnitOfWork;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * admission.admit and admission.redirect against a real {@link HostScheduler} on a fake clock, the
 * exchange handed over as the fetch route's consumer gets it (its body the task, its host slot taken),
 * completed as Camel's unit of work completes it.
 */
class AdmissionTest {
    private static final String URL = "http://example.org/a.bin";
    private static final String HOST = "http://example.org:80";

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final HostScheduler<Exchange> scheduler =
            new HostScheduler<>(1, 0, 100, AdmissionTest::hostOf, AdmissionTest::batchOf, now::get);
    private final Admission admission = new Admission(scheduler);

    /** Started: the slot is given back by a real unit of work's completion. */
    private static DefaultCamelContext context;

    @BeforeAll
    static void camel() {
        context = new DefaultCamelContext();
        context.start();
    }

    @AfterAll
    static void stopCamel() {
        context.stop();
    }

    @Test
    void admitTakesTheTaskFromTheBodyAndStampsWhenItStarted() throws Exception {
        Exchange exchange = handedOver(task());
        long before = System.currentTimeMillis();

        admission.admit(exchange);

        FetchTask task = exchange.getProperty(FetchProps.TASK, FetchTask.class);
        assertThat(task.url()).isEqualTo(URL);
        assertThat(task.file()).isEqualTo("b/a.bin");
        assertThat(task.startedMillis()).isBetween(before, System.currentTimeMillis());
    }

    @Test
    void aRetriedTaskKeepsTheStartOfItsFirstAttempt() throws Exception {
        Exchange exchange = handedOver(task().started(1234L).nextAttempt());

        admission.admit(exchange);

        FetchTask task = exchange.getProperty(FetchProps.TASK, FetchTask.class);
        assertThat(task.startedMillis()).isEqualTo(1234L);
        assertThat(task.attempt()).isEqualTo(2);
    }

    @Test
    void anExchangeWithoutATaskIsRefused() {
        Exchange exchange = new DefaultExchange(context);
        exchange.getMessage().setBody("not a task");

        assertThatThrownBy(() -> admission.admit(exchange)).isInstanceOf(InvalidPayloadException.class);
    }

    @Test
    void theHostSlotIsReleasedWhenTheExchangeCompletes() throws Exception {
        Exchange exchange = handedOver(task());
        scheduler.put(queued(task()));
        UnitOfWork unitOfWork = unitOfWork(exchange);

        admission.admit(exchange);
        assertThat(next()).as("one request per host, and it is in flight").isNull();
        unitOfWork.done(exchange);

        assertThat(scheduler.inFlight()).isZero();
        assertThat(next()).isNotNull();
    }

    @Test
    void theHostSlotIsReleasedWhenTheExchangeFails() throws Exception {
        Exchange exchange = handedOver(task());
        UnitOfWork unitOfWork = unitOfWork(exchange);

        admission.admit(exchange);
        exchange.setException(new FetchFailure("http_404", 404, "server answered 404"));
        unitOfWork.done(exchange);

        assertThat(scheduler.inFlight()).isZero();
    }

    @Test
    void theHostSlotStaysWithTheRequestWhenItsOutcomeIsHandedToTheReportRoute() throws Exception {
        Exchange exchange = handedOver(task());
        UnitOfWork unitOfWork = unitOfWork(exchange);
        admission.admit(exchange);

        // what a seda producer does with the exchange it queues: its completions go with the copy
        Exchange copy = exchange.copy();
        exchange.getExchangeExtension().handoverCompletions(copy);
        assertThat(copy.getExchangeExtension().handoverCompletions()).isNull();
        assertThat(scheduler.inFlight()).isEqualTo(1);
        unitOfWork.done(exchange);

        assertThat(scheduler.inFlight()).isZero();
    }

    @Test
    void aRedirectGoesBackToTheSchedulerAsANewExchangeUnderTheTargetsHost() throws Exception {
        Exchange exchange = handedOver(task());
        admission.admit(exchange);
        long started = exchange.getProperty(FetchProps.TASK, FetchTask.class).startedMillis();
        exchange.setProperty(FetchProps.NEXT_URL, "https://cdn.example.net/files/a.bin");

        admission.redirect(exchange);

        assertThat(scheduler.waiting()).isEqualTo(1);
        assertThat(scheduler.hosts(10))
                .extracting(HostScheduler.HostState::host)
                .contains("https://cdn.example.net:443");
        Exchange next = next();
        assertThat(next).isNotSameAs(exchange);
        FetchTask redirected = next.getMessage().getBody(FetchTask.class);
        assertThat(redirected.url()).isEqualTo("https://cdn.example.net/files/a.bin");
        assertThat(redirected.hostKey()).isEqualTo("https://cdn.example.net:443");
        assertThat(redirected.redirects()).isEqualTo(1);
        assertThat(redirected.attempt()).isEqualTo(1);
        assertThat(redirected.entry().url()).isEqualTo(URL);
        assertThat(redirected.startedMillis()).isEqualTo(started);
        assertThat(next.getProperty(FetchProps.TASK))
                .as("a new exchange carries nothing over")
                .isNull();
    }

    @Test
    void aRedirectWaitsForASlotOfTheTargetsHostNotOfTheOneItCameFrom() throws Exception {
        Exchange exchange = handedOver(task());
        admission.admit(exchange);
        exchange.setProperty(FetchProps.NEXT_URL, "http://example.org/elsewhere");

        admission.redirect(exchange);

        assertThat(next()).as("the same host, its one slot still taken").isNull();
        scheduler.release(HOST);
        assertThat(next().getMessage().getBody(FetchTask.class).url()).isEqualTo("http://example.org/elsewhere");
    }

    @Test
    void aRequeuedTaskWaitsForItsDelay() throws Exception {
        Exchange exchange = handedOver(task());
        admission.admit(exchange);
        scheduler.release(HOST);

        admission.requeue(exchange, task().nextAttempt(), 1500);

        assertThat(next()).isNull();
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(1499));
        assertThat(next()).isNull();
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(1));
        assertThat(next().getMessage().getBody(FetchTask.class).attempt()).isEqualTo(2);
    }

    @Test
    void aPausedHostHandsOutNothingUntilThePauseIsOver() throws Exception {
        scheduler.put(queued(task()));

        admission.pauseHost(task(), 30_000);

        assertThat(scheduler.hosts(10)).containsExactly(new HostScheduler.HostState(HOST, 0, 1, 30_000));
        assertThat(next()).isNull();
        now.addAndGet(TimeUnit.SECONDS.toNanos(30));
        assertThat(next()).isNotNull();
    }

    /** The exchange as the scheduler hands it to a fetch consumer: its host slot taken. */
    private Exchange handedOver(FetchTask task) throws InterruptedException {
        scheduler.put(queued(task));
        Exchange exchange = next();
        assertThat(scheduler.inFlight()).isEqualTo(1);
        return exchange;
    }

    private static Exchange queued(FetchTask task) {
        Exchange exchange = new DefaultExchange(context);
        exchange.getMessage().setBody(task);
        return exchange;
    }

    private Exchange next() throws InterruptedException {
        return scheduler.poll(0, TimeUnit.MILLISECONDS);
    }

    private static UnitOfWork unitOfWork(Exchange exchange) {
        UnitOfWork unitOfWork = new DefaultUnitOfWork(exchange);
        exchange.getExchangeExtension().setUnitOfWork(unitOfWork);
        return unitOfWork;
    }

    static String hostOf(Exchange exchange) {
        return exchange.getMessage().getBody(FetchTask.class).hostKey();
    }

    static String batchOf(Exchange exchange) {
        return exchange.getMessage().getBody(FetchTask.class).batch();
    }

    private static FetchTask task() {
        UrlEntry entry = new UrlEntry(1, URL, null, null, null, null, null, null);
        return new FetchTask("b", entry, "b/a.bin", ParsedUrl.parse(URL).hostKey());
    }
}
