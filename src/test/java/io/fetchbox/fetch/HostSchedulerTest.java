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
    void workHeldElsewhereTakesASlotOnlyWhenTheHostsSlotsPauseAndRateAllowAndSaysHowLongToWait() {
        HostScheduler<String> s = scheduler(2, 2.0, 100);
        long second = TimeUnit.SECONDS.toNanos(1);

        assertThat(s.tryStart("a")).isZero();
        // two a second: the next request to a may start half a second after the first
        assertThat(s.tryStart("a")).isEqualTo(second / 2);
        now.addAndGet(second / 2);
        assertThat(s.tryStart("a")).isZero();
        assertThat(s.inFlight()).isEqualTo(2);
        now.addAndGet(second);
        assertThat(s.tryStart("a")).as("both slots taken").isPositive();
        s.release("a");
        assertThat(s.tryStart("a")).isZero();

        s.pause("b", 3 * second);
        assertThat(s.tryStart("b")).isEqualTo(3 * second);
        now.addAndGet(3 * second);
        assertThat(s.tryStart("b")).isZero();

        s.admitOnlyWhile(() -> false);
        assertThat(s.tryStart("c")).as("no room on disk").isPositive();
        s.stop();
        assertThat(s.tryStart("c")).isEqualTo(-1);
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

    /** HostsTest's 429 end to end, exactly: every item of the host waits until the clock passes the pause. */
    @Test
    void aPauseHoldsEveryItemOfTheHostUntilTheClockPassesIt() throws InterruptedException {
        HostScheduler<String> s = scheduler(2, 0, 100);
        for (int i = 0; i < 6; i++) {
            s.put("p:x:" + i);
            s.put("o:x:" + i);
        }
        assertThat(List.of(next(s), next(s))).containsExactly("p:x:0", "o:x:0");
        // p:x:0 got a 429 with Retry-After: 2; the host is paused, the line goes back with its own short wait
        s.pause("p", TimeUnit.SECONDS.toNanos(2));
        s.requeue("p:x:0", TimeUnit.MILLISECONDS.toNanos(10));
        s.release("p");
        s.release("o");

        List<String> during = new ArrayList<>();
        for (long t = 0; t < 2000; t += 100) {
            for (String item; (item = next(s)) != null; ) {
                during.add(item);
                s.release(item.split(":")[0]);
            }
            now.addAndGet(TimeUnit.MILLISECONDS.toNanos(100));
        }
        now.addAndGet(-1);
        assertThat(next(s)).as("1 ns before the pause ends").isNull();
        assertThat(during).as("handed out during the pause").allMatch(i -> i.startsWith("o:"));
        assertThat(during).hasSize(5);

        now.addAndGet(1);
        assertThat(List.of(next(s), next(s)))
                .as("at the end of the pause, the retry first")
                .containsExactly("p:x:0", "p:x:1");
        assertThat(next(s)).as("the pause over, the slots still count").isNull();
    }

    @Test
    void aShorterPauseDoesNotShortenALongerOne() throws InterruptedException {
        HostScheduler<String> s = scheduler(4, 0, 100);
        s.put("a:x:1");
        s.pause("a", TimeUnit.SECONDS.toNanos(2));
        s.pause("a", TimeUnit.SECONDS.toNanos(1));

        now.addAndGet(TimeUnit.SECONDS.toNanos(2) - 1);
        assertThat(next(s)).isNull();
        now.addAndGet(1);
        assertThat(next(s)).isEqualTo("a:x:1");
    }

    /** HostsTest's per-host-rate=5 end to end, exactly: one start every 200 ms, not a nanosecond sooner. */
    @Test
    void fivePerSecondIsOneStartEvery200Ms() throws InterruptedException {
        HostScheduler<String> s = scheduler(6, 5, 100);
        for (int i = 0; i < 6; i++) {
            s.put("a:x:" + i);
        }
        long start = now.get();

        for (int i = 0; i < 6; i++) {
            if (i > 0) {
                now.set(start + TimeUnit.MILLISECONDS.toNanos(200L * i) - 1);
                assertThat(next(s)).as("1 ns before start %d", i).isNull();
                now.addAndGet(1);
            }
            assertThat(next(s)).as("start %d", i).isEqualTo("a:x:" + i);
            assertThat(next(s)).as("a second item at start %d", i).isNull();
        }
    }

    @Test
    void anIdleHostEarnsNoBurstUnderItsRate() throws InterruptedException {
        HostScheduler<String> s = scheduler(6, 5, 100);
        s.put("a:x:0");
        assertThat(next(s)).isEqualTo("a:x:0");
        s.release("a");

        now.addAndGet(TimeUnit.SECONDS.toNanos(10));
        for (int i = 1; i <= 3; i++) {
            s.put("a:x:" + i);
        }
        assertThat(next(s)).isEqualTo("a:x:1");
        assertThat(next(s)).isNull();
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(200));
        assertThat(next(s)).isEqualTo("a:x:2");
        assertThat(next(s)).isNull();
    }

    @Test
    void theRateIsPerHost() throws InterruptedException {
        HostScheduler<String> s = scheduler(6, 5, 100);
        s.put("a:x:0");
        s.put("a:x:1");
        s.put("b:x:0");
        s.put("b:x:1");

        assertThat(List.of(next(s), next(s))).containsExactlyInAnyOrder("a:x:0", "b:x:0");
        assertThat(next(s)).isNull();
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(200));
        assertThat(List.of(next(s), next(s))).containsExactlyInAnyOrder("a:x:1", "b:x:1");
    }

    /** RetriesTest's back-off end to end, exactly: a retry goes out when its wait is over, not before. */
    @Test
    void aRetryWaitsExactlyItsDelay() throws InterruptedException {
        HostScheduler<String> s = scheduler(4, 0, 100);
        s.requeue("a:x:retry", TimeUnit.MILLISECONDS.toNanos(400));

        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(400) - 1);
        assertThat(next(s)).isNull();
        now.addAndGet(1);
        assertThat(next(s)).isEqualTo("a:x:retry");
    }
}
