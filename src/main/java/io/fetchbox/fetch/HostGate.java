package io.fetchbox.fetch;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * At most {@code perHost} downloads in flight to one host (scheme, host and port). Our own gate
 * rather than the Throttle EIP, whose concurrent mode leaks permits held longer than 10 s
 * (CAMEL-24926), which long downloads do.
 */
public final class HostGate {
    private final int perHost;
    private final ConcurrentHashMap<String, Semaphore> slots = new ConcurrentHashMap<>();

    public HostGate(int perHost) {
        this.perHost = perHost;
    }

    /** Blocks until the host has a free slot; the caller must {@link #release} it exactly once. */
    public void acquire(String hostKey) throws InterruptedException {
        slots.computeIfAbsent(hostKey, k -> new Semaphore(perHost, true)).acquire();
    }

    public void release(String hostKey) {
        Semaphore s = slots.get(hostKey);
        if (s != null) {
            s.release();
        }
    }

    public int inFlight(String hostKey) {
        Semaphore s = slots.get(hostKey);
        return s == null ? 0 : perHost - s.availablePermits();
    }
}
