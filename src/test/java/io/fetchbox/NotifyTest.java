package io.fetchbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fetchbox.testing.HookReceiver;
import io.fetchbox.testing.HookReceiver.Received;
import io.fetchbox.testing.LogCapture;
import io.fetchbox.testing.TestServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * fetchbox.notify (README, "Operating fetchbox"): each finished batch's summary, exactly as written to
 * reports/, goes to every endpoint, with retries, without ever holding up or failing the batch.
 */
class NotifyTest {
    /** Retries 20 ms, 40 ms, 80 ms apart instead of 1 s, 2 s, 4 s. */
    private static final Map<String, String> QUICK_RETRIES = Map.of("internal.notify-retry-delay", "20");

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    @Test
    void aWebhookIsPostedTheSummaryAsWrittenWithTheBatchNameAndJsonContentType() throws Exception {
        Workspace ws = new Workspace(dir);
        try (TestServer server = TestServer.start();
                HookReceiver hook = HookReceiver.ok();
                LogCapture log = new LogCapture();
                ServiceRun service = new ServiceRun(ws.args("--fetchbox.notify=" + hook.url("/hook")), QUICK_RETRIES)) {
            ws.drop("pics.txt", server.url("/f/a.bin?size=10") + "\n" + server.url("/f/b.bin?size=10") + "\n");

            await().atMost(WAIT).until(() -> hook.received().size() == 1);
            Received post = hook.received().get(0);
            assertThat(post.method()).isEqualTo("POST");
            assertThat(post.path()).isEqualTo("/hook");
            assertThat(post.contentType()).startsWith("application/json");
            assertThat(post.batchHeader()).isEqualTo("pics");
            assertThat(post.body()).isEqualTo(Files.readAllBytes(ws.reports.resolve("pics.summary.json")));
            await().atMost(WAIT)
                    .until(() -> log.linesContaining("pics: summary sent to " + hook.url("/hook"))
                                    .size()
                            == 1);
        }
    }

    /**
     * A notify endpoint is the operator's own configuration: the download host policy does not apply to it. The
     * batch ends with a failed download, whose handling does not leak into the notice's (it is still retried).
     */
    @Test
    void aWebhookOnLoopbackIsPostedToWhileDownloadsMayNotReachLoopback() throws Exception {
        Workspace ws = new Workspace(dir);
        try (TestServer server = TestServer.start();
                HookReceiver hook = HookReceiver.answering(List.of(503), 200);
                ServiceRun service = new ServiceRun(
                        ws.args("--fetchbox.notify=" + hook.url("/hook"), "--fetchbox.deny-private-networks=true"),
                        QUICK_RETRIES)) {
            ws.drop("local.txt", server.url("/f/a.bin?size=10") + "\n");

            await().atMost(WAIT).until(() -> hook.received().size() == 2);
            assertThat(Reports.text(ws.report("local").get(0), "outcome")).isNotEqualTo("downloaded");
            assertThat(server.count("/f/")).isZero();
            assertThat(hook.received().get(1).body())
                    .isEqualTo(Files.readAllBytes(ws.reports.resolve("local.summary.json")));
        }
    }

    @Test
    void aWebhookThatFailsTwiceIsSentTheSummaryAgainAndTheBatchIsUnaffected() throws Exception {
        Workspace ws = new Workspace(dir);
        try (TestServer server = TestServer.start();
                HookReceiver hook = HookReceiver.answering(List.of(503, 503), 200);
                LogCapture log = new LogCapture();
                ServiceRun service = new ServiceRun(ws.args("--fetchbox.notify=" + hook.url("/hook")), QUICK_RETRIES)) {
            ws.drop("pics.txt", server.url("/f/a.bin?size=10") + "\n");

            await().atMost(WAIT)
                    .until(() -> log.linesContaining("pics: summary sent to " + hook.url("/hook") + " (attempt 3)")
                                    .size()
                            == 1);
            byte[] summary = Files.readAllBytes(ws.reports.resolve("pics.summary.json"));
            assertThat(hook.received()).hasSize(3).allSatisfy(post -> assertThat(post.body())
                    .isEqualTo(summary));
            assertThat(log.linesContaining("summary not sent")).isEmpty();
            assertThat(ws.inbox.resolve(".done/pics.txt")).exists();
            assertThat(Reports.text(ws.report("pics").get(0), "outcome")).isEqualTo("downloaded");
            assertThat(ws.summary("pics").get("outcomes").get("downloaded").asInt())
                    .isEqualTo(1);
        }
    }

