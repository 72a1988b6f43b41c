package io.fetchbox.fetch;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides which download runs next. Items wait in one lane per host (scheme, host and port); a lane
 * hands out an item only while the host has a free slot ({@code perHost}), is not paused (a
 * {@code Retry-After} on 429/503), and its request rate allows; an item may also wait for its own
 * time (a retry's back-off). Lanes take turns, and within a lane the groups (batches) take turns,
 * so a short list is not stuck behind a long one and a slow or paused host never holds up the
 * others: waiting costs a queue entry, never a thread.
 *
 * <p>{@link #put} blocks while {@code capacity} items wait, so that a list is read only as fast as
 * it is downloaded; {@link #requeue} (redirects, retries) never blocks, so that a worker can always
 * hand its item back. After {@link #stop()} nothing more is handed out.
 */
public final class HostScheduler<T> {
    private static final Logger LOG = LoggerFactory.getLogger(HostScheduler.class);
    private final int perHost;
    private final double perHostRate;
    private final int capacity;
    private final Function<T, String> hostOf;
    private final Function<T, String> groupOf;
    private final LongSupplier nanoClock;
    private volatile BooleanSupplier admitting = () -> true;
    private final ReentrantLock lock = new ReentrantLock();
    /**
     * Who waits for what: consumers for an item that may run, producers for room, shutdown for no
     * request in flight. One waiter is woken per item or slot (a wake-up costs a context switch
     * on few cores); waking every consumer for each item would cost one per consumer.
     */
    private final Condition ready = lock.newCondition();

    private final Condition room = lock.newCondition();
    private final Condition idle = lock.newCondition();
    private final Map<String, Lane<T>> lanes = new LinkedHashMap<>();
    private final ArrayDeque<Lane<T>> turns = new ArrayDeque<>();
    private long sequence;
    private int waiting;
    private int inFlight;
    private boolean stopped;

    /**
     * @param perHostRate requests per second to one host, 0 for no limit
     * @param capacity how many items may wait before {@link #put} blocks
     */
    public HostScheduler(
            int perHost,
            double perHostRate,
            int capacity,
            Function<T, String> hostOf,
            Function<T, String> groupOf,
            LongSupplier nanoClock) {
        this.perHost = perHost;
        this.perHostRate = perHostRate;
        this.capacity = capacity;
        this.hostOf = hostOf;
        this.groupOf = groupOf;
        this.nanoClock = nanoClock;
    }

    /**
     * A condition every new request waits for, besides its host's: fetchbox.min-free-disk (no new
     * download starts while the output folder's disk is too full). Checked at least every 250 ms.
     */
    public void admitOnlyWhile(BooleanSupplier condition) {
        this.admitting = condition;
    }

    /** Adds a new item, waiting while the scheduler is full; refused once it is stopped. */
    public void put(T item) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (waiting >= capacity && !stopped) {
                room.await();
            }
            if (stopped) {
                throw new RejectedExecutionException("stopping: no new downloads");
            }
            add(item, 0, false);
        } finally {
            lock.unlock();
        }
    }

    /** Adds an item without waiting, if there is room; false when full. */
    public boolean offer(T item) {
        lock.lock();
        try {
            if (waiting >= capacity) {
                return false;
            }
            add(item, 0, false);
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Hands an item back (a redirect, a retry): first in its group's line once {@code delayNanos}
     * have passed. Never blocks.
     */
    public void requeue(T item, long delayNanos) {
        lock.lock();
        try {
            add(item, Math.max(0, delayNanos), true);
        } finally {
            lock.unlock();
        }
    }

    /**
     * The next item that may run, its host slot taken; waits up to the timeout, and returns null when
     * none became ready (or the scheduler is stopped). Give the slot back with {@link #release}.
     */
    public T poll(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = nanoClock.getAsLong() + unit.toNanos(timeout);
        lock.lockInterruptibly();
        try {
            while (true) {
                if (stopped) {
                    return null;
                }
                long now = nanoClock.getAsLong();
                long wakeAt = deadline;
                if (!admitting.getAsBoolean()) {
                    if (now >= deadline) {
                        return null;
                    }
                    ready.awaitNanos(Math.min(deadline - now, TimeUnit.MILLISECONDS.toNanos(250)));
                    continue;
                }
                for (int i = 0, n = turns.size(); i < n; i++) {
                    Lane<T> lane = turns.pollFirst();
                    turns.addLast(lane);
                    T item = lane.takeIfReady(now, perHost);
                    if (item != null) {
                        if (lane.pausedUntil != Long.MIN_VALUE) {
                            // the first request after a pause says the pause is over, once
                            lane.pausedUntil = Long.MIN_VALUE;
                            LOG.info("{}: its pause is over; requests go on", lane.host);
                        }
                        startRequest(lane, now);
                        if (waiting > 0) {
                            // another item may be ready too, or be due before the others wake
                            ready.signal();
                        }
                        return item;
                    }
                    wakeAt = Math.min(wakeAt, lane.readyAt(now, perHost));
                }
                long wait = wakeAt - now;
                if (now >= deadline) {
                    return null;
                }
                ready.awaitNanos(Math.max(1, wait));
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * For work this scheduler does not hold (cluster mode: the broker holds it, docs/architecture.md,
     * "Cluster mode"): takes a slot of {@code host} now if its slots, pause, rate and the admission
     * condition allow, and returns 0; else returns how many nanoseconds to wait before asking again
     * (at least 1), or -1 once the scheduler is stopped. Give the slot back with {@link #release}.
     */
    public long tryStart(String host) {
        lock.lock();
        try {
            if (stopped) {
                return -1;
            }
            if (!admitting.getAsBoolean()) {
                // the disk is full: asked again once a second, as the other waits are
                return TimeUnit.SECONDS.toNanos(1);
            }
            long now = nanoClock.getAsLong();
            Lane<T> lane = lane(host);
            if (lane.inFlight >= perHost) {
                // a slot frees when a request ends, which no clock tells
                return TimeUnit.MILLISECONDS.toNanos(100);
            }
            long readyAt = Math.max(lane.pausedUntil, lane.nextStart);
            if (now < readyAt) {
                return readyAt - now;
            }
            if (lane.pausedUntil != Long.MIN_VALUE) {
                lane.pausedUntil = Long.MIN_VALUE;
                LOG.info("{}: its pause is over; requests go on", lane.host);
            }
            waiting++; // startRequest counts a waiting item out
            startRequest(lane, now);
            return 0;
        } finally {
            lock.unlock();
        }
    }

    /** Gives back the slot of an item {@link #poll} handed out. */
    public void release(String host) {
        lock.lock();
        try {
            Lane<T> lane = lanes.get(host);
            if (lane != null && lane.inFlight > 0) {
                lane.inFlight--;
                inFlight--;
                forgetIfIdle(lane);
                ready.signal();
                if (inFlight == 0) {
                    idle.signalAll();
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** No request goes to the host before {@code delayNanos} have passed (Retry-After on 429/503). */
    public void pause(String host, long delayNanos) {
        lock.lock();
        try {
            Lane<T> lane = lane(host);
            lane.pausedUntil = Math.max(lane.pausedUntil, nanoClock.getAsLong() + delayNanos);
            // consumers waiting for this host's time must wait longer; the others see no change
            ready.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** From now on nothing more is handed out; waiting producers are let go. */
    public void stop() {
        lock.lock();
        try {
            stopped = true;
            ready.signalAll();
            room.signalAll();
            idle.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** True once {@link #stop()} was called: {@link #poll} then returns null at once, forever. */
    public boolean isStopped() {
        lock.lock();
        try {
            return stopped;
        } finally {
            lock.unlock();
        }
    }

    /** Waits until no item is in flight, at most the timeout; true when none is. */
    public boolean awaitIdle(long timeout, TimeUnit unit) throws InterruptedException {
        long left = unit.toNanos(timeout);
        lock.lockInterruptibly();
        try {
            while (inFlight > 0) {
                if (left <= 0) {
                    return false;
                }
                left = idle.awaitNanos(left);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Items still to be handed out: none once stopped (what waits then is done by the next start). */
    public int waiting() {
        lock.lock();
        try {
            return stopped ? 0 : waiting;
        } finally {
            lock.unlock();
        }
    }

    public int inFlight() {
        lock.lock();
        try {
            return inFlight;
        } finally {
            lock.unlock();
        }
    }

    public int remainingCapacity() {
        lock.lock();
        try {
            return Math.max(0, capacity - waiting);
        } finally {
            lock.unlock();
        }
    }

    private void add(T item, long delayNanos, boolean first) {
        Lane<T> lane = lane(hostOf.apply(item));
        long now = nanoClock.getAsLong();
        if (delayNanos > 0) {
            lane.delayed.add(new Delayed<>(now + delayNanos, sequence++, groupOf.apply(item), item));
        } else {
            lane.enqueue(groupOf.apply(item), item, first);
        }
        waiting++;
        ready.signal();
    }

    private void startRequest(Lane<T> lane, long now) {
        waiting--;
        inFlight++;
        lane.inFlight++;
        if (perHostRate > 0) {
            long interval = (long) (TimeUnit.SECONDS.toNanos(1) / perHostRate);
            lane.nextStart = Math.max(now, lane.nextStart) + interval;
        }
        room.signal();
    }

    private Lane<T> lane(String host) {
        Lane<T> lane = lanes.get(host);
        if (lane == null) {
            lane = new Lane<>(host);
            lanes.put(host, lane);
            turns.addLast(lane);
        }
        return lane;
    }

    /** A host with nothing waiting, nothing running and no pause or rate to remember is dropped. */
    private void forgetIfIdle(Lane<T> lane) {
        long now = nanoClock.getAsLong();
        if (lane.isEmpty() && lane.inFlight == 0 && lane.pausedUntil <= now && lane.nextStart <= now) {
            lanes.remove(lane.host);
            turns.remove(lane);
        }
    }

    private record Delayed<T>(long dueNanos, long order, String group, T item) {}

    /** One host's waiting items, by group, and its slots, pause and rate. */
    private static final class Lane<T> {
        final String host;
        final Map<String, ArrayDeque<T>> byGroup = new HashMap<>();
        final ArrayDeque<String> groupTurns = new ArrayDeque<>();
        final PriorityQueue<Delayed<T>> delayed = new PriorityQueue<>((a, b) -> a.dueNanos() != b.dueNanos()
                ? Long.compare(a.dueNanos(), b.dueNanos())
                : Long.compare(a.order(), b.order()));
        int inFlight;
        long pausedUntil = Long.MIN_VALUE;
        long nextStart = Long.MIN_VALUE;

        Lane(String host) {
            this.host = host;
        }

        void enqueue(String group, T item, boolean first) {
            ArrayDeque<T> items = byGroup.get(group);
            if (items == null) {
                items = new ArrayDeque<>();
                byGroup.put(group, items);
                groupTurns.addLast(group);
            }
            if (first) {
                items.addFirst(item);
            } else {
                items.addLast(item);
            }
        }

        boolean isEmpty() {
            return groupTurns.isEmpty() && delayed.isEmpty();
        }

        int waitingItems() {
            int items = delayed.size();
            for (ArrayDeque<T> group : byGroup.values()) {
                items += group.size();
            }
            return items;
        }

        T takeIfReady(long now, int perHost) {
            while (!delayed.isEmpty() && delayed.peek().dueNanos() <= now) {
                Delayed<T> due = delayed.poll();
                enqueue(due.group(), due.item(), true);
            }
            if (groupTurns.isEmpty() || inFlight >= perHost || now < pausedUntil || now < nextStart) {
                return null;
            }
            String group = groupTurns.pollFirst();
            ArrayDeque<T> items = byGroup.get(group);
            T item = items.pollFirst();
            if (items.isEmpty()) {
                byGroup.remove(group);
            } else {
                groupTurns.addLast(group);
            }
            return item;
        }

        /** When this lane could next hand out an item, as far as time alone decides. */
        long readyAt(long now, int perHost) {
            long at = Long.MAX_VALUE;
            if (!groupTurns.isEmpty() && inFlight < perHost) {
                at = Math.max(pausedUntil, nextStart);
            }
            if (!delayed.isEmpty()) {
                at = Math.min(at, Math.max(delayed.peek().dueNanos(), Math.max(pausedUntil, nextStart)));
            }
            return at;
        }
    }

    /**
     * What each host is doing now, busiest first, at most {@code limit}: requests in flight, items
     * waiting, and how long its pause (Retry-After) has still to run, 0 when none.
     */
    public List<HostState> hosts(int limit) {
        lock.lock();
        try {
            long now = nanoClock.getAsLong();
            return lanes.values().stream()
                    .map(lane -> new HostState(
                            lane.host,
                            lane.inFlight,
                            lane.waitingItems(),
                            lane.pausedUntil > now ? TimeUnit.NANOSECONDS.toMillis(lane.pausedUntil - now) : 0))
                    .sorted(Comparator.comparingLong((HostState h) -> h.inFlight() + h.waiting())
                            .reversed())
                    .limit(limit)
                    .toList();
        } finally {
            lock.unlock();
        }
    }

    /** One host's state, for {@code GET /api/hosts}. */
    public record HostState(String host, int inFlight, int waiting, long pausedForMillis) {}

    /** For tests and metrics: the hosts that have a lane now. */
    int lanes() {
        lock.lock();
        try {
            return lanes.size();
        } finally {
            lock.unlock();
        }
    }
}
