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

    /**
     * The exact waits (200, 400, 800 ms with jitter down to half) are {@code RetryPolicyTest}'s, on numbers;
     * here, end to end: the attempts the server saw, each after the previous one's answer, and each wait at
     * least the least the back-off allows.
     */
    @Test
    void waitsGrowFromRetryDelay() {
        try (TestServer server = TestServer.start()) {
            Workspace ws = new Workspace(dir);
            ws.drop("backoff.txt", server.url("/flaky/w/3/503?size=10") + "\n");

            assertThat(ws.once("--fetchbox.retry-delay=200ms", "--fetchbox.retries=3"))
                    .isEqualTo(0);

            List<TestServer.Request> attempts = server.requests("/flaky/w/");
            assertThat(attempts).extracting(TestServer.Request::status).containsExactly(503, 503, 503, 200);
            // lower bounds only (a slow machine makes waits longer, never shorter): half of 200, 400 and 800 ms,
            // from the moment each 503 was about to be sent; attempt 3's 400 ms exceeds anything attempt 1 may wait
            long[] waits = waitsMillis(attempts);
            assertThat(waits[0]).isGreaterThanOrEqualTo(100L);
            assertThat(waits[1]).isGreaterThanOrEqualTo(200L);
            assertThat(waits[2]).isGreaterThanOrEqualTo(400L);
        }
    }

    /**
     * The numbers (seconds, an HTTP date, the cap) are {@code RetryPolicyTest}'s; here, end to end: one retry
     * each, after the answer that asked for the wait, and not sooner than asked.
     */
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

            List<TestServer.Request> seconds = server.requests("/flaky/s/");
            List<TestServer.Request> date = server.requests("/flaky/d/");
            List<TestServer.Request> capped = server.requests("/flaky/c/");
            assertThat(seconds).extracting(TestServer.Request::status).containsExactly(429, 200);
            assertThat(date).extracting(TestServer.Request::status).containsExactly(503, 200);
            assertThat(capped).extracting(TestServer.Request::status).containsExactly(503, 200);
            // lower bounds only, which a slow machine cannot break; without Retry-After the wait would be 5-10 ms.
            // Retry-After: 1 is 1000 ms from when fetchbox read the 429, which was after the server sent it
            assertThat(waitsMillis(seconds)[0]).isGreaterThanOrEqualTo(1000L);
            // an HTTP date (rounded up to the second) 2 s after the server wrote it: the retry waits until that
            // date or for the 1500 ms cap from when fetchbox read the 503, both after the first request arrived
            waitsMillis(date);
            assertThat(TimeUnit.NANOSECONDS.toMillis(
                            date.get(1).startNanos() - date.get(0).startNanos()))
                    .isGreaterThanOrEqualTo(1000L);
            // an hour, capped at retry-max-delay: that it is not an hour is the test's own time-out
            assertThat(waitsMillis(capped)[0]).isGreaterThanOrEqualTo(1500L);
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

    /**
     * For each attempt after the first, the time from the previous attempt's response leaving the server to
     * this attempt reaching it; negative would mean a retry before the failure it retries, so not negative
     * is checked here as the order.
     */
    private static long[] waitsMillis(List<TestServer.Request> attempts) {
        long[] waits = new long[attempts.size() - 1];
        for (int i = 1; i < attempts.size(); i++) {
            long responded = attempts.get(i - 1).respondedNanos();
            assertThat(responded).as("attempt %d answered", i).isPositive();
            assertThat(attempts.get(i).startNanos())
                    .as("attempt %d reached the server after attempt %d was answered", i + 1, i)
                    .isGreaterThanOrEqualTo(responded);
            waits[i - 1] = TimeUnit.NANOSECONDS.toMillis(attempts.get(i).startNanos() - responded);
        }
        return waits;
    }
}
