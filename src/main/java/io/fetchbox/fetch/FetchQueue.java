package io.fetchbox.fetch;

import java.util.AbstractQueue;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;

/**
 * The {@link HostScheduler} as the queue of a seda endpoint ({@code seda:fetch?queue=#fetchQueue}):
 * the feed route puts tasks in like on any queue, and the fetch route's consumers are handed only
 * tasks whose host is ready. Items are exchanges whose body is a {@link FetchTask}.
 */
public final class FetchQueue extends AbstractQueue<Exchange> implements BlockingQueue<Exchange> {
    private final HostScheduler<Exchange> scheduler;

    public FetchQueue(int perHost, double perHostRate, int capacity) {
        this.scheduler = new HostScheduler<>(
                perHost, perHostRate, capacity, FetchQueue::hostOf, FetchQueue::batchOf, System::nanoTime);
    }

    public HostScheduler<Exchange> scheduler() {
        return scheduler;
    }

    static String hostOf(Exchange exchange) {
        return taskOf(exchange).hostKey();
    }

    private static String batchOf(Exchange exchange) {
        return taskOf(exchange).batch();
    }

    private static FetchTask taskOf(Exchange exchange) {
        return exchange.getMessage().getBody(FetchTask.class);
    }

    @Override
    public void put(Exchange exchange) throws InterruptedException {
        scheduler.put(exchange);
    }

    @Override
    public boolean offer(Exchange exchange) {
        return scheduler.offer(exchange);
    }

    @Override
    public boolean offer(Exchange exchange, long timeout, TimeUnit unit) throws InterruptedException {
        // the feed route blocks when full (blockWhenFull); a timed offer is not used
        scheduler.put(exchange);
        return true;
    }

    @Override
    public Exchange take() throws InterruptedException {
        Exchange next;
        do {
            next = scheduler.poll(1, TimeUnit.SECONDS);
        } while (next == null);
        return next;
    }

    @Override
    public Exchange poll(long timeout, TimeUnit unit) throws InterruptedException {
        return scheduler.poll(timeout, unit);
    }

    @Override
    public Exchange poll() {
        try {
            return scheduler.poll(0, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    @Override
    public Exchange peek() {
        return null;
    }

    @Override
    public int size() {
        return scheduler.waiting();
    }

    @Override
    public int remainingCapacity() {
        return scheduler.remainingCapacity();
    }

    /** Tasks are never taken out in bulk: what waits when the service stops is done by the next start. */
    @Override
    public int drainTo(Collection<? super Exchange> target) {
        return 0;
    }

    @Override
    public int drainTo(Collection<? super Exchange> target, int maxElements) {
        return 0;
    }

    @Override
    public Iterator<Exchange> iterator() {
        return Collections.emptyIterator();
    }
}
