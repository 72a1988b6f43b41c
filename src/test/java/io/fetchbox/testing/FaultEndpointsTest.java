package io.fetchbox.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fault-injecting endpoints: /flaky/, /pause-host/, /reset/, /truncate/<key>/, /slow/. */
class FaultEndpointsTest {

    private static TestServer server;
    private static HttpClient client;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        client = newClient();
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
    void flakyFailsNTimesThenServesTheBodyLikeF() throws Exception {
        String path = "/flaky/a/2/503?retry_after=3&size=500&seed=1";

        for (int i = 0; i < 2; i++) {
            HttpResponse<byte[]> failed = get(path);
            assertThat(failed.statusCode()).isEqualTo(503);
            assertThat(header(failed, "Retry-After")).isEqualTo("3");
        }
        HttpResponse<byte[]> ok = get(path);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo(Bodies.bytes("a", 1, 500));
        assertThat(header(ok, "ETag")).isEqualTo(Bodies.etag("a", 1, 500));
        assertThat(header(ok, "Last-Modified")).isEqualTo(Bodies.lastModified(1));
        assertThat(header(ok, "Accept-Ranges")).isEqualTo("bytes");
        assertThat(ok.headers().firstValue("Retry-After")).isEmpty();

        HttpResponse<byte[]> revalidated = send(request(path).header("If-None-Match", Bodies.etag("a", 1, 500)));
        assertThat(revalidated.statusCode()).isEqualTo(304);

        List<TestServer.Request> attempts = server.requests("/flaky/a/");
        assertThat(attempts).extracting(TestServer.Request::status).containsExactly(503, 503, 200, 304);
        assertThat(attempts.get(3).header("if-none-match")).isEqualTo(Bodies.etag("a", 1, 500));
        for (int i = 1; i < attempts.size(); i++) {
            assertThat(attempts.get(i).startNanos())
                    .isGreaterThanOrEqualTo(attempts.get(i - 1).startNanos());
        }

        HttpResponse<byte[]> plain = get("/flaky/b/1/500");
        assertThat(plain.statusCode()).isEqualTo(500);
        assertThat(plain.headers().firstValue("Retry-After")).isEmpty();
        assertThat(get("/flaky/b/1/500").body()).isEqualTo(Bodies.bytes("b", 0, 1000));
    }

    @Test
    void flakyRetryAfterAsAnHttpDate() throws Exception {
        long before = System.currentTimeMillis() / 1000;
        HttpResponse<byte[]> failed = get("/flaky/d/1/429?retry_after=30&retry_after_date=1");
        long after = System.currentTimeMillis() / 1000;

        assertThat(failed.statusCode()).isEqualTo(429);
        String date = header(failed, "Retry-After");
        assertThat(date).endsWith(" GMT");
        long at =
                ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toEpochSecond();
        assertThat(at).isBetween(before + 30, after + 31);

        assertThat(get("/flaky/d/1/429?retry_after=30&retry_after_date=1").statusCode())
                .isEqualTo(200);
    }

    @Test
    void pauseHostAnswersTheFirstRequestOfTheKeyOnly() throws Exception {
        HttpResponse<byte[]> first = get("/pause-host/h/2/a.bin?size=100&seed=5");
        assertThat(first.statusCode()).isEqualTo(429);
        assertThat(header(first, "Retry-After")).isEqualTo("2");

        HttpResponse<byte[]> other = get("/pause-host/h/2/b.bin?size=100&seed=5");
        assertThat(other.statusCode()).isEqualTo(200);
        assertThat(other.body()).isEqualTo(Bodies.bytes("b.bin", 5, 100));
        assertThat(header(other, "ETag")).isEqualTo(Bodies.etag("b.bin", 5, 100));
        HttpResponse<byte[]> again = get("/pause-host/h/2/a.bin?size=100&seed=5");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(Bodies.bytes("a.bin", 5, 100));

        HttpResponse<byte[]> unavailable = get("/pause-host/h503/1/c.bin?code=503");
        assertThat(unavailable.statusCode()).isEqualTo(503);
        assertThat(header(unavailable, "Retry-After")).isEqualTo("1");
        assertThat(get("/pause-host/h503/1/c.bin?code=503").statusCode()).isEqualTo(200);

        assertThat(server.requests("/pause-host/h/"))
                .extracting(TestServer.Request::status)
                .containsExactly(429, 200, 200);
    }

