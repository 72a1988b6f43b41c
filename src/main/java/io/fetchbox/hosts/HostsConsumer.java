package io.fetchbox.hosts;

import io.fetchbox.fetch.HostScheduler;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeExtension;
import org.apache.camel.Processor;
import org.apache.camel.ShutdownRunningTask;
import org.apache.camel.Suspendable;
import org.apache.camel.spi.ShutdownAware;
import org.apache.camel.spi.ShutdownStrategy;
import org.apache.camel.support.DefaultConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code concurrentConsumers} threads, each taking the next exchange whose host is ready and routing it to
 * its end on that same thread, as a seda consumer does: so that that many downloads run at once, no more.
 *
 * <p>Stopping (not suspending) stops the scheduler: nothing more is handed out, and what still waits is
 * done by the next start (docs/architecture.md, "SIGTERM drains"). Idle threads end within
 * {@code pollTimeout}; an exchange already taken is routed to its end first, never dropped.
 */
final class HostsConsumer extends DefaultConsumer implements ShutdownAware, Suspendable {
    private static final Logger LOG = LoggerFactory.getLogger(HostsConsumer.class);
    private final HostScheduler<Exchange> scheduler;
    private final int threads;
    private final int pollTimeout;
    private ExecutorService pollers;
    private volatile CountDownLatch running;

    HostsConsumer(HostsEndpoint endpoint, Processor processor, HostScheduler<Exchange> scheduler) {
        super(endpoint, processor);
        this.scheduler = scheduler;
        this.threads = endpoint.getConcurrentConsumers();
        this.pollTimeout = endpoint.getPollTimeout();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        running = new CountDownLatch(threads);
        pollers = getEndpoint()
                .getCamelContext()
                .getExecutorServiceManager()
                .newFixedThreadPool(this, getEndpoint().getEndpointUri(), threads);
        for (int i = 0; i < threads; i++) {
            pollers.execute(this::pollUntilStopped);
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (pollers != null) {
            // the threads have ended by now (prepareShutdown), unless Camel's shutdown timeout was over
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdownNow(pollers);
            pollers = null;
        }
        super.doStop();
    }

    @Override
    public boolean isRunAllowed() {
        // a suspended consumer keeps its threads, which only wait
        return isSuspending() || isSuspended() || super.isRunAllowed();
    }

    private void pollUntilStopped() {
        try {
            while (isRunAllowed() && !scheduler.isStopped()) {
                if (isSuspending()
                        || isSuspended()
                        || getEndpoint().getCamelContext().getStatus().isStarting()) {
                    // nothing is handed out before the routes are all started, or while suspended
                    Thread.sleep(pollTimeout);
                    continue;
                }
                Exchange next = scheduler.poll(pollTimeout, TimeUnit.MILLISECONDS);
                if (next != null) {
                    route(next);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            running.countDown();
        }
    }

    /** Routes the exchange on this thread, to its end: the thread is one of the concurrent downloads. */
    private void route(Exchange exchange) {
        ExchangeExtension extension = exchange.getExchangeExtension();
        extension.setFromEndpoint(getEndpoint());
        extension.setFromRouteId(getRouteId());
        try {
            getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        if (exchange.getException() != null) {
            getExceptionHandler().handleException("Error processing exchange", exchange, exchange.getException());
        }
    }

    /**
     * Unlike a seda consumer, not run on while the other routes finish: Camel suspends it first, so that no
     * new download starts once stopping has begun (docs/architecture.md, "SIGTERM drains").
     */
    @Override
    public boolean deferShutdown(ShutdownRunningTask shutdownRunningTask) {
        return false;
    }

    @Override
    public int getPendingExchangesSize() {
        return isSuspending() || isSuspended() ? 0 : scheduler.waiting();
    }

    @Override
    public void prepareShutdown(boolean suspendOnly, boolean forced) {
        if (suspendOnly) {
            return;
        }
        scheduler.stop();
        CountDownLatch threadsRunning = running;
        if (threadsRunning == null) {
            return;
        }
        ShutdownStrategy strategy = getEndpoint().getCamelContext().getShutdownStrategy();
        try {
            if (!threadsRunning.await(strategy.getTimeout(), strategy.getTimeUnit())) {
                LOG.warn(
                        "{}: {} thread(s) still routing an exchange at the shutdown timeout",
                        getEndpoint().getEndpointUri(),
                        threadsRunning.getCount());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
