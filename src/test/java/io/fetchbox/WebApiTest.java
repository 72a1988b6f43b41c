package io.fetchbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.fetchbox.testing.TestServer;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTTP server of the README's "Operating fetchbox" over real HTTP: Camel's health and Prometheus metrics, the
 * batches API, list uploads and report files, on one port, with credentials nowhere.
 */
class WebApiTest {
    /** The test server's Basic auth password (Endpoints), used in list URLs here. */
    private static final String PASSWORD = "secret-pa55";

    @TempDir
    Path dir;

    @Test
    void aListPostedOverHttpIsFetchedAndShownWithItsMetricsHealthAndReports() throws Exception {
        Workspace ws = new Workspace(dir);
        int port = WebClient.freePort();
        try (TestServer server = TestServer.start();
                ServiceRun service =
                        new ServiceRun(ws.args("--fetchbox.http-port=" + port, "--fetchbox.retry-delay=20ms"))) {
            WebClient http = new WebClient(port);
            String authority = "user:" + PASSWORD + "@127.0.0.1:" + server.port();
            String list = String.join(
                    "\n",
                    server.url("/f/a0.bin?size=1000&seed=0"),
                    server.url("/f/a1.bin?size=2000&seed=1"),
                    server.url("/f/a2.bin?size=3000&seed=2"),
                    "http://" + authority + "/auth/a3.bin?size=500",
                    server.url("/flaky/web-api/1/503"),
                    "http://" + authority + "/status/404",
                    "ftp://" + authority + "/a4.bin",
                    "");

            HttpResponse<String> accepted = http.post("/api/batches?name=web.txt", list);

            assertThat(accepted.statusCode()).isEqualTo(202);
            assertThat(WebClient.parse(accepted.body()).path("batch").asText()).isEqualTo("web");
            await().atMost(Duration.ofSeconds(20)).until(() -> ws.hasSummary("web"));
            JsonNode summary = ws.summary("web");
            assertThat(summary.path("outcomes").path("downloaded").asLong()).isEqualTo(5);

            // health: Camel's checks, live and ready
            assertThat(http.get("/observe/health").statusCode()).isEqualTo(200);
            assertThat(http.json("/observe/health").path("status").asText()).isEqualTo("UP");
            assertThat(http.json("/observe/health/live").path("status").asText())
                    .isEqualTo("UP");
            assertThat(http.json("/observe/health/ready").path("status").asText())
                    .isEqualTo("UP");
            assertThat(http.json("/observe/health?exposureLevel=full").toString())
                    .contains("\"disk-space\"");

            // metrics: the downloads of this batch, the only one this service ran
            String metrics = http.get("/observe/metrics").body();
            assertThat(metric(metrics, "fetchbox_downloads_total{outcome=\"downloaded\"}"))
                    .isEqualTo(summary.path("outcomes").path("downloaded").asDouble());
            assertThat(metric(metrics, "fetchbox_downloads_total{outcome=\"failed\"}"))
                    .isEqualTo(1);
            assertThat(metric(metrics, "fetchbox_downloads_total{outcome=\"invalid\"}"))
                    .isEqualTo(1);
            assertThat(metric(metrics, "fetchbox_bytes_total")).isEqualTo(7500);
            assertThat(metric(metrics, "fetchbox_retries_total")).isEqualTo(1);
            assertThat(metric(metrics, "fetchbox_downloads_in_flight")).isZero();
            assertThat(metrics)
                    .contains("fetchbox_host_errors_total{error=\"http_404\",host=\"http://127.0.0.1:" + server.port()
                            + "\"} 1.0")
                    .contains("fetchbox_host_errors_total{error=\"http_503\",host=\"http://127.0.0.1:" + server.port()
                            + "\"} 1.0")
                    .contains("camel_exchanges_total")
                    // Micrometer's JVM and process meters (camel.metrics.binders)
                    .contains("jvm_memory_used_bytes")
                    .contains("jvm_gc_")
                    .contains("jvm_threads_live_threads")
                    .contains("process_cpu_usage")
                    .contains("process_uptime_seconds")
                    .contains("process_files_open_files")
                    .doesNotContain("fetchbox_batch_urls_done{batch=\"web\"}");

            // the API
            JsonNode batch = http.json("/api/batches/web");
            assertThat(batch.path("state").asText()).isEqualTo("done");
            assertThat(batch.path("list").asText()).isEqualTo("web.txt");
            assertThat(batch.path("lines").asLong()).isEqualTo(7);
            assertThat(batch.path("total").asLong()).isEqualTo(7);
            assertThat(batch.path("outcomes").path("downloaded").asLong()).isEqualTo(5);
            assertThat(batch.path("bytes").asLong()).isEqualTo(7500);
            assertThat(batch.path("failures").toString())
                    .contains("http://***@127.0.0.1:" + server.port() + "/status/404")
                    .contains("\"error\":\"http_404\"")
                    .contains("\"error\":\"invalid_url\"");
            assertThat(batch.path("reports").path("jsonl").asText()).isEqualTo("/reports/web.jsonl");
            assertThat(batch.path("reports").path("summary").asText()).isEqualTo("/reports/web.summary.json");
            JsonNode all = http.json("/api/batches");
            assertThat(all.path("batches")).hasSize(1);
            assertThat(all.path("batches").get(0).path("name").asText()).isEqualTo("web");
            assertThat(http.get("/api/batches/nothing").statusCode()).isEqualTo(404);

            // the reports it links to, and nothing else
            assertThat(http.get("/reports/web.jsonl").body().lines()).hasSize(7);
            assertThat(WebClient.parse(http.get("/reports/web.summary.json").body())
                            .path("lines")
                            .asLong())
                    .isEqualTo(7);
            for (String refused : List.of(
                    "/reports/web.failed.txt",
                    "/reports/..%2Finbox%2F.done%2Fweb.txt",
                    "/reports/.state",
                    "/reports/%2E%2E%2Fweb.jsonl")) {
                assertThat(http.get(refused).statusCode()).as(refused).isEqualTo(404);
            }
            assertThat(Files.readString(ws.reports.resolve("web.failed.txt"))).contains(PASSWORD);

            // the page and its files
            assertThat(http.get("/").body()).contains("<script src=\"/assets/app.js\">");
            assertThat(http.get("/assets/app.js").statusCode()).isEqualTo(200);
            assertThat(http.get("/assets/app.css").headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/css"));
            assertThat(http.get("/assets/pom.xml").statusCode()).isEqualTo(404);

            assertThat(http.bodies()).isNotEmpty().noneMatch(body -> body.contains(PASSWORD));
        }
    }

    @Test
    void refusedListsGet4xxAndLeaveNothingInTheInbox() throws Exception {
        Workspace ws = new Workspace(dir);
        int port = WebClient.freePort();
        try (ServiceRun service =
                new ServiceRun(ws.args("--fetchbox.http-port=" + port, "--fetchbox.max-list-bytes=100"))) {
            WebClient http = new WebClient(port);
            // a batch "busy" is (as far as the inbox knows) running: busy.list waits in the inbox
            Files.createDirectories(ws.inbox.resolve(".inprogress"));
            Files.writeString(ws.inbox.resolve(".inprogress/busy.txt"), "http://127.0.0.1:9/x\n");
            ws.drop("busy.list", "http://127.0.0.1:9/y\n");
            List<String> before = inboxFiles(ws);

            assertThat(http.post("/api/batches?name=..%2Fescape.txt", "http://a.example/\n")
                            .statusCode())
                    .isEqualTo(400);
            assertThat(http.post("/api/batches?name=.hidden", "http://a.example/\n")
                            .statusCode())
                    .isEqualTo(400);
            assertThat(http.post("/api/batches", "http://a.example/\n").statusCode())
                    .isEqualTo(400);
            assertThat(http.post("/api/batches?name=busy.list", "http://a.example/\n")
                            .statusCode())
                    .isEqualTo(409);
            assertThat(http.post("/api/batches?name=busy.txt", "http://a.example/\n")
                            .statusCode())
                    .isEqualTo(409);
            String big = "http://a.example/" + "x".repeat(100) + "\n";
            HttpResponse<String> declared = http.post("/api/batches?name=big.txt", big);
            assertThat(declared.statusCode()).isEqualTo(413);
            assertThat(declared.body()).contains("fetchbox.max-list-bytes");
            assertThat(http.postChunked("/api/batches?name=big.txt", big.getBytes(StandardCharsets.UTF_8))
                            .statusCode())
                    .isEqualTo(413);

            // a client that sends a large body without waiting for 100 Continue still reads its answer
            String large = "http://a.example/x\n".repeat(200_000);
            assertThat(http.post("/api/batches?name=busy.list", large).statusCode())
                    .isEqualTo(409);
            assertThat(http.postChunked("/api/batches?name=large.txt", large.getBytes(StandardCharsets.UTF_8))
                            .statusCode())
                    .isEqualTo(413);

            assertThat(inboxFiles(ws)).isEqualTo(before);
            assertThat(Files.exists(ws.inbox.resolve("big.txt"))).isFalse();
        }
    }

    @Test
    void readinessIsDownWhileFreeDiskIsBelowTheMinimum() throws Exception {
        Workspace ws = new Workspace(dir);
        int port = WebClient.freePort();
        try (ServiceRun service =
                new ServiceRun(ws.args("--fetchbox.http-port=" + port, "--fetchbox.min-free-disk=100000000GB"))) {
            WebClient http = new WebClient(port);

            HttpResponse<String> ready = http.get("/observe/health/ready");

            assertThat(ready.statusCode()).isEqualTo(503);
            JsonNode json = WebClient.parse(ready.body());
            assertThat(json.path("status").asText()).isEqualTo("DOWN");
            assertThat(json.path("checks").toString()).contains("disk-space").contains("fetchbox.min-free-disk");
            assertThat(http.get("/observe/health/live").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void withPortZeroThereIsNoServerAndNoWebRoute() throws Exception {
        Workspace ws = new Workspace(dir);
        try (ServiceRun service = new ServiceRun(ws.args("--fetchbox.http-port=0"))) {
            assertThat(service.context().getRoutes()).isNotEmpty();
            assertThat(service.context().getRoutes().stream().map(r -> r.getRouteId()))
                    .noneMatch(id -> id.startsWith("web-"));
        }
    }

    private static double metric(String scrape, String series) {
        return scrape.lines()
                .filter(line -> line.startsWith(series + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(series.length() + 1)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + series + " in the metrics"));
    }

    private static List<String> inboxFiles(Workspace ws) throws IOException {
        try (Stream<Path> files = Files.walk(ws.inbox)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> ws.inbox.relativize(p).toString())
                    .sorted()
                    .toList();
        }
    }

    @Test
    void aBatchWaitingForDiskSpaceIsShownPausedWithTheReason() throws Exception {
        Workspace ws = new Workspace(dir);
        int port = WebClient.freePort();
        try (TestServer server = TestServer.start();
                ServiceRun service =
                        new ServiceRun(ws.args("--fetchbox.http-port=" + port, "--fetchbox.min-free-disk=1000000GB"))) {
            WebClient http = new WebClient(port);
            ws.drop("waits.txt", server.url("/f/a.bin?size=10") + "\n");

            await().atMost(Duration.ofSeconds(20))
                    .until(() -> http.get("/api/batches/waits").statusCode() == 200);
            JsonNode batch = http.json("/api/batches/waits");

            assertThat(batch.path("state").asText()).isEqualTo("paused");
            assertThat(batch.path("paused_reason").asText()).matches("disk: [0-9.]+ GB free, need 1000000.0 GB");
            assertThat(http.get("/observe/health/ready").statusCode()).isEqualTo(503);
            assertThat(server.count("/f/")).isZero();
        }
    }

    @Test
    void apiHostsShowsAHostPausedByItsServerWithWhenThePauseEnds() throws Exception {
        Workspace ws = new Workspace(dir);
        int port = WebClient.freePort();
        try (TestServer server = TestServer.start();
                ServiceRun service = new ServiceRun(ws.args("--fetchbox.http-port=" + port))) {
            WebClient http = new WebClient(port);
            Instant dropped = Instant.now();
            ws.drop("slow.txt", server.url("/pause-host/api-hosts/30/a.bin?size=10") + "\n");

            await().atMost(Duration.ofSeconds(20))
                    .until(() -> http.json("/api/hosts").path("hosts").size() == 1
                            && !http.json("/api/hosts")
                                    .path("hosts")
                                    .get(0)
                                    .path("paused_until")
                                    .isNull());
            JsonNode host = http.json("/api/hosts").path("hosts").get(0);
            Instant asked = Instant.now();

            assertThat(host.path("host").asText()).isEqualTo("http://127.0.0.1:" + server.port());
            assertThat(host.path("waiting").asInt()).isEqualTo(1);
            // 30 s from the 429, which came after the list was dropped and before the answer was asked for: in
            // order, whatever the machine's speed (1 s for the mix of the wall clock and the scheduler's)
            assertThat(Instant.parse(host.path("paused_until").asText()))
                    .isAfter(dropped.plusSeconds(29))
                    .isBefore(asked.plusSeconds(31));
            assertThat(host.path("paused_reason").asText()).contains("Retry-After");
        }
    }

    @Test
    void retryDropsTheFailedListBackSoThatItsFilesGoBesideTheOthers() throws Exception {
        Workspace ws = new Workspace(dir);
        int port = WebClient.freePort();
        try (TestServer server = TestServer.start();
                ServiceRun service = new ServiceRun(ws.args("--fetchbox.http-port=" + port, "--fetchbox.retries=0"))) {
            WebClient http = new WebClient(port);
            ws.drop("pics.txt", server.url("/f/a.bin?size=10") + "\n" + server.url("/flaky/api-retry/1/500") + "\n");
            await().atMost(Duration.ofSeconds(20)).until(() -> ws.hasSummary("pics"));

            HttpResponse<String> accepted = http.post("/api/batches/pics/retry", "");

            assertThat(accepted.statusCode()).isEqualTo(202);
            assertThat(WebClient.parse(accepted.body()).path("batch").asText()).isEqualTo("pics.failed");
            await().atMost(Duration.ofSeconds(20)).until(() -> ws.hasSummary("pics.failed"));
            JsonNode retried = ws.report("pics.failed").get(0);
            assertThat(Reports.text(retried, "outcome")).isEqualTo("downloaded");
            assertThat(Reports.text(retried, "file")).isEqualTo("pics/500");
            assertThat(retried.get("retry_of_line").asInt()).isEqualTo(2);
            assertThat(http.post("/api/batches/pics.failed/retry", "").statusCode())
                    .as("nothing failed: nothing to retry")
                    .isEqualTo(404);
            assertThat(http.post("/api/batches/..%2Fx/retry", "").statusCode()).isEqualTo(400);
        }
    }
}
