package io.fetchbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fetchbox.testing.TestServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Politeness and policy per host: pauses on Retry-After, request rate, allow/deny lists, private networks. */
class HostsTest {
    @TempDir
    Path dir;

    @Test
    void a429WithRetryAfterPausesTheWholeHostWhileOthersGoOn() {
        try (TestServer paused = TestServer.start();
                TestServer other = TestServer.start()) {
            Workspace ws = new Workspace(dir);
            StringBuilder list = new StringBuilder();
            for (int i = 0; i < 6; i++) {
                list.append(paused.url("/pause-host/p/2/n" + i + "?size=10")).append('\n');
                list.append(other.url("/f/o" + i + ".bin?size=10&seed=" + i + "&delay_ms=100"))
                        .append('\n');
            }
            ws.drop("polite.txt", list.toString());

            assertThat(ws.once("--fetchbox.per-host=2", "--fetchbox.retry-delay=10ms"))
                    .isEqualTo(0);

            List<TestServer.Request> requests = paused.requests("/pause-host/");
            long pausedAt = requests.get(0).startNanos();
            long pauseEnds = pausedAt + TimeUnit.SECONDS.toNanos(2);
            // nothing reached the paused host for two seconds, except what was already on its way
            // (per-host=2 sends two at once; allow a loaded machine 250 ms to get the second there)
            assertThat(requests.stream().filter(r -> r.startNanos() > pausedAt + millis(250)))
                    .allSatisfy(r -> assertThat(r.startNanos()).isGreaterThanOrEqualTo(pauseEnds - millis(50)));
            // the other host was served meanwhile
            assertThat(other.requests("/f/").stream().filter(r -> r.endNanos() > 0 && r.endNanos() < pauseEnds))
                    .hasSize(6);
            Map<Integer, JsonNode> lines = Reports.byLine(ws.report("polite"));
            assertThat(lines.values())
                    .allSatisfy(l -> assertThat(Reports.text(l, "outcome")).isEqualTo("downloaded"));
        }
    }

    @Test
    void perHostRateSpacesRequestsToOneHost() {
        try (TestServer server = TestServer.start()) {
            Workspace ws = new Workspace(dir);
            StringBuilder list = new StringBuilder();
            for (int i = 0; i < 6; i++) {
                list.append(server.url("/f/r" + i + ".bin?size=10&seed=" + i)).append('\n');
            }
            ws.drop("rate.txt", list.toString());

            assertThat(ws.once("--fetchbox.per-host-rate=5")).isEqualTo(0);

            // 5 per second is one start every 200 ms (HostSchedulerTest checks that exactly on a fake
            // clock); seen from the server each start may be late by thread and connection jitter: one
            // late request shortens the gap after it (and lengthens the one before), so all gaps but
            // one must be at least half an interval, and the five gaps at least four intervals
            List<TestServer.Request> requests = server.requests("/f/");
            assertThat(requests).hasSize(6);
            long shortGaps = IntStream.range(1, requests.size())
                    .filter(i ->
                            requests.get(i).startNanos() - requests.get(i - 1).startNanos() < millis(100))
                    .count();
            assertThat(shortGaps).isLessThanOrEqualTo(1);
            assertThat(requests.get(5).startNanos() - requests.get(0).startNanos())
                    .isGreaterThanOrEqualTo(millis(800));
        }
    }

    @Test
    void deniedHostsGetNoRequestNotEvenAfterARedirect() {
        try (TestServer server = TestServer.start()) {
            Workspace ws = new Workspace(dir);
            String toLocalhost =
                    URLEncoder.encode("http://localhost:" + server.port() + "/f/b.bin?size=10", StandardCharsets.UTF_8);
            ws.drop(
                    "policy.txt",
                    server.url("/f/a.bin?size=10") + "\n"
                            + server.url("/redirect?to=" + toLocalhost) + "\n"
                            + "http://localhost:" + server.port() + "/f/c.bin?size=10\n");

            assertThat(ws.once("--fetchbox.allow-hosts=127.0.0.1", "--fetchbox.deny-hosts=*.example.com"))
                    .isEqualTo(1);

            Map<Integer, JsonNode> lines = Reports.byLine(ws.report("policy"));
            assertThat(Reports.text(lines.get(1), "outcome")).isEqualTo("downloaded");
            assertThat(Reports.text(lines.get(2), "error")).isEqualTo("denied");
            assertThat(Reports.text(lines.get(3), "error")).isEqualTo("denied");
            assertThat(server.count("/f/b.bin")).isZero();
            assertThat(server.count("/f/c.bin")).isZero();
        }
    }

    @Test
    void privateNetworksAreRefusedOnTheAddressConnectedTo() {
        try (TestServer server = TestServer.start()) {
            Workspace ws = new Workspace(dir);
            ws.drop(
                    "private.txt",
                    server.url("/f/a.bin?size=10") + "\n" + "http://localhost:" + server.port() + "/f/b.bin?size=10\n");

            assertThat(ws.once("--fetchbox.deny-private-networks=true")).isEqualTo(1);

            assertThat(ws.report("private"))
                    .allSatisfy(l -> assertThat(Reports.text(l, "error")).isEqualTo("denied"))
                    .allSatisfy(l -> assertThat(l.get("attempts").asInt()).isEqualTo(1));
            assertThat(server.requests()).isEmpty();
        }
    }

    @Test
    void aFileFetchedBeforeIsRevalidatedAndKeptWhenUnchanged() {
        try (TestServer server = TestServer.start()) {
            Workspace ws = new Workspace(dir);
            String list = server.url("/f/a.bin?size=1000&seed=1") + "\n"
                    + server.url("/f/n.bin?size=10&noetag=1&nolm=1") + "\n";
            ws.drop("again.txt", list);
            assertThat(ws.once()).isEqualTo(0);
            server.reset();
            ws.drop("again.txt", list);

            assertThat(ws.once()).isEqualTo(0);

            Map<Integer, JsonNode> lines = Reports.byLine(ws.report("again"));
            assertThat(Reports.text(lines.get(1), "outcome")).isEqualTo("not_modified");
            assertThat(lines.get(1).get("http_status").asInt()).isEqualTo(304);
            assertThat(lines.get(1).get("bytes").asLong()).isEqualTo(1000);
            assertThat(server.requests("/f/a.bin").get(0).header("if-none-match"))
                    .isNotNull();
            assertThat(server.requests("/f/a.bin").get(0).bodyBytes()).isZero();
            // without validators there is nothing to ask: fetched again
            assertThat(Reports.text(lines.get(2), "outcome")).isEqualTo("downloaded");
            assertThat(ws.outputFiles()).containsExactly("again/a.bin", "again/n.bin");
        }
    }

    private static long millis(long value) {
        return TimeUnit.MILLISECONDS.toNanos(value);
    }
}
