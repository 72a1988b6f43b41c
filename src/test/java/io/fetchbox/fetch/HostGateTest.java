package io.fetchbox.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class HostGateTest {
    @Test
    void aHostWithNoFreeSlotWaitsUntilOneIsReleased() throws InterruptedException {
        HostGate gate = new HostGate(2);
        gate.acquire("http://a:80");
        gate.acquire("http://a:80");
        gate.acquire("http://b:80"); // another host is not held up
        CountDownLatch third = new CountDownLatch(1);
        Thread waiter = new Thread(() -> {
            try {
                gate.acquire("http://a:80");
                third.countDown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        waiter.start();

        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2)).until(() -> third.getCount() == 1);
        gate.release("http://a:80");

        await().atMost(Duration.ofSeconds(2)).until(() -> third.getCount() == 0);
        assertThat(gate.inFlight("http://a:80")).isEqualTo(2);
        assertThat(gate.inFlight("http://b:80")).isEqualTo(1);
    }
}
