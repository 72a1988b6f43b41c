package io.fetchbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.fetchbox.testing.TestServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** fetchbox.concurrency and fetchbox.per-host are hard limits, measured where it counts: at the server. */
class FetchLimitsTest {
    @TempDir
    Path dir;

    @Test
    void perHostCapsParallelRequestsToOneHost() {
        try (TestServer server = TestServer.start()) {
            Workspace ws = new Workspace(dir);
            ws.drop("one-host.txt", slowUrls(server, "h", 24));

            assertThat(ws.once("--fetchbox.concurrency=16", "--fetchbox.per-host=3"))
                    .isEqualTo(0);

            assertThat(peakOverlap(server)).isEqualTo(3);
            assertThat(ws.report("one-host")).hasSize(24);
        }
    }

    @Test
    void concurrencyCapsParallelRequestsOverall() {
        try (TestServer a = TestServer.start();
                TestServer b = TestServer.start()) {
            Workspace ws = new Workspace(dir);
            // two servers on two ports are two hosts: per-host alone would allow 2 x 6
            ws.drop("two-hosts.txt", slowUrls(a, "a", 16) + slowUrls(b, "b", 16));

            assertThat(ws.once("--fetchbox.concurrency=5", "--fetchbox.per-host=6"))
                    .isEqualTo(0);

            assertThat(peakOverlap(a, b)).isEqualTo(5);
        }
    }

    @Test
    void theDefaultsUseSixConnectionsToOneHost() {
        try (TestServer server = TestServer.start()) {
            Workspace ws = new Workspace(dir);
            ws.drop("defaults.txt", slowUrls(server, "d", 30));

            assertThat(ws.once()).isEqualTo(0);

            // the HTTP client's own pool must not cap this below fetchbox.per-host
            assertThat(peakOverlap(server)).isEqualTo(6);
        }
    }

    private static String slowUrls(TestServer server, String prefix, int count) {
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < count; i++) {
            list.append(server.url("/f/" + prefix + i + ".bin?size=1000&seed=" + i + "&delay_ms=250"))
                    .append('\n');
        }
        return list.toString();
    }

    /**
     * Peak number of requests in flight at the servers at once, each counted from its arrival until its
     * answer was about to be sent (both taken while the client still held the request's slot, so a busy
     * machine's late time stamps can only shrink an interval, never fake an overlap). Each request is held
     * 250 ms before its answer, so requests sent together do overlap.
     */
    private static int peakOverlap(TestServer... servers) {
        List<long[]> events = new ArrayList<>(); // {time, +1 | -1}
        for (TestServer s : servers) {
            for (TestServer.Request r : s.requests()) {
                assertThat(r.respondedNanos()).as("%s answered", r).isPositive();
                events.add(new long[] {r.startNanos(), 1});
                events.add(new long[] {r.respondedNanos(), -1});
            }
        }
        // an answer and an arrival at the same instant do not overlap: answers first
        events.sort(Comparator.<long[]>comparingLong(e -> e[0]).thenComparingLong(e -> e[1]));
        int now = 0;
        int peak = 0;
        for (long[] e : events) {
            now += (int) e[1];
            peak = Math.max(peak, now);
        }
        return peak;
    }
}
