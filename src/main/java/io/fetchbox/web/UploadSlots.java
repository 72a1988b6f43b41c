package io.fetchbox.web;

import java.util.concurrent.Semaphore;
import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;

/**
 * The few uploads read at once ({@link UploadLimits#slots()}). Each holds a Vert.x worker thread
 * for as long as its client sends, and those threads also answer the page, the API, health and
 * metrics: an upload beyond the limit is refused at once with 503 and Retry-After, before any byte
 * of its body is read (README, "Operating fetchbox").
 */
public final class UploadSlots {
    private final UploadLimits limits;
    private final Semaphore free;

    public UploadSlots(UploadLimits limits) {
        this.limits = limits;
        this.free = new Semaphore(limits.slots());
    }

    /**
     * True when every slot is taken (the upload is to be refused); otherwise takes one for this
     * exchange, given back when the exchange completes, whatever its outcome.
     */
    public boolean refuses(Exchange exchange) {
        if (!free.tryAcquire()) {
            return true;
        }
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                free.release();
            }
        });
        return false;
    }

    /** The Retry-After of a refusal, in seconds. */
    public long retryAfterSeconds() {
        return limits.retryAfter().toSeconds();
    }
}
