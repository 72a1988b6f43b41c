package io.fetchbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.fetchbox.testing.TestServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
     * Peak number of requests in flight at the servers at once. Each request is held 250 ms before
     * its answer, so the next one on that slot cannot start sooner; counting each request as the
     * first 200 ms after its start keeps a busy machine's late time stamps from faking an overlap.
     */
    private static int peakOverlap(TestServer... servers) {
        long window = TimeUnit.MILLISECONDS.toNanos(200);
        List<Long> starts = new ArrayList<>();
        for (TestServer s : servers) {
            s.requests().forEach(r -> starts.add(r.startNanos()));
        }
        int peak = 0;
        for (long t : starts) {
            int overlapping =
                    (int) starts.stream().filter(o -> o <= t && t < o + window).count();
            peak = Math.max(peak, overlapping);
        }
        return peak;
    }
}
