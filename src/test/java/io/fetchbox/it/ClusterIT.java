package io.fetchbox.it;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fetchbox.testing.Bodies;
import io.fetchbox.testing.EmbeddedBroker;
import io.fetchbox.testing.TestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cluster mode end to end (README, "Running a cluster"): an Artemis broker in this JVM, three fetchbox
 * JVMs (the built jar) on one shared set of folders, and several slow local hosts (test servers on
 * their own ports). Every line is reported exactly once, every file is whole, the work is spread over
 * the nodes, and no host ever sees more than fetchbox.per-host requests at once from the cluster.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class ClusterIT {
    private static final int HOSTS = 6;
    private static final int PER_HOST = 4;
    private static final Duration READY = Duration.ofSeconds(60);
    private static final Duration BATCH = Duration.ofSeconds(150);

    @TempDir
    Path dir;

    private Folders folders;
    private EmbeddedBroker broker;
    private final List<TestServer> hosts = new ArrayList<>();
    private final List<FetchboxProcess> nodes = new ArrayList<>();
    private final Map<String, Integer> httpPorts = new HashMap<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeEach
    void start() {
        folders = new Folders(dir.resolve("shared"));
        broker = EmbeddedBroker.start(dir.resolve("broker"));
        for (int i = 0; i < HOSTS; i++) {
            hosts.add(TestServer.start());
        }
    }

    @AfterEach
    void stop() {
        nodes.forEach(FetchboxProcess::close);
        hosts.forEach(TestServer::close);
        broker.close();
    }

    @Test
    void threeNodesShareABatchEveryLineOnceEveryFileWholeAndNoHostAskedBeyondItsCap() throws Exception {
        startNodes();
        List<Item> list = list(600);

        long start = System.nanoTime();
        folders.drop("spread.txt", text(list));

        // a follower's API shows the batch the leader runs, from the shared reports folder
        FetchboxProcess follower =
                nodes.stream().filter(n -> !leads(n)).findFirst().orElseThrow();
        JsonNode shown = await().atMost(BATCH)
                .until(
                        () -> api(follower, "/api/batches/spread"),
                        b -> b != null
                                && b.path("state").asText().equals("running")
                                && b.path("lines").asLong() > 0);
        awaitSummary("spread");
        System.out.printf(
                "ClusterIT: 600 lines over 3 nodes in %d ms%n",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        SoftAssertions soft = new SoftAssertions();
        Map<Integer, JsonNode> report = checkComplete(soft, "spread", list);
        Map<String, Long> byNode = report.values().stream()
                .collect(Collectors.groupingBy(r -> r.path("node").asText(), Collectors.counting()));
        System.out.println("ClusterIT: lines fetched per node " + byNode);
        soft.assertThat(shown.path("total").asLong())
                .as("total on a follower's page")
                .isEqualTo(600);
        soft.assertThat(byNode.keySet())
                .as("nodes that fetched lines: %s", byNode)
                .containsExactlyInAnyOrder("node-a", "node-b", "node-c");
        for (TestServer host : hosts) {
            soft.assertThat(host.maxConcurrent("/f/"))
                    .as("requests at once to 127.0.0.1:%d from the whole cluster", host.port())
                    .isLessThanOrEqualTo(PER_HOST);
        }
        soft.assertAll();
    }

    @Test
    void aWorkerKilledMidBatchLosesNothingItsDownloadsGoToTheOthers() throws Exception {
        startNodes();
        List<Item> list = list(300, 150);
        folders.drop("worker.txt", text(list));
        awaitReported("worker", 60);

        FetchboxProcess worker =
                nodes.stream().filter(n -> !leads(n)).findFirst().orElseThrow();
        worker.kill();

        awaitSummary("worker");
        SoftAssertions soft = new SoftAssertions();
        Map<Integer, JsonNode> report = checkComplete(soft, "worker", list);
        long again = requestedMoreThanOnce(list);
        System.out.printf(
                "ClusterIT worker kill: %d lines by the killed node before the kill, %d URLs requested again%n",
                report.values().stream()
                        .filter(r -> worker.workDir()
                                .getFileName()
                                .toString()
                                .equals(r.path("node").asText()))
                        .count(),
                again);
        soft.assertAll();
    }

    @Test
    void theLeaderKilledMidBatchIsReplacedWithinTenSecondsAndTheBatchCompletesOnce() throws Exception {
        startNodes();
        List<Item> list = list(300, 150);
        folders.drop("leader.txt", text(list));
        awaitReported("leader", 60);

        FetchboxProcess leader = nodes.stream().filter(this::leads).findFirst().orElseThrow();
        long killed = System.nanoTime();
        leader.kill();
        // README, "Running a cluster": a new leader within 10 s
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> nodes.stream().anyMatch(n -> n != leader && leads(n)));
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killed);

        awaitSummary("leader");
        SoftAssertions soft = new SoftAssertions();
        checkComplete(soft, "leader", list);
        System.out.printf(
                "ClusterIT leader kill: a new leader %d ms after the kill; %d URLs requested again%n",
                tookMillis, requestedMoreThanOnce(list));
        soft.assertAll();
    }

    @Test
    void theBrokerRestartedMidBatchLosesNothing() throws Exception {
        startNodes();
        List<Item> list = list(300, 150);
        folders.drop("broker.txt", text(list));
        awaitReported("broker", 60);

        broker.restart();

        awaitSummary("broker");
        SoftAssertions soft = new SoftAssertions();
        checkComplete(soft, "broker", list);
        System.out.printf("ClusterIT broker restart: %d URLs requested again%n", requestedMoreThanOnce(list));
        soft.assertAll();
    }

    @Test
    void aRetryAfterSeenByOneNodeSilencesTheHostForEveryNode() throws Exception {
        startNodes();
        TestServer paused = hosts.get(0);
        List<Item> list = new ArrayList<>();
        for (int i = 1; i <= 60; i++) {
            String name = String.format("p%03d.bin", i);
            list.add(new Item(
                    i,
                    name,
                    500 + i,
                    i,
                    paused,
                    "/pause-host/k/3/" + name + "?size=" + (500 + i) + "&seed=" + i + "&delay_ms=100"));
        }
        folders.drop("pause.txt", text(list));

        awaitSummary("pause");
        SoftAssertions soft = new SoftAssertions();
        checkComplete(soft, "pause", list);
        List<TestServer.Request> requests = paused.requests("/pause-host/k/");
        List<TestServer.Request> answered429 =
                requests.stream().filter(r -> r.status() == 429).toList();
        soft.assertThat(answered429).as("requests answered 429").hasSize(1);
        long pausedAt = answered429.get(0).respondedNanos();
        // requests already on their way when the pause was seen may arrive; none starts later in the pause
        long settled = pausedAt + TimeUnit.SECONDS.toNanos(1);
        long pauseEnds = pausedAt + TimeUnit.SECONDS.toNanos(3);
        soft.assertThat(requests.stream()
                        .filter(r -> r.startNanos() > settled && r.startNanos() < pauseEnds)
                        .map(TestServer.Request::path)
                        .toList())
                .as("requests to the paused host between 1 s and 3 s after its 429, from any node")
                .isEmpty();
        soft.assertThat(requests.stream()
                        .filter(r -> r.startNanos() >= pauseEnds)
                        .count())
                .as("requests once the pause was over")
                .isPositive();
        soft.assertAll();
    }

    private record Item(int line, String name, long size, long seed, TestServer host, String path) {
        String url() {
            return host.url(path);
        }
    }

    /** {@code count} URLs over the hosts in turn, each answering after 30 ms, a few KiB each. */
    private List<Item> list(int count) {
        return list(count, 30);
    }

    /** {@code count} URLs over the hosts in turn, each answering after {@code delayMillis}, a few KiB each. */
    private List<Item> list(int count, int delayMillis) {
        List<Item> items = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            TestServer host = hosts.get(i % HOSTS);
            String name = String.format("f%04d.bin", i);
            long size = 1000 + 37L * i;
            items.add(new Item(
                    i,
                    name,
                    size,
                    i,
                    host,
                    "/f/" + name + "?size=" + size + "&seed=" + i + "&delay_ms=" + delayMillis));
        }
        return items;
    }

    private static String text(List<Item> items) {
        return items.stream().map(i -> i.url() + "\n").collect(Collectors.joining());
    }

    private void startNodes() {
        for (String id : List.of("node-a", "node-b", "node-c")) {
            startNode(id);
        }
        awaitLeader();
    }

    private boolean leads(FetchboxProcess node) {
        String log = node.log();
        return node.isAlive() && log.contains("this node is now the leader");
    }

    /** Waits until the batch's journal has {@code lines} lines: the batch is well under way. */
    private void awaitReported(String batch, int lines) {
        Waits.until(
                nodes.get(0),
                hosts.get(0),
                BATCH,
                batch + ": " + lines + " lines reported",
                () -> folders.report(batch).size() >= lines);
    }

    /** URLs of the list the hosts were asked for more than once (downloads redone after a failure). */
    private long requestedMoreThanOnce(List<Item> list) {
        return list.stream().filter(i -> i.host().count(i.path()) > 1).count();
    }

    private FetchboxProcess startNode(String id) {
        FetchboxProcess node = FetchboxProcess.in(dir.resolve(id))
                .start(
                        "--fetchbox.inbox=" + folders.inbox,
                        "--fetchbox.output=" + folders.output,
                        "--fetchbox.reports=" + folders.reports,
                        "--fetchbox.broker-url=" + broker.url(),
                        "--fetchbox.node-id=" + id,
                        "--fetchbox.per-host=" + PER_HOST,
                        "--fetchbox.concurrency=4",
                        "--fetchbox.http-port=" + freePort(id),
                        "--fetchbox.inbox-settle=50ms");
        nodes.add(node);
        Waits.until(node, hosts.get(0), READY, id + " ready", () -> node.log().contains("fetchbox ready"));
        return node;
    }

    private int freePort(String node) {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            httpPorts.put(node, socket.getLocalPort());
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A GET of the node's API, or null while it does not answer 200. */
    private JsonNode api(FetchboxProcess node, String path) throws IOException, InterruptedException {
        int port = httpPorts.get(node.workDir().getFileName().toString());
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .timeout(Duration.ofSeconds(5))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
    }

    private void awaitLeader() {
        Waits.until(nodes.get(0), hosts.get(0), READY, "a leader", () -> nodes.stream()
                .anyMatch(n -> n.log().contains("is now the leader")));
    }

    private void awaitSummary(String batch) {
        Waits.until(
                nodes.stream().filter(FetchboxProcess::isAlive).findFirst().orElseThrow(),
                hosts.get(0),
                BATCH,
                batch + ".summary.json\n" + logs(),
                () -> Files.exists(folders.reports.resolve(batch + ".summary.json")));
    }

    private String logs() {
        return nodes.stream().map(FetchboxProcess::describe).collect(Collectors.joining("\n"));
    }

    /** Every line reported exactly once and downloaded, every file whole under its name; the report by line. */
    private Map<Integer, JsonNode> checkComplete(SoftAssertions soft, String batch, List<Item> list) throws Exception {
        List<JsonNode> lines = folders.report(batch);
        soft.assertThat(lines.stream().map(r -> r.path("line").asInt()).sorted().toList())
                .as("every line of %s exactly once", batch)
                .containsExactlyElementsOf(
                        IntStream.rangeClosed(1, list.size()).boxed().toList());
        Map<Integer, JsonNode> byLine =
                lines.stream().collect(Collectors.toMap(r -> r.path("line").asInt(), r -> r, (a, b) -> a));
        for (Item item : list) {
            JsonNode r = byLine.get(item.line());
            if (r == null) {
                continue;
            }
            // a URL whose outcome was lost with a dying node or broker is asked again, conditionally: its
            // file is already there, whole (README, "Running a cluster")
            int asked = item.host().count(item.path());
            soft.assertThat(r.path("outcome").asText())
                    .as("line %d, asked %d time(s): %s", item.line(), asked, r)
                    .isIn(asked > 1 ? new Object[] {"downloaded", "not_modified"} : new Object[] {"downloaded"});
            soft.assertThat(r.path("sha256").asText())
                    .as("sha256 of line %d", item.line())
                    .isEqualTo(Bodies.sha256(item.name(), item.seed(), item.size()));
            Path file = folders.output.resolve(batch).resolve(item.name());
            soft.assertThat(Files.exists(file) ? Folders.sha256(file) : null)
                    .as("output/%s/%s", batch, item.name())
                    .isEqualTo(Bodies.sha256(item.name(), item.seed(), item.size()));
        }
        soft.assertThat(Checks.hiddenFiles(folders.output))
                .as("temporary files left")
                .isEmpty();
        return byLine;
    }
}
