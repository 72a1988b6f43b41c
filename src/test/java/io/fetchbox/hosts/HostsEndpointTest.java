package io.fetchbox.hosts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fetchbox.fetch.HostScheduler;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.StatefulService;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * hosts: against a real CamelContext. Bodies are "host:batch:n"; the route gives the host's slot back when it
 * is done with an exchange, as fetch.Admission does for a download.
 */
class HostsEndpointTest {
    private final CamelContext context = new DefaultCamelContext();
    private HostScheduler<Exchange> scheduler;

    @AfterEach
    void stop() {
        context.stop();
    }

    private void start(int perHost, int capacity, String from, Processor work) throws Exception {
        scheduler = new HostScheduler<>(perHost, 0, capacity, e -> part(e, 0), e -> part(e, 1), System::nanoTime);
        context.addComponent("hosts", new HostsComponent(scheduler));
        if (from != null) {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(from).routeId("work").process(work).process(e -> scheduler.release(part(e, 0)));
                }
            });
        }
        context.start();
    }

    private static String part(Exchange exchange, int index) {
        return exchange.getMessage().getBody(String.class).split(":")[index];
    }

    @Test
    void aTaskComesOutOnlyWhenItsHostHasASlot() throws Exception {
        BlockingQueue<String> started = new LinkedBlockingQueue<>();
        Map<String, CountDownLatch> finish = new ConcurrentHashMap<>();
        start(1, 100, "hosts:test?concurrentConsumers=4", e -> {
            String body = e.getMessage().getBody(String.class);
            started.add(body);
            finish.computeIfAbsent(body, b -> new CountDownLatch(1)).await(5, TimeUnit.SECONDS);
        });
        ProducerTemplate producer = context.createProducerTemplate();

        producer.sendBody("hosts:test", "a:x:1");
        producer.sendBody("hosts:test", "a:x:2");
        producer.sendBody("hosts:test", "b:x:1");

        assertThat(List.of(take(started), take(started))).containsExactlyInAnyOrder("a:x:1", "b:x:1");
        // two consumers are free, but host a's one slot is taken
        assertThat(started.poll(300, TimeUnit.MILLISECONDS)).isNull();
        finish.computeIfAbsent("a:x:1", b -> new CountDownLatch(1)).countDown();
        assertThat(take(started)).isEqualTo("a:x:2");
        finish.values().forEach(CountDownLatch::countDown);
        finish.computeIfAbsent("a:x:2", b -> new CountDownLatch(1)).countDown();
    }

    @Test
    void concurrentConsumersRunThatManyExchangesAtOnce() throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(12);
        start(10, 100, "hosts:test?concurrentConsumers=3&pollTimeout=50", e -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            release.await(10, TimeUnit.SECONDS);
            running.decrementAndGet();
            done.countDown();
        });
        ProducerTemplate producer = context.createProducerTemplate();

        for (int i = 0; i < 12; i++) {
            producer.sendBody("hosts:test", "h" + i + ":x:" + i);
        }

        await().atMost(Duration.ofSeconds(5)).until(() -> running.get() == 3);
        // nine wait for a free consumer, though every host has a free slot
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2)).until(() -> running.get() == 3);
        release.countDown();
        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(most.get()).isEqualTo(3);
    }

    @Test
    void theProducerWaitsWhileTheSchedulerIsFullAndSendsOnlyTheBody() throws Exception {
        start(1, 2, null, null);
        ProducerTemplate producer = context.createProducerTemplate();
        producer.sendBodyAndHeader("hosts:test", "a:x:1", "secret", "kept back");
        producer.sendBody("hosts:test", "b:x:1");

        CompletableFuture<Object> third = producer.asyncSendBody("hosts:test", "c:x:1");

        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2)).until(() -> !third.isDone());
        Exchange first = scheduler.poll(1, TimeUnit.SECONDS);
        assertThat(first.getMessage().getBody()).isEqualTo("a:x:1");
        assertThat(first.getMessage().getHeaders()).isEmpty();
        third.get(5, TimeUnit.SECONDS);
        assertThat(scheduler.waiting()).isEqualTo(2);
    }

    @Test
    void stoppingStopsTheSchedulerEndsIdleConsumersAndFinishesTheExchangeInHand() throws Exception {
        CountDownLatch inHand = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> finished = new CopyOnWriteArrayList<>();
        start(1, 100, "hosts:test?concurrentConsumers=4", e -> {
            inHand.countDown();
            release.await(10, TimeUnit.SECONDS);
            finished.add(e.getMessage().getBody(String.class));
        });
        ProducerTemplate producer = context.createProducerTemplate();
        producer.sendBody("hosts:test", "a:x:1");
        producer.sendBody("hosts:test", "a:x:2");
        assertThat(inHand.await(5, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> stopped = CompletableFuture.runAsync(context::stop);
        // Camel suspends the consumer first (nothing new is handed out) and waits for the exchange in hand
        StatefulService consumer = (StatefulService) context.getRoute("work").getConsumer();
        await().atMost(Duration.ofSeconds(5)).until(() -> consumer.isSuspending() || consumer.isSuspended());
        assertThat(stopped).isNotDone();
        release.countDown();
        stopped.get(10, TimeUnit.SECONDS);
        assertThat(scheduler.isStopped()).isTrue();

        // the exchange taken was routed to its end; the one still waiting is left for the next start
        assertThat(finished).containsExactly("a:x:1");
        assertThat(scheduler.inFlight()).isZero();
        await().atMost(Duration.ofSeconds(5)).until(() -> pollerThreads() == 0);
    }

    @Test
    void idleConsumersEndWhenStopped() throws Exception {
        start(1, 100, "hosts:test?concurrentConsumers=8&pollTimeout=100", e -> {});
        await().atMost(Duration.ofSeconds(5)).until(() -> pollerThreads() == 8);

        context.stop();

        await().atMost(Duration.ofSeconds(5)).until(() -> pollerThreads() == 0);
    }

    @Test
    void aMistypedOptionIsRefused() throws Exception {
        start(1, 100, null, null);

        assertThatThrownBy(() -> context.getEndpoint("hosts:test?concurrentConsumer=2"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasMessageContaining("concurrentConsumer");
    }

    private static String take(BlockingQueue<String> started) throws InterruptedException {
        String next = started.poll(5, TimeUnit.SECONDS);
        assertThat(next).isNotNull();
        return next;
    }

    private static long pollerThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .filter(t -> t.getName().contains("hosts://test"))
                .count();
    }
}
