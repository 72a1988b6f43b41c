package io.fetchbox.cluster;

import io.fetchbox.fetch.FetchProps;
import io.fetchbox.fetch.FetchTask;
import io.fetchbox.fetch.TaskQueue;
import java.util.function.Supplier;
import org.apache.camel.Exchange;

/**
 * Cluster mode's {@link TaskQueue}: a redirect or a retry goes back to the broker's fetch queue, under
 * the run of the download it continues, delivered by the broker when its back-off is over; a host pause
 * holds on this node at once and reaches the others through the broker ({@link HostPauses}).
 */
final class BrokerTaskQueue implements TaskQueue {
    private final Supplier<TaskMessages> messages;
    private final HostPauses pauses;

    BrokerTaskQueue(Supplier<TaskMessages> messages, HostPauses pauses) {
        this.messages = messages;
        this.pauses = pauses;
    }

    @Override
    public void requeue(Exchange current, FetchTask task, long delayMillis) {
        messages.get().send(task, current.getProperty(FetchProps.RUN, String.class), delayMillis);
    }

    @Override
    public void pauseHost(String hostKey, long delayMillis) {
        pauses.pause(hostKey, delayMillis);
    }
}
