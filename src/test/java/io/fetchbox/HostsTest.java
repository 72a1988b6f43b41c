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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Politeness and policy per host: pauses on Retry-After, request rate, allow/deny lists, private networks. */
class HostsTest {
    @TempDir
    Path dir;

    /**
     * End to end, in order and counts; the pause's exact length and that it holds every item of the host until
     * the clock passes it are HostSchedulerTest's, on a fake clock. One slot for the paused host, so that the
     * 429 is the only request to it that can be on its way when the pause begins: its slot is given back only
     * after the pause is set.
     */
    @Test
    void a429WithRetryAfterPausesTheWholeHostWhileOthersGoOn() {
        try (TestServer paused = TestServer.start();
                TestServer other = TestServer.start()) {
            Workspace ws = new Workspace(dir);
            StringBuilder list = new StringBuilder();
            for (int i = 0; i < 6; i++) {
                list.append(paused.url("/pause-host/p/2/n" + i + "?size=10")).append('\n');
                list.append(other.url("/f/o" + i + ".bin?size=10&seed=" + i + "&delay_ms=50"))
                        .append('\n');
            }
            ws.drop("polite.txt", list.toString());

            assertThat(ws.once("--fetchbox.per-host=1", "--fetchbox.retry-delay=10ms"))
                    .isEqualTo(0);

            List<TestServer.Request> requests = paused.requests("/pause-host/");
            // six lines, one of them tried twice: no more, no fewer
            assertThat(requests).hasSize(7);
            assertThat(requests)
                    .extracting(TestServer.Request::status)
                    .containsExactly(429, 200, 200, 200, 200, 200, 200);
            long answered429 = requests.get(0).respondedNanos();
            // every later request to the host, the retried line and the five others, waited for the pause: a
            // lower bound, which a slow machine cannot break (the pause runs from when fetchbox read the 429)
            assertThat(requests.subList(1, requests.size()))
                    .allSatisfy(r -> assertThat(r.startNanos() - answered429).isGreaterThanOrEqualTo(millis(2000)));
            // the other host was served meanwhile: all of it before the paused host's next request
            long resumed = requests.get(1).startNanos();
            List<TestServer.Request> others = other.requests("/f/");
            assertThat(others).hasSize(6);
            assertThat(others).allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
            assertThat(others.stream().filter(r -> r.startNanos() > answered429))
                    .as("requests to the other host started during the pause")
                    .isNotEmpty();
            long lastAnswer = others.stream()
                    .mapToLong(TestServer.Request::respondedNanos)
                    .max()
                    .orElseThrow();
            System.out.printf(
                    "HostsTest: the other host answered its last %d ms before the paused host's next request%n",
                    (resumed - lastAnswer) / 1_000_000);
            assertThat(others)
                    .allSatisfy(r -> assertThat(r.respondedNanos()).isPositive().isLessThan(resumed));
            Map<Integer, JsonNode> lines = Reports.byLine(ws.report("polite"));
            assertThat(lines.values()).hasSize(12).allSatisfy(l -> assertThat(Reports.text(l, "outcome"))
                    .isEqualTo("downloaded"));
        }
    }

    /**
     * End to end, in order and counts; one start every 200 ms exactly is HostSchedulerTest's, on a fake clock.
     * Seen from the server, a start may come late but never early: the k-th request cannot reach the server
     * before (k - 1) intervals after the run began, a lower bound no slow machine can break.
     */
    @Test
    void perHostRateSpacesRequestsToOneHost() {
        try (TestServer server = TestServer.start()) {
            Workspace ws = new Workspace(dir);
            StringBuilder list = new StringBuilder();
            for (int i = 0; i < 6; i++) {
                list.append(server.url("/f/r" + i + ".bin?size=10&seed=" + i)).append('\n');
            }
            ws.drop("rate.txt", list.toString());

            long began = System.nanoTime();
            assertThat(ws.once("--fetchbox.per-host-rate=5")).isEqualTo(0);

            List<TestServer.Request> requests = server.requests("/f/");
            assertThat(requests).hasSize(6);
            for (int k = 1; k < requests.size(); k++) {
                assertThat(requests.get(k).startNanos() - began)
                        .as("request %d from the start of the run", k + 1)
                        .isGreaterThanOrEqualTo(millis(200L * k));
            }
            assertThat(ws.report("rate")).hasSize(6);
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
