package io.fetchbox.fetch;

import io.fetchbox.url.ParsedUrl;
import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;

/**
 * The first step of a download: remembers the task and its start, and waits for a slot at the host.
 * The slot is given back when the exchange completes, whichever way it ends.
 */
public final class Admission {
    private final HostGate gate;

    public Admission(HostGate gate) {
        this.gate = gate;
    }

    public void admit(Exchange exchange) throws Exception {
        FetchTask task = exchange.getMessage().getMandatoryBody(FetchTask.class);
        exchange.setProperty(FetchProps.TASK, task);
        exchange.setProperty(FetchProps.STARTED, System.nanoTime());
        exchange.setProperty(FetchProps.NEXT_URL, task.entry().url());
        exchange.setProperty(FetchProps.REDIRECTS, 0);
        exchange.setProperty(FetchProps.ATTEMPTS, 1);
        String hostKey = ParsedUrl.parse(task.entry().url()).hostKey();
        gate.acquire(hostKey);
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                gate.release(hostKey);
            }

            @Override
            public boolean allowHandover() {
                // released when this download ends, not when the report route has handled its outcome
                return false;
            }
        });
    }
}