    @Test
    void resetClosesTheConnectionWithoutAnyResponse() throws Exception {
        try (Socket socket = rawGet("/reset/raw/1?size=300&seed=6", Map.of())) {
            assertThat(socket.getInputStream().readAllBytes()).isEmpty(); // end of stream, no status line
        }
        HttpResponse<byte[]> ok = get("/reset/raw/1?size=300&seed=6");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo(Bodies.bytes("raw", 6, 300));

        assertThat(server.requests("/reset/raw/"))
                .extracting(TestServer.Request::status)
                .containsExactly(0, 200);
    }

    @Test
    void resetGivesAnHttpClientAnIOExceptionAndNoStatus() throws Exception {
        // the JDK client silently retries a GET once when no response byte came: n=2 covers both attempts
        assertThatThrownBy(() -> get("/reset/jdk/2")).isInstanceOf(IOException.class);
        assertThat(get("/reset/jdk/2").body()).isEqualTo(Bodies.bytes("jdk", 0, 1000));

        await().atMost(Duration.ofSeconds(5))
                .until(() -> server.requests("/reset/jdk/").stream().noneMatch(TestServer.Request::inFlight));
        assertThat(server.requests("/reset/jdk/"))
                .extracting(TestServer.Request::status)
                .containsExactly(0, 0, 200);
    }

    @Test
    void truncateSendsHalfThenTheWholeBody() throws Exception {
        byte[] whole = Bodies.bytes("t", 2, 1000);
        try (Socket socket = rawGet("/truncate/t/1?size=1000&seed=2", Map.of())) {
            InputStream in = socket.getInputStream();
            assertThat(readHead(in))
                    .startsWith("HTTP/1.1 200")
                    .containsIgnoringCase("content-length: 1000")
                    .containsIgnoringCase("etag: " + Bodies.etag("t", 2, 1000));
            assertThat(in.readAllBytes()).isEqualTo(Arrays.copyOf(whole, 500)); // then end of stream
        }

        HttpResponse<byte[]> ok = get("/truncate/t/1?size=1000&seed=2");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo(whole);

        await().atMost(Duration.ofSeconds(5))
                .until(() -> server.requests("/truncate/t/").stream().noneMatch(TestServer.Request::inFlight));
        assertThat(server.requests("/truncate/t/"))
                .extracting(TestServer.Request::bodyBytes)
                .containsExactly(500L, 1000L);
    }

    @Test
    void truncateResumesWithRangeGuardedByIfRange() throws Exception {
        String path = "/truncate/k/2?size=10000&seed=3";
        byte[] whole = Bodies.bytes("k", 3, 10_000);
        String etag = Bodies.etag("k", 3, 10_000);

        assertThatThrownBy(() -> get(path)).isInstanceOf(IOException.class); // 5000 of 10000 bytes
        try (Socket socket = rawGet(path, Map.of("Range", "bytes=5000-", "If-Range", etag))) {
            InputStream in = socket.getInputStream();
            assertThat(readHead(in))
                    .startsWith("HTTP/1.1 206")
                    .containsIgnoringCase("content-range: bytes 5000-9999/10000")
                    .containsIgnoringCase("content-length: 5000");
            // cut again: half of the range
            assertThat(in.readAllBytes()).isEqualTo(Arrays.copyOfRange(whole, 5000, 7500));
        }

        HttpResponse<byte[]> tail =
                send(request(path).header("Range", "bytes=7500-").header("If-Range", etag));
        assertThat(tail.statusCode()).isEqualTo(206);
        assertThat(header(tail, "Content-Range")).isEqualTo("bytes 7500-9999/10000");
        assertThat(tail.body()).isEqualTo(Arrays.copyOfRange(whole, 7500, 10_000));

        HttpResponse<byte[]> byDate =
                send(request(path).header("Range", "bytes=9000-").header("If-Range", Bodies.lastModified(3)));
        assertThat(byDate.statusCode()).isEqualTo(206);
        assertThat(byDate.body()).isEqualTo(Arrays.copyOfRange(whole, 9000, 10_000));

        HttpResponse<byte[]> changed =
                send(request(path).header("Range", "bytes=7500-").header("If-Range", "\"stale\""));
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.body()).isEqualTo(whole);

