package io.fetchbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.fetchbox.testing.KeepAliveServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Idle connections never cost an attempt (README, "Reliability"): a pooled connection the server
 * closed while it sat idle is not used, and a request that fails on a reused connection before any
 * byte of answer is sent once more on a fresh connection, uncounted. A failure on a fresh
 * connection counts as ever.
 */
class IdleConnectionsTest {
    private static final int LISTS = 5;

    @TempDir
    Path dir;

    @Test
    void aConnectionTheServerClosedWhileIdleIsNotUsed() throws Exception {
        Workspace ws = new Workspace(dir);
        try (KeepAliveServer server = KeepAliveServer.start(Duration.ofMillis(400));
                ServiceRun service = new ServiceRun(ws.args("--fetchbox.retries=0", "--fetchbox.per-host=1"))) {
            for (int i = 0; i < LISTS; i++) {
                String batch = "list" + i;
                ws.drop(batch + ".txt", server.url("/idle/" + i + ".bin?size=1000") + "\n");
                await().atMost(Duration.ofSeconds(20)).until(() -> ws.hasSummary(batch));
                // the connection this download left idle in the pool is closed: the server closed it
                await().atMost(Duration.ofSeconds(5)).until(() -> server.openConnections() == 0);
            }
            StringBuilder seen = new StringBuilder();
            for (int i = 0; i < LISTS; i++) {
                seen.append(outcomeAndAttempts(ws.report("list" + i).get(0))).append(' ');
            }
            assertThat(seen.toString().trim())
                    .as(
                            "server saw %d requests, closed %d idle connections",
                            server.requests("/idle/"), server.idleCloses())
                    .isEqualTo(String.join(" ", java.util.Collections.nCopies(LISTS, "downloaded/1")));
            assertThat(server.requests("/idle/")).isEqualTo(LISTS);
            assertThat(server.idleCloses()).isEqualTo(LISTS);
        }
    }

    @Test
    void aRequestLostOnAReusedConnectionIsSentOnceMoreOnAFreshOneUncounted() {
        try (KeepAliveServer server =
                KeepAliveServer.start(Duration.ofSeconds(10)).dropRequestsOnReusedConnections()) {
            Workspace ws = new Workspace(dir);
            StringBuilder list = new StringBuilder();
            for (int i = 0; i < 4; i++) {
                list.append(server.url("/race/" + i + ".bin?size=1000")).append('\n');
            }
            ws.drop("race.txt", list.toString());

            ws.once("--fetchbox.retries=0", "--fetchbox.per-host=1", "--fetchbox.concurrency=1");

            Map<Integer, JsonNode> lines = Reports.byLine(ws.report("race"));
            StringBuilder seen = new StringBuilder();
            for (int i = 1; i <= 4; i++) {
                seen.append(outcomeAndAttempts(lines.get(i))).append(' ');
            }
            assertThat(seen.toString().trim())
                    .as("server answered %d, dropped %d", server.answered(), server.dropped())
                    .isEqualTo("downloaded/1 downloaded/1 downloaded/1 downloaded/1");
            // each URL after the first was lost once on a reused connection and answered on a new one
            assertThat(server.answered()).isEqualTo(4);
            assertThat(server.dropped()).isEqualTo(3);
            assertThat(server.connections()).isEqualTo(4);
        }
    }

    @Test
    void aFailureOnAFreshConnectionCountsAndIsNotSentAgainWithoutRetries() {
        try (KeepAliveServer server = KeepAliveServer.start(Duration.ofSeconds(10))) {
            Workspace ws = new Workspace(dir);
            ws.drop("fresh.txt", server.url("/fail/f/1?size=100") + "\n");

            assertThat(ws.once("--fetchbox.retries=0")).isEqualTo(1);

            JsonNode line = ws.report("fresh").get(0);
            assertThat(outcomeAndAttempts(line)).isEqualTo("failed/1");
            assertThat(Reports.text(line, "error")).isEqualTo("reset");
            assertThat(server.requests("/fail/f/")).isEqualTo(1);
        }
    }

    @Test
    void aFailureOnAFreshConnectionIsRetriedPerPolicyAndCounted() {
        try (KeepAliveServer server = KeepAliveServer.start(Duration.ofSeconds(10))) {
            Workspace ws = new Workspace(dir);
            ws.drop("fresh.txt", server.url("/fail/g/1?size=100") + "\n");

            assertThat(ws.once("--fetchbox.retries=1", "--fetchbox.retry-delay=10ms"))
                    .isEqualTo(0);

            assertThat(outcomeAndAttempts(ws.report("fresh").get(0))).isEqualTo("downloaded/2");
            assertThat(server.requests("/fail/g/")).isEqualTo(2);
        }
    }

    private static String outcomeAndAttempts(JsonNode line) {
        return Reports.text(line, "outcome") + "/" + line.get("attempts").asInt();
    }
}
