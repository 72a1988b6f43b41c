package io.fetchbox.fetch;

import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;

/**
 * Where a download enters and leaves the fetch route. The scheduler handed the task over with its
 * host slot taken; the slot is given back when this exchange completes, whichever way it ends. A
 * redirect or a retry goes back as a new exchange, under the host it goes to ({@link TaskQueue}).
 */
public final class Admission {
    private final HostScheduler<Exchange> scheduler;
    private final TaskQueue queue;

    /** @param queue where redirects and retries go back to (the scheduler itself, or the broker) */
    public Admission(HostScheduler<Exchange> scheduler, TaskQueue queue) {
        this.scheduler = scheduler;
        this.queue = queue;
    }

    /** One node's admission: redirects and retries go back to the scheduler. */
    public Admission(HostScheduler<Exchange> scheduler) {
        this(scheduler, new SchedulerQueue(scheduler));
    }

    public void admit(Exchange exchange) throws Exception {
        FetchTask task = exchange.getMessage().getMandatoryBody(FetchTask.class).started(System.currentTimeMillis());
        exchange.setProperty(FetchProps.TASK, task);
        String hostKey = task.hostKey();
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                scheduler.release(hostKey);
            }

            @Override
            public boolean allowHandover() {
                // released when this request ends, not when the report route has handled its outcome
                return false;
            }
        });
    }

    /** Follows a redirect: the same attempt continues at the target, when its host has a free slot. */
    public void redirect(Exchange exchange) {
        FetchTask task = exchange.getProperty(FetchProps.TASK, FetchTask.class);
        String target = exchange.getProperty(FetchProps.NEXT_URL, String.class);
        requeue(exchange, task.redirectedTo(target), 0);
    }

    /** Hands a task back, to run once {@code delayMillis} have passed. */
    void requeue(Exchange current, FetchTask task, long delayMillis) {
        queue.requeue(current, task, delayMillis);
    }

    /** A 429 or 503 with Retry-After: no request goes to the host until the time is up. */
    void pauseHost(FetchTask task, long delayMillis) {
        queue.pauseHost(task.hostKey(), delayMillis);
    }
}
