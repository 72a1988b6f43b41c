package io.fetchbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.fetchbox.testing.EmbeddedBroker;
import io.fetchbox.testing.LogCapture;
import io.fetchbox.testing.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One node in cluster mode, in this JVM, against an Artemis broker in this JVM: it leads, feeds its
 * downloads through the broker's fetch queue, takes them back off it, and records their outcomes from
 * the broker's outcome queue (README, "Running a cluster"). Several nodes are {@code it/ClusterIT}'s.
 */
class ClusterModeTest {
    @TempDir
    Path dir;

    @Test
    void aLoneNodeLeadsAndRunsABatchThroughTheBroker() throws Exception {
        Workspace ws = new Workspace(dir.resolve("node"));
        try (EmbeddedBroker broker = EmbeddedBroker.start(dir.resolve("broker"));
                TestServer server = TestServer.start();
                ServiceRun service =
                        new ServiceRun(ws.args("--fetchbox.broker-url=" + broker.url(), "--fetchbox.node-id=node-1"))) {
            StringBuilder list = new StringBuilder();
            for (int i = 0; i < 20; i++) {
                list.append(server.url("/f/a" + i + ".bin?size=300&seed=" + i)).append('\n');
            }
            list.append("not a url\n");

            ws.drop("pics.txt", list.toString());

            await().atMost(Duration.ofSeconds(60)).until(() -> ws.hasSummary("pics"));
            List<JsonNode> report = ws.report("pics");
            assertThat(report).hasSize(21);
            assertThat(report.stream().filter(r -> r.path("outcome").asText().equals("downloaded")))
                    .hasSize(20)
                    .allSatisfy(r -> assertThat(r.path("node").asText()).isEqualTo("node-1"));
            assertThat(ws.outputFiles()).hasSize(20);
            assertThat(broker.messageCount("fetchbox.fetch")).isZero();
            assertThat(broker.messageCount("fetchbox.outcomes")).isZero();
        }
    }

    @Test
    void itListsItselfAsTheLeaderAndIsReadyOnlyWhileTheBrokerIsThere() throws Exception {
        Workspace ws = new Workspace(dir.resolve("node"));
        int port = WebClient.freePort();
        try (EmbeddedBroker broker = EmbeddedBroker.start(dir.resolve("broker"));
                ServiceRun service = new ServiceRun(ws.args(
                        "--fetchbox.broker-url=" + broker.url(),
                        "--fetchbox.node-id=node-1",
                        "--fetchbox.http-port=" + port))) {
            WebClient http = new WebClient(port);

            await().atMost(Duration.ofSeconds(20)).until(() -> "node-1"
                    .equals(http.json("/api/nodes").path("leader").asText()));
            JsonNode self = http.json("/api/nodes").path("nodes").get(0);
            assertThat(self.path("id").asText()).isEqualTo("node-1");
            assertThat(self.path("role").asText()).isEqualTo("leader");
            assertThat(self.has("last_seen") && self.has("in_flight") && self.has("done"))
                    .isTrue();
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> http.get("/observe/health/ready").statusCode() == 200);
            assertThat(http.get("/observe/metrics").body())
                    .contains("fetchbox_cluster_nodes 1.0")
                    .contains("fetchbox_leader 1.0");

            broker.stop();
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> http.get("/observe/health/ready").statusCode() == 503);
            assertThat(http.get("/observe/health/ready").body()).contains("the broker cannot be reached");

            broker.restart();
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> http.get("/observe/health/ready").statusCode() == 200);
        }
    }

    @Test
    void aNodeStartedBeforeItsBrokerKeepsTryingIsNotReadyAndThenWorks() throws Exception {
        Workspace ws = new Workspace(dir.resolve("node"));
        int port = WebClient.freePort();
        try (EmbeddedBroker broker = EmbeddedBroker.notStarted(dir.resolve("broker"));
                TestServer server = TestServer.start();
                LogCapture log = new LogCapture();
                ServiceRun service = new ServiceRun(ws.args(
                        "--fetchbox.broker-url=" + broker.url(),
                        "--fetchbox.node-id=node-1",
                        "--fetchbox.http-port=" + port))) {
            WebClient http = new WebClient(port);
            assertThat(http.get("/observe/health/ready").statusCode()).isEqualTo(503);
            assertThat(http.get("/observe/health/ready").body()).contains("the broker cannot be reached");
            // it says so, and keeps trying
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> !log.linesContaining("fetchbox.fetch").isEmpty());

            broker.restart();
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> http.get("/observe/health/ready").statusCode() == 200);
            ws.drop("late.txt", server.url("/f/a.bin?size=100&seed=1") + "\n");
            await().atMost(Duration.ofSeconds(60)).until(() -> ws.hasSummary("late"));
            assertThat(ws.report("late"))
                    .singleElement()
                    .satisfies(r -> assertThat(r.path("outcome").asText()).isEqualTo("downloaded"));
        }
    }
}