        await().atMost(Duration.ofSeconds(5))
                .until(() -> server.requests("/truncate/k/").stream().noneMatch(TestServer.Request::inFlight));
        List<TestServer.Request> attempts = server.requests("/truncate/k/");
        assertThat(attempts).extracting(TestServer.Request::status).containsExactly(200, 206, 206, 206, 200);
        assertThat(attempts)
                .extracting(r -> r.header("range"))
                .containsExactly(null, "bytes=5000-", "bytes=7500-", "bytes=9000-", "bytes=7500-");
        assertThat(attempts)
                .extracting(r -> r.header("if-range"))
                .containsExactly(null, etag, etag, Bodies.lastModified(3), "\"stale\"");
    }

    @Test
    void slowTricklesAtAboutTheRateAndHonoursRange() throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<byte[]> r = get("/slow/s.bin?size=30000&seed=4&bps=100000");
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("/slow/: 30000 bytes at bps=100000 in %.3f s = %.0f B/s%n", seconds, 30_000 / seconds);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(Bodies.bytes("s.bin", 4, 30_000));
        assertThat(header(r, "ETag")).isEqualTo(Bodies.etag("s.bin", 4, 30_000));

        HttpResponse<byte[]> tail = send(request("/slow/s.bin?size=30000&seed=4&bps=1000000")
                .header("Range", "bytes=25000-")
                .header("If-Range", Bodies.etag("s.bin", 4, 30_000)));
        assertThat(tail.statusCode()).isEqualTo(206);
        assertThat(tail.body()).isEqualTo(Arrays.copyOfRange(Bodies.bytes("s.bin", 4, 30_000), 25_000, 30_000));

        HttpResponse<byte[]> changed = send(request("/slow/s.bin?size=30000&seed=4&bps=1000000")
                .header("Range", "bytes=25000-")
                .header("If-Range", "\"stale\""));
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.body()).hasSize(30_000);
    }

    @Test
    void slowNoticesTheClientLeaving() throws Exception {
        try (Socket socket = rawGet("/slow/gone.bin?size=1000000&bps=50000", Map.of())) {
            InputStream in = socket.getInputStream();
            assertThat(readHead(in)).startsWith("HTTP/1.1 200");
            assertThat(in.readNBytes(5000)).isEqualTo(Bodies.bytes("gone.bin", 0, 5000));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            TestServer.Request r = server.requests("/slow/gone.bin").get(0);
            return r.clientClosed() && !r.inFlight();
        });
        assertThat(server.requests("/slow/gone.bin").get(0).bodyBytes()).isLessThan(1_000_000);
    }

    @Test
    void slowStopsWhenTheServerCloses() throws Exception {
        TestServer closing = TestServer.start(4);
        try (Socket socket = rawGet(closing, "/slow/x.bin?size=1000000&bps=10", Map.of())) {
            InputStream in = socket.getInputStream();
            assertThat(readHead(in)).startsWith("HTTP/1.1 200");
            assertThat(in.read()).isNotNegative();
            closing.close();
            await().atMost(Duration.ofSeconds(2))
                    .until(() -> !closing.requests().get(0).inFlight());
        } finally {
            closing.close();
        }
    }

    @Test
    void countersArePerEndpointAndKeyAndClearedByReset() throws Exception {
        assertThat(get("/flaky/same/1/503").statusCode()).isEqualTo(503);
        assertThat(get("/flaky/other/1/503").statusCode()).isEqualTo(503);
        assertThat(get("/pause-host/same/1/x").statusCode()).isEqualTo(429);
        assertThat(get("/flaky/same/1/503").statusCode()).isEqualTo(200);

        server.reset();
        assertThat(server.requests()).isEmpty();
        assertThat(get("/flaky/same/1/503").statusCode()).isEqualTo(503);
    }

    @Test
    void malformedFaultPathsGet400() throws Exception {
        assertThat(statuses("/flaky/a/x/503", "/flaky/a/1", "/pause-host/k/1/", "/reset/k", "/truncate/k/", "/slow/"))
                .containsOnly(400);
        assertThatThrownBy(() -> get("/truncate?size=10")).isInstanceOf(IOException.class); // the old one, as before
    }

    // --- helpers

    private static HttpClient newClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    private static HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(server.url(pathAndQuery))).timeout(Duration.ofSeconds(10));
    }

    private static HttpResponse<byte[]> get(String pathAndQuery) throws IOException, InterruptedException {
        return send(request(pathAndQuery));
    }

    private static HttpResponse<byte[]> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.build(), BodyHandlers.ofByteArray());
    }

    private static List<Integer> statuses(String... paths) throws IOException, InterruptedException {
        List<Integer> statuses = new ArrayList<>();
        for (String path : paths) {
            statuses.add(get(path).statusCode());
        }
        return statuses;
    }

    private static String header(HttpResponse<?> r, String name) {
        return r.headers().firstValue(name).orElse(null);
    }

    private static Socket rawGet(String pathAndQuery, Map<String, String> headers) throws IOException {
        return rawGet(server, pathAndQuery, headers);
    }

    private static Socket rawGet(TestServer to, String pathAndQuery, Map<String, String> headers) throws IOException {
        return RawHttp.get(to, pathAndQuery, headers);
    }

    private static String readHead(InputStream in) throws IOException {
        return RawHttp.readHead(in);
    }
}