    @Test
    void endpointsThatAlwaysFailAreGivenUpWithOneWarningEachAndTheOthersStillGetTheirCopy() throws Exception {
        Workspace ws = new Workspace(dir);
        Path notices = dir.resolve("notices");
        String refused =
                "http://127.0.0.1:" + closedPort() + "/hook?authMethod=Basic&authUsername=hook&authPassword=s3cret";
        try (TestServer server = TestServer.start();
                HookReceiver failing = HookReceiver.answering(List.of(), 503);
                LogCapture log = new LogCapture();
                ServiceRun service = new ServiceRun(
                        ws.args("--fetchbox.notify=" + refused + "," + failing.url("/hook") + ",file:" + notices),
                        QUICK_RETRIES)) {
            ws.drop("pics.txt", server.url("/f/a.bin?size=10") + "\n");

            await().atMost(WAIT)
                    .until(() -> log.linesContaining("summary not sent").size() == 2);
            await().atMost(WAIT).until(() -> Files.exists(notices.resolve("pics.summary.json")));
            byte[] summary = Files.readAllBytes(ws.reports.resolve("pics.summary.json"));
            assertThat(notices.resolve("pics.summary.json")).hasBinaryContent(summary);
            assertThat(ws.inbox.resolve(".done/pics.txt")).exists();
            assertThat(ws.inbox.resolve(".inprogress/pics.txt")).doesNotExist();
            assertThat(failing.received()).hasSize(4);

            String hidden = refused.replace("=hook&", "=***&").replace("=s3cret", "=***");
            assertThat(log.linesContaining("pics: summary not sent to " + hidden + " after 4 attempts: "))
                    .singleElement()
                    .asString()
                    .contains("WARN", "Connection refused");
            assertThat(log.linesContaining(
                            "pics: summary not sent to " + failing.url("/hook") + " after 4 attempts: HTTP 503"))
                    .singleElement()
                    .asString()
                    .contains("WARN");
            assertThat(log.linesContaining("pics: summary sent to file:" + notices))
                    .hasSize(1);
            assertThat(log.lines()).noneMatch(line -> line.contains("s3cret") || line.startsWith("\tat "));
        }
    }

    @Test
    void aFileEndpointWritesOneFilePerBatch() throws Exception {
        Workspace ws = new Workspace(dir);
        Path notices = dir.resolve("notices");
        Path named = dir.resolve("named");
        try (TestServer server = TestServer.start();
                ServiceRun service = new ServiceRun(
                        ws.args("--fetchbox.notify=file:" + notices + ",file:" + named
                                + "?fileName=${header.fetchboxBatch}.json"),
                        QUICK_RETRIES)) {
            ws.drop("one.txt", server.url("/f/a.bin?size=10") + "\n");
            ws.drop("two.txt", server.url("/f/b.bin?size=10") + "\n");

            await().atMost(WAIT)
                    .until(() -> Files.exists(notices.resolve("one.summary.json"))
                            && Files.exists(notices.resolve("two.summary.json"))
                            && Files.exists(named.resolve("one.json"))
                            && Files.exists(named.resolve("two.json")));
            for (String batch : List.of("one", "two")) {
                byte[] summary = Files.readAllBytes(ws.reports.resolve(batch + ".summary.json"));
                assertThat(notices.resolve(batch + ".summary.json")).hasBinaryContent(summary);
                assertThat(named.resolve(batch + ".json")).hasBinaryContent(summary);
            }
            try (var files = Files.list(notices)) {
                assertThat(files).hasSize(2);
            }
        }
    }

    /** --once exits only after the summary is sent: here after one retry, 1 s later (the default delay). */
    @Test
    void aOneShotRunEndsOnlyOnceItsSummaryIsSent() throws IOException {
        Workspace ws = new Workspace(dir);
        try (TestServer server = TestServer.start();
                HookReceiver hook = HookReceiver.answering(List.of(503), 200)) {
            ws.drop("pics.txt", server.url("/f/a.bin?size=10") + "\n");

            assertThat(ws.once("--fetchbox.notify=" + hook.url("/hook"))).isZero();

            assertThat(hook.received()).hasSize(2);
            assertThat(hook.received().get(1).body())
                    .isEqualTo(Files.readAllBytes(ws.reports.resolve("pics.summary.json")));
        }
    }

    @Test
    void anEndpointCamelCannotUseStopsTheStart() {
        Workspace ws = new Workspace(dir);

        assertThat(ws.once("--fetchbox.notify=nosuch:thing")).isEqualTo(2);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
