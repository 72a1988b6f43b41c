package io.fetchbox.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Items are "host:batch:n"; a fake clock drives pauses, rates and delays; poll(0) never waits. */
class HostSchedulerTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    private HostScheduler<String> scheduler(int perHost, double rate, int capacity) {
        return new HostScheduler<>(perHost, rate, capacity, i -> i.split(":")[0], i -> i.split(":")[1], now::get);
    }

    private static String next(HostScheduler<String> s) throws InterruptedException {
        return s.poll(0, TimeUnit.MILLISECONDS);
    }

    @Test
    void aHostGetsNoMoreThanPerHostItemsAtOnce() throws InterruptedException {
        HostScheduler<String> s = scheduler(2, 0, 100);
        for (int i = 0; i < 4; i++) {
            s.put("a:x:" + i);
        }

        assertThat(next(s)).isEqualTo("a:x:0");
        assertThat(next(s)).isEqualTo("a:x:1");
        assertThat(next(s)).isNull();
        s.release("a");
        assertThat(next(s)).isEqualTo("a:x:2");
        assertThat(s.inFlight()).isEqualTo(2);
    }

    @Test
    void hostsTakeTurnsSoABusyHostDoesNotHoldUpOthers() throws InterruptedException {
        HostScheduler<String> s = scheduler(1, 0, 100);
        s.put("a:x:1");
        s.put("a:x:2");
        s.put("b:x:1");

        assertThat(List.of(next(s), next(s))).containsExactly("a:x:1", "b:x:1");
        assertThat(next(s)).isNull();
    }

    @Test
    void batchesTakeTurnsWithinAHost() throws InterruptedException {
        HostScheduler<String> s = scheduler(10, 0, 100);
        for (int i = 0; i < 5; i++) {
            s.put("a:big:" + i);
        }
        s.put("a:small:0");
        s.put("a:small:1");

        List<String> order = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            order.add(next(s));
        }
        assertThat(order).containsExactly("a:big:0", "a:small:0", "a:big:1", "a:small:1");
    }

    @Test
    void aPausedHostWaitsWhileOthersGoOn() throws InterruptedException {
        HostScheduler<String> s = scheduler(4, 0, 100);
        s.put("a:x:1");
        s.put("b:x:1");
        s.pause("a", TimeUnit.SECONDS.toNanos(2));

        assertThat(next(s)).isEqualTo("b:x:1");
        assertThat(next(s)).isNull();
        now.addAndGet(TimeUnit.SECONDS.toNanos(2));
        assertThat(next(s)).isEqualTo("a:x:1");
    }

    @Test
    void theRateSpacesRequestsToAHost() throws InterruptedException {
        HostScheduler<String> s = scheduler(4, 4, 100);
        s.put("a:x:1");
        s.put("a:x:2");

        assertThat(next(s)).isEqualTo("a:x:1");
        assertThat(next(s)).isNull();
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(250));
        assertThat(next(s)).isEqualTo("a:x:2");
    }

    @Test
    void aRequeuedItemWaitsItsDelayThenGoesFirst() throws InterruptedException {
        HostScheduler<String> s = scheduler(4, 0, 100);
        s.put("a:x:new");
        s.requeue("a:x:retry", TimeUnit.SECONDS.toNanos(1));

        assertThat(next(s)).isEqualTo("a:x:new");
        s.put("a:x:newer");
        now.addAndGet(TimeUnit.SECONDS.toNanos(1));
        assertThat(next(s)).isEqualTo("a:x:retry");
    }

    @Test
    void putBlocksAtCapacityButRequeueNeverDoes() throws InterruptedException {
        HostScheduler<String> s = scheduler(1, 0, 1);
        s.put("a:x:1");

        assertThat(s.offer("a:x:2")).isFalse();
        s.requeue("a:x:3", 0);
        assertThat(s.waiting()).isEqualTo(2);
    }

    @Test
    void nothingStartsWhileTheAdmissionConditionSaysNo() throws InterruptedException {
        HostScheduler<String> s = scheduler(4, 0, 100);
        AtomicBoolean diskHasRoom = new AtomicBoolean(false);
        s.admitOnlyWhile(diskHasRoom::get);
        s.put("a:x:1");

        assertThat(next(s)).isNull();
        diskHasRoom.set(true);
        assertThat(next(s)).isEqualTo("a:x:1");
    }

    @Test
    void aStoppedSchedulerHandsOutNothingAndRefusesNewItems() throws InterruptedException {
        HostScheduler<String> s = scheduler(1, 0, 10);
        s.put("a:x:1");
        s.stop();

        assertThat(next(s)).isNull();
        assertThat(s.waiting()).isZero();
        assertThatThrownBy(() -> s.put("a:x:2")).isInstanceOf(RejectedExecutionException.class);
        assertThat(s.awaitIdle(0, TimeUnit.MILLISECONDS)).isTrue();
    }

    @Test
    void saysWhatEachHostIsDoingBusiestFirst() throws InterruptedException {
        HostScheduler<String> s = scheduler(1, 0, 100);
        s.put("a:x:0");
        s.put("b:x:0");
        s.put("b:x:1");
        s.put("b:x:2");
        assertThat(next(s)).isEqualTo("a:x:0");
        s.pause("b", TimeUnit.SECONDS.toNanos(30));

        assertThat(s.hosts(10))
                .containsExactly(
                        new HostScheduler.HostState("b", 0, 3, 30_000), new HostScheduler.HostState("a", 1, 0, 0));
        assertThat(s.hosts(1)).extracting(HostScheduler.HostState::host).containsExactly("b");

        now.addAndGet(TimeUnit.SECONDS.toNanos(31));
        assertThat(s.hosts(10).get(0).pausedForMillis()).isZero();
    }
}
