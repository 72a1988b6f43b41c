package io.fetchbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fetchbox.testing.Bodies;
import io.fetchbox.testing.TestServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retries (README, "Reliability"): which failures are tried again, how often, and how long fetchbox waits. */
class RetriesTest {
    @TempDir
    Path dir;

    @Test
    void retryableFailuresAreTriedAgainAndReportTheirAttempts() {
        try (TestServer server = TestServer.start()) {
            Workspace ws = new Workspace(dir);
            ws.drop(
                    "flaky.txt",
                    String.join(
                            "\n",
                            server.url("/flaky/a/2/503?size=100"),
                            server.url("/flaky/b/1/500?size=100"),
                            server.url("/reset/c/1?size=100"),
                            server.url("/truncate/d/1?size=100000"),
                            server.url("/flaky/e/9/502?size=100"),
                            server.url("/status/404"),
                            ""));

            assertThat(ws.once("--fetchbox.retry-delay=50ms", "--fetchbox.retries=3"))
                    .isEqualTo(1);

            Map<Integer, JsonNode> lines = Reports.byLine(ws.report("flaky"));
            assertThat(outcomeAndAttempts(lines.get(1))).isEqualTo("downloaded/3");
            assertThat(outcomeAndAttempts(lines.get(2))).isEqualTo("downloaded/2");
            assertThat(outcomeAndAttempts(lines.get(3))).isEqualTo("downloaded/2");
            assertThat(outcomeAndAttempts(lines.get(4))).isEqualTo("downloaded/2");
            assertThat(outcomeAndAttempts(lines.get(5))).isEqualTo("failed/4");
            assertThat(Reports.text(lines.get(5), "error")).isEqualTo("http_502");
            assertThat(outcomeAndAttempts(lines.get(6))).isEqualTo("failed/1");
            // what the report says is what the server saw: no hidden retries in the HTTP client
            assertThat(server.count("/flaky/a/")).isEqualTo(3);
            assertThat(server.count("/flaky/e/")).isEqualTo(4);
            assertThat(server.count("/status/404")).isEqualTo(1);
            assertThat(lines.get(4).get("sha256").asText()).isEqualTo(Bodies.sha256("d", 0, 100000));
        }
    }

    @Test
    void aTruncatedBodyIsResumedWithRangeGuardedByIfRange() {
        try (TestServer server = TestServer.start()) {
            Workspace ws = new Workspace(dir);
            ws.drop("cut.txt", server.url("/truncate/k/1?size=200000&seed=3") + "\n");

            assertThat(ws.once("--fetchbox.retry-delay=10ms")).isEqualTo(0);

            List<TestServer.Request> requests = server.requests("/truncate/k/");
            assertThat(requests).hasSize(2);
            assertThat(requests.get(1).header("range")).isEqualTo("bytes=100000-");
            assertThat(requests.get(1).header("if-range")).isNotNull();
            assertThat(requests.get(1).bodyBytes()).isEqualTo(100000);
            assertThat(Reports.text(ws.report("cut").get(0), "sha256")).isEqualTo(Bodies.sha256("k", 3, 200000));
            assertThat(ws.outputFiles()).containsExactly("cut/1");
        }
    }

    @Test
    void waitsGrowFromRetryDelay() {
        try (TestServer server = TestServer.start()) {
            Workspace ws = new Workspace(dir);
            ws.drop("backoff.txt", server.url("/flaky/w/3/503?size=10") + "\n");

            assertThat(ws.once("--fetchbox.retry-delay=200ms", "--fetchbox.retries=3"))
                    .isEqualTo(0);

            long[] gaps = gapsMillis(server.requests("/flaky/w/"));
            // waits are between half and all of 200, 400 and 800 ms (jitter), measured at the server
            assertThat(gaps[0]).isBetween(100L, 600L);
            assertThat(gaps[1]).isBetween(200L, 1000L);
            assertThat(gaps[2]).isBetween(400L, 1500L);
        }
    }

    @Test
    void retryAfterIsHonouredInSecondsAndAsADateUpToTheCap() {
        try (TestServer server = TestServer.start()) {
            Workspace ws = new Workspace(dir);
            ws.drop(
                    "later.txt",
                    server.url("/flaky/s/1/429?retry_after=1&size=10") + "\n"
                            + server.url("/flaky/d/1/503?retry_after=2&retry_after_date=1&size=10") + "\n"
                            + server.url("/flaky/c/1/503?retry_after=3600&size=10") + "\n");

            assertThat(ws.once("--fetchbox.retry-delay=10ms", "--fetchbox.retry-max-delay=1500ms"))
                    .isEqualTo(0);

            assertThat(gapsMillis(server.requests("/flaky/s/"))[0]).isBetween(950L, 1600L);
            // an HTTP date has one-second resolution: between 1 and 2 s ahead
            assertThat(gapsMillis(server.requests("/flaky/d/"))[0]).isBetween(900L, 1600L);
            // an hour, capped at retry-max-delay
            assertThat(gapsMillis(server.requests("/flaky/c/"))[0]).isBetween(1400L, 2200L);
        }
    }

    @Test
    void aStalledBodyTimesOut() {
        try (TestServer server = TestServer.start()) {
            Workspace ws = new Workspace(dir);
            ws.drop("stall.txt", server.url("/stall?size=100000") + "\n");

            assertThat(ws.once("--fetchbox.read-timeout=300ms", "--fetchbox.retries=1", "--fetchbox.retry-delay=10ms"))
                    .isEqualTo(1);

            JsonNode line = ws.report("stall").get(0);
            assertThat(outcomeAndAttempts(line)).isEqualTo("failed/2");
            assertThat(Reports.text(line, "error")).isEqualTo("timeout");
            assertThat(ws.outputFiles()).isEmpty();
        }
    }

    private static String outcomeAndAttempts(JsonNode line) {
        return Reports.text(line, "outcome") + "/" + line.get("attempts").asInt();
    }

    private static long[] gapsMillis(List<TestServer.Request> requests) {
        long[] gaps = new long[requests.size() - 1];
        for (int i = 1; i < requests.size(); i++) {
            gaps[i - 1] = TimeUnit.NANOSECONDS.toMillis(
                    requests.get(i).startNanos() - requests.get(i - 1).startNanos());
        }
        return gaps;
    }
}
