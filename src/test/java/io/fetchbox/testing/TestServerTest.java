package io.fetchbox.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TestServerTest {

    private static TestServer server;
    private static HttpClient client;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void reset() {
        server.reset();
    }

    @Test
    void fileBodyAndValidatorsMatchBodies() throws Exception {
        HttpResponse<byte[]> r = get("/f/a.bin?size=100003&seed=7");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(Bodies.bytes("a.bin", 7, 100_003));
        assertThat(sha256(r.body())).isEqualTo(Bodies.sha256("a.bin", 7, 100_003));
        assertThat(header(r, "Content-Length")).isEqualTo("100003");
        assertThat(header(r, "Content-Type")).isEqualTo("application/octet-stream");
        assertThat(header(r, "Accept-Ranges")).isEqualTo("bytes");
        assertThat(header(r, "ETag"))
                .isEqualTo(Bodies.etag("a.bin", 7, 100_003))
                .matches("\"[0-9a-f-]+\"");
        assertThat(header(r, "Last-Modified"))
                .isEqualTo(Bodies.lastModified(7))
                .isEqualTo("Mon, 01 Jan 2024 00:07:00 GMT");
        assertThat(server.requests()).singleElement().satisfies(req -> {
            assertThat(req.method()).isEqualTo("GET");
            assertThat(req.path()).isEqualTo("/f/a.bin?size=100003&seed=7");
            assertThat(req.status()).isEqualTo(200);
            assertThat(req.clientClosed()).isFalse();
        });
    }

    @Test
    void bodiesDifferByNameAndSeedAndOptionsDropValidators() throws Exception {
        assertThat(Bodies.bytes("a", 1, 64)).isNotEqualTo(Bodies.bytes("a", 2, 64));
        assertThat(Bodies.bytes("a", 1, 64)).isNotEqualTo(Bodies.bytes("b", 1, 64));
        assertThat(Bodies.stream("a", 1, 64, 13).readAllBytes())
                .isEqualTo(Arrays.copyOfRange(Bodies.bytes("a", 1, 64), 13, 64));

        HttpResponse<byte[]> r = get("/f/x?size=10&noetag=1&nolm=1&ctype=text/plain");
        assertThat(r.headers().firstValue("ETag")).isEmpty();
        assertThat(r.headers().firstValue("Last-Modified")).isEmpty();
        assertThat(header(r, "Content-Type")).isEqualTo("text/plain");
    }

    @Test
    void headAnnouncesLengthWithoutBody() throws Exception {
        HttpResponse<byte[]> r =
                send(request("/f/h.bin?size=5000").method("HEAD", HttpRequest.BodyPublishers.noBody()));

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(header(r, "Content-Length")).isEqualTo("5000");
        assertThat(r.body()).isEmpty();
    }

    @Test
    void conditionalRequestsGet304() throws Exception {
        String etag = Bodies.etag("c.bin", 1, 100);

        assertThat(send(request("/f/c.bin?size=100&seed=1").header("If-None-Match", etag))
                        .statusCode())
                .isEqualTo(304);
        assertThat(send(request("/f/c.bin?size=100&seed=1").header("If-None-Match", "\"other\""))
                        .statusCode())
                .isEqualTo(200);
        assertThat(send(request("/f/c.bin?size=100&seed=1").header("If-Modified-Since", Bodies.lastModified(1)))
                        .statusCode())
                .isEqualTo(304);
        assertThat(send(request("/f/c.bin?size=100&seed=1").header("If-Modified-Since", Bodies.lastModified(0)))
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void rangeGets206WithTheTail() throws Exception {
        byte[] whole = Bodies.bytes("r.bin", 3, 10_000);

        HttpResponse<byte[]> r = send(request("/f/r.bin?size=10000&seed=3").header("Range", "bytes=4321-"));
        assertThat(r.statusCode()).isEqualTo(206);
        assertThat(header(r, "Content-Range")).isEqualTo("bytes 4321-9999/10000");
        assertThat(header(r, "Content-Length")).isEqualTo("5679");
        assertThat(r.body()).isEqualTo(Arrays.copyOfRange(whole, 4321, 10_000));

        HttpResponse<byte[]> guarded = send(request("/f/r.bin?size=10000&seed=3")
                .header("Range", "bytes=4321-")
                .header("If-Range", Bodies.etag("r.bin", 3, 10_000)));
        assertThat(guarded.statusCode()).isEqualTo(206);

        HttpResponse<byte[]> changed = send(request("/f/r.bin?size=10000&seed=3")
                .header("Range", "bytes=4321-")
                .header("If-Range", "\"stale\""));
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.body()).isEqualTo(whole);

        assertThat(send(request("/f/r.bin?size=10000").header("Range", "bytes=10000-"))
                        .statusCode())
                .isEqualTo(416);
    }

    @Test
    void maxConcurrentCountsParallelDelayedRequests() {
        List<CompletableFuture<HttpResponse<byte[]>>> inFlight = IntStream.range(0, 4)
                .mapToObj(i -> client.sendAsync(
                        request("/f/p" + i + "?size=1000&delay_ms=700").build(), BodyHandlers.ofByteArray()))
                .toList();
        inFlight.forEach(f -> assertThat(f.join().statusCode()).isEqualTo(200));

        assertThat(server.count("/f/")).isEqualTo(4);
        assertThat(server.maxConcurrent("/f/")).isEqualTo(4);
        assertThat(server.maxConcurrent("/f/p1")).isEqualTo(1);
        assertThat(server.maxConcurrent()).isEqualTo(4);
    }

    @Test
    void pauseMidBodyStillDeliversTheBody() throws Exception {
        HttpResponse<byte[]> r = get("/f/slow.bin?size=20000&seed=2&pause_ms=100");
        assertThat(r.body()).isEqualTo(Bodies.bytes("slow.bin", 2, 20_000));
    }

    @Test
    void redirects() throws Exception {
        String target = server.url("/f/t.bin?size=10");
        HttpResponse<byte[]> r = get("/redirect?code=301&to=" + URLEncoder.encode(target, StandardCharsets.UTF_8));
        assertThat(r.statusCode()).isEqualTo(301);
        assertThat(header(r, "Location")).isEqualTo(target);

        assertThat(header(get("/loop/7"), "Location")).isEqualTo(server.url("/loop/8"));
        assertThat(header(get("/to-file"), "Location")).isEqualTo("file:///etc/passwd");
    }

    @Test
    void authNeedsBasicCredentials() throws Exception {
        HttpResponse<byte[]> anonymous = get("/auth/s.bin?size=50&seed=4");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(header(anonymous, "WWW-Authenticate")).startsWith("Basic ");

        assertThat(send(request("/auth/s.bin?size=50&seed=4").header("Authorization", basic("user:wrong")))
                        .statusCode())
                .isEqualTo(401);

        HttpResponse<byte[]> ok =
                send(request("/auth/s.bin?size=50&seed=4").header("Authorization", basic("user:secret-pa55")));
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo(Bodies.bytes("s.bin", 4, 50));
        assertThat(server.requests().get(2).header("Authorization")).isEqualTo(basic("user:secret-pa55"));
    }

    @Test
    void statusDispositionAndHeaders() throws Exception {
        HttpResponse<byte[]> busy = get("/status/503?retry_after=2");
        assertThat(busy.statusCode()).isEqualTo(503);
        assertThat(header(busy, "Retry-After")).isEqualTo("2");

        String evil = "../../evil.sh";
        HttpResponse<byte[]> d =
                get("/disposition?size=20&filename=" + URLEncoder.encode(evil, StandardCharsets.UTF_8));
        assertThat(header(d, "Content-Disposition")).isEqualTo("attachment; filename=\"../../evil.sh\"");
        assertThat(d.body()).hasSize(20);

        String echoed =
                new String(send(request("/headers").header("X-Token", "abc")).body(), StandardCharsets.UTF_8);
        assertThat(echoed).contains("x-token: abc\n");

        assertThat(get("/nowhere").statusCode()).isEqualTo(404);
    }

    @Test
    void truncateSendsHalfThenDropsTheConnection() {
        assertThatThrownBy(() -> get("/truncate?size=1000")).isInstanceOf(IOException.class);
    }

    @Test
    void hugeStopsWhenTheClientGoesAway() throws Exception {
        try (Socket socket = rawGet("/huge")) {
            InputStream in = socket.getInputStream();
            assertThat(in.readNBytes(1 << 20)).hasSize(1 << 20);
        }
        await().atMost(Duration.ofSeconds(5))
                .until(() -> server.requests().get(0).clientClosed()
                        && !server.requests().get(0).inFlight());
    }

    @Test
    void stallIsSilentAndNoticesTheClientLeaving() throws Exception {
        try (Socket socket = rawGet("/stall?size=1000")) {
            String head = readHead(socket.getInputStream());
            assertThat(head).startsWith("HTTP/1.1 200").containsIgnoringCase("content-length: 1000");
            assertThat(socket.getInputStream().readNBytes(10)).isEqualTo(Bodies.bytes("stall", 0, 10));
            assertThat(server.requests().get(0).inFlight()).isTrue();
        }
        await().atMost(Duration.ofSeconds(5))
                .until(() -> server.requests().get(0).clientClosed()
                        && !server.requests().get(0).inFlight());
    }

    @Test
    void bodiesGenerationRate() throws Exception {
        long size = 256L << 20;
        byte[] buf = new byte[256 << 10];
        long checksum = 0;
        long t0 = System.nanoTime();
        try (InputStream in = Bodies.stream("rate", 0, size)) {
            for (int n; (n = in.read(buf)) > 0; ) {
                checksum += buf[n - 1]; // keeps the JIT from dropping the work
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(
                "Bodies: 256 MiB generated in %.3f s = %.0f MB/s (%d)%n", seconds, size / seconds / 1e6, checksum);
    }

    // --- helpers

    private static HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(server.url(pathAndQuery))).timeout(Duration.ofSeconds(10));
    }

    private static HttpResponse<byte[]> get(String pathAndQuery) throws IOException, InterruptedException {
        return send(request(pathAndQuery));
    }

    private static HttpResponse<byte[]> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.build(), BodyHandlers.ofByteArray());
    }

    private static String header(HttpResponse<?> r, String name) {
        return r.headers().firstValue(name).orElse(null);
    }

    private static String basic(String userPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userPassword.getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** A raw connection, so the test decides exactly when the client goes away. */
    private static Socket rawGet(String pathAndQuery) throws IOException {
        return RawHttp.get(server, pathAndQuery, Map.of());
    }

    private static String readHead(InputStream in) throws IOException {
        return RawHttp.readHead(in);
    }
}
