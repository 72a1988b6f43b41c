package io.fetchbox.fetch;

import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultExchange;

/** One node's {@link TaskQueue}: the host scheduler, which holds a retry's back-off as a queue entry. */
public final class SchedulerQueue implements TaskQueue {
    private final HostScheduler<Exchange> scheduler;

    public SchedulerQueue(HostScheduler<Exchange> scheduler) {
        this.scheduler = scheduler;
    }

    @Override
    public void requeue(Exchange current, FetchTask task, long delayMillis) {
        Exchange next = new DefaultExchange(current.getContext());
        next.getMessage().setBody(task);
        scheduler.requeue(next, delayMillis * 1_000_000L);
    }

    @Override
    public void pauseHost(String hostKey, long delayMillis) {
        scheduler.pause(hostKey, delayMillis * 1_000_000L);
    }
}
