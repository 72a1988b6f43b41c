package io.fetchbox.cluster;

import io.fetchbox.fetch.FetchProps;
import io.fetchbox.fetch.FetchTask;
import io.fetchbox.fetch.HostScheduler;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.camel.Exchange;
import org.apache.camel.RollbackExchangeException;
import org.apache.camel.support.DefaultExchange;

/**
 * The fetch-from-broker route's step ({@code routes/cluster.camel.yaml}): a download taken off the
 * broker's fetch queue, inside the message's local transaction. One whose host may be asked now (a free
 * slot, no pause, its rate) runs the fetch route on this thread, and the message is acknowledged once
 * the route has put the outcome, a retry or a redirect on the broker. One whose host must wait goes back
 * to the broker, delivered at its time. A download a stop cut is rolled back, so that the broker gives it
 * to another node (docs/architecture.md, "Cluster mode").
 */
public final class BrokerHostsConsumer {
    private final HostScheduler<Exchange> scheduler;
    private final Supplier<TaskMessages> messages;
    private final Handoff.Slot fetchRoute;
    private final Runnable downloaded;

    BrokerHostsConsumer(
            HostScheduler<Exchange> scheduler,
            Supplier<TaskMessages> messages,
            Handoff.Slot fetchRoute,
            Runnable downloaded) {
        this.scheduler = scheduler;
        this.messages = messages;
        this.fetchRoute = fetchRoute;
        this.downloaded = downloaded;
    }

    public void take(Exchange message) throws Exception {
        Optional<FetchTask> read = Wire.read(message, BrokerQueues.FETCH, Wire::task);
        if (read.isEmpty()) {
            return;
        }
        FetchTask task = read.get();
        String run = message.getMessage().getHeader(FetchProps.RUN, String.class);
        long waitNanos = scheduler.tryStart(task.hostKey());
        if (waitNanos < 0) {
            throw new RollbackExchangeException("stopping: the download goes back to the broker", message);
        }
        if (waitNanos > 0) {
            messages.get().send(task, run, Math.max(1, TimeUnit.NANOSECONDS.toMillis(waitNanos)));
            return;
        }
        Exchange download = new DefaultExchange(message.getContext());
        download.getMessage().setBody(task);
        if (run != null) {
            download.setProperty(FetchProps.RUN, run);
        }
        fetchRoute.hand(download);
        if (download.getProperty(FetchProps.CUT, false, Boolean.class)) {
            throw new RollbackExchangeException("cut by a stop: the download goes back to the broker", message);
        }
        downloaded.run();
    }
}
