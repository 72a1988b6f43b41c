package io.fetchbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.fetchbox.fetch.FetchTask;
import io.fetchbox.list.UrlEntry;
import io.fetchbox.report.Outcome;
import io.fetchbox.testing.Bodies;
import io.fetchbox.testing.TestServer;
import io.fetchbox.url.ParsedUrl;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelContextConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every branch of routes/fetch.camel.yaml (and the failure handling of routes/errors.camel.yaml it uses),
 * driven through the host scheduler's endpoint against a real local server. The outcome queue is a mock
 * endpoint; each pass through the route is counted at a mock woven in before the HTTP request, since a
 * redirect or a retry goes back to the scheduler and comes through the route again.
 */
class FetchRouteTest extends RouteTestSupport {
    private static final String BATCH = "pics";

    private TestServer server;
    private MockEndpoint outcomes;
    private MockEndpoint passes;

    @Override
    List<String> routeFiles() {
        return List.of("errors", "fetch");
    }

    @Override
    List<String> arguments() {
        return List.of("--fetchbox.retry-delay=10ms", "--fetchbox.retries=2");
    }

    @Override
    public void configureContext(CamelContextConfiguration camel) {
        super.configureContext(camel);
        // the report route's queue, the fetch route's end: what the route decided, and nothing recorded
        camel.withMockEndpointsAndSkip("outcomes:report");
    }

    @BeforeEach
    void start() throws Exception {
        server = TestServer.start();
        AdviceWith.adviceWith(context, "fetch", route -> route.weaveByToUri("http://fetchbox*")
                .before()
                .to("mock:passes"));
        context.start();
        outcomes = getMockEndpoint("mock:outcomes:report");
        passes = getMockEndpoint("mock:passes");
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void a200IsWrittenUnderItsPlannedNameAndReportedDownloaded() throws Exception {
        Outcome outcome = fetch(server.url("/f/a.bin?size=5000&seed=1"), "a.bin");

        assertThat(outcome.outcome()).isEqualTo(Outcome.DOWNLOADED);
        assertThat(outcome.httpStatus()).isEqualTo(200);
        assertThat(outcome.bytes()).isEqualTo(5000L);
        assertThat(outcome.sha256()).isEqualTo(Bodies.sha256("a.bin", 1, 5000));
        assertThat(Files.readAllBytes(folders.output.resolve("a.bin"))).isEqualTo(Bodies.bytes("a.bin", 1, 5000));
        assertThat(passes.getReceivedCounter()).isEqualTo(1);
        assertThat(outputFiles()).containsExactly("a.bin");
    }

    @Test
    void aRedirectGoesBackToTheSchedulerAndIsFollowedOnTheNextPass() throws Exception {
        String target = server.url("/f/b.bin?size=300&seed=2");
        Outcome outcome = fetch(
                server.url("/redirect?code=301&to=" + URLEncoder.encode(target, StandardCharsets.UTF_8)), "b.bin");

        assertThat(outcome.outcome()).isEqualTo(Outcome.DOWNLOADED);
        assertThat(outcome.bytes()).isEqualTo(300L);
        assertThat(passes.getReceivedCounter()).isEqualTo(2);
        assertThat(server.requests()).extracting(TestServer.Request::path).hasSize(2);
        assertThat(Files.readAllBytes(folders.output.resolve("b.bin"))).isEqualTo(Bodies.bytes("b.bin", 2, 300));
    }

    @Test
    void a304OnRevalidationKeepsTheFileAndReportsNotModified() throws Exception {
        String url = server.url("/f/c.bin?size=700&seed=3");
        assertThat(fetch(url, "c.bin").outcome()).isEqualTo(Outcome.DOWNLOADED);
        long written =
                Files.getLastModifiedTime(folders.output.resolve("c.bin")).toMillis();
        outcomes.reset();

        Outcome again = fetch(url, "c.bin");

        assertThat(again.outcome()).isEqualTo(Outcome.NOT_MODIFIED);
        assertThat(again.httpStatus()).isEqualTo(304);
        assertThat(server.requests().get(1).header("If-None-Match")).isEqualTo(Bodies.etag("c.bin", 3, 700));
        assertThat(Files.readAllBytes(folders.output.resolve("c.bin"))).isEqualTo(Bodies.bytes("c.bin", 3, 700));
        assertThat(Files.getLastModifiedTime(folders.output.resolve("c.bin")).toMillis())
                .isEqualTo(written);
    }

    @Test
    void aBodyCutMidwayIsContinuedByA206OnTheNextAttempt() throws Exception {
        Outcome outcome = fetch(server.url("/truncate/d/1?size=200000&seed=4"), "d.bin");

        assertThat(outcome.outcome()).isEqualTo(Outcome.DOWNLOADED);
        assertThat(outcome.attempts()).isEqualTo(2);
        assertThat(outcome.httpStatus()).isEqualTo(206);
        List<TestServer.Request> requests = server.requests("/truncate/d/");
        assertThat(requests).hasSize(2);
        assertThat(requests.get(0).header("Range")).isNull();
        // the second attempt asks for the rest of what the first one wrote, if the resource is unchanged
        assertThat(requests.get(1).header("Range")).isEqualTo("bytes=100000-");
        assertThat(requests.get(1).header("If-Range")).isEqualTo(Bodies.etag("d", 4, 200000));
        assertThat(Files.readAllBytes(folders.output.resolve("d.bin"))).isEqualTo(Bodies.bytes("d", 4, 200000));
        assertThat(outputFiles()).containsExactly("d.bin");
    }

    @Test
    void a416ToTheRestOfAPartialBodyStartsOverFromTheFirstByte() throws Exception {
        // the resource shrank between the attempts: the kept half (a partial body is kept from 64 KiB) is
        // already more than all of it
        try (ScriptedServer shrinking = new ScriptedServer(
                ScriptedServer.cut(200_000, 100_000),
                ScriptedServer.unsatisfiable(90_000),
                ScriptedServer.whole(90_000))) {
            Outcome outcome = fetch(shrinking.url("/shrinks.bin"), "shrinks.bin");

            assertThat(outcome.outcome()).isEqualTo(Outcome.DOWNLOADED);
            assertThat(outcome.attempts()).isEqualTo(3);
            assertThat(shrinking.ranges).containsExactly("", "bytes=100000-", "");
            assertThat(Files.size(folders.output.resolve("shrinks.bin"))).isEqualTo(90_000);
            assertThat(outputFiles()).containsExactly("shrinks.bin");
        }
    }

    @Test
    void a429WithRetryAfterPausesTheHostThenTriesAgain() throws Exception {
        Outcome outcome = fetch(server.url("/flaky/e/1/429?retry_after=1&size=100&seed=5"), "e.bin");

        assertThat(outcome.outcome()).isEqualTo(Outcome.DOWNLOADED);
        assertThat(outcome.attempts()).isEqualTo(2);
        assertThat(passes.getReceivedCounter()).isEqualTo(2);
        List<TestServer.Request> requests = server.requests("/flaky/e/");
        assertThat(requests).hasSize(2);
        // the host was silent for the second the server asked for (a lower bound: never an upper one)
        assertThat(requests.get(1).startNanos() - requests.get(0).respondedNanos())
                .isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(1000));
    }

    @Test
    void aConnectionResetMidBodyOnTheLastAttemptIsAFailedOutcomeWithNothingUnderTheName() throws Exception {
        Outcome outcome = fetch(server.url("/truncate/f/3?size=100000&seed=6"), "f.bin");

        assertThat(outcome.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(outcome.attempts()).isEqualTo(3);
        assertThat(outcome.error()).isEqualTo("truncated");
        assertThat(outcome.errorDetail()).isNotBlank();
        assertThat(passes.getReceivedCounter()).isEqualTo(3);
        assertThat(folders.output.resolve("f.bin")).doesNotExist();
    }

    @Test
    void anErrorStatusIsAFailedOutcomeAfterItsRetries() throws Exception {
        Outcome outcome = fetch(server.url("/status/404"), "g.bin");

        assertThat(outcome.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(outcome.error()).isEqualTo("http_404");
        // a 404 is not retried
        assertThat(passes.getReceivedCounter()).isEqualTo(1);
        assertThat(outputFiles()).isEmpty();
    }

    /** Hands one task to the scheduler's endpoint, as the feed route does, and returns its one outcome. */
    private Outcome fetch(String url, String file) throws InterruptedException {
        outcomes.expectedMessageCount(1);
        UrlEntry entry = new UrlEntry(1, url, null, null, null, null, null, null);
        template.sendBody(
                "hosts:fetch",
                new FetchTask(BATCH, entry, file, ParsedUrl.parse(url).hostKey()));
        outcomes.assertIsSatisfied(20_000);
        return outcomes.getReceivedExchanges().get(0).getMessage().getBody(Outcome.class);
    }

    /** The output folder's files, hidden temporary ones included. */
    private List<String> outputFiles() throws IOException {
        try (Stream<Path> files = Files.walk(folders.output)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> folders.output.relativize(p).toString())
                    .toList();
        }
    }

    /** A server that answers its requests from a script, one response each, and records their Range. */
    private static final class ScriptedServer implements AutoCloseable {
        interface Response {
            void send(com.sun.net.httpserver.HttpExchange exchange) throws IOException;
        }

        final List<String> ranges = Collections.synchronizedList(new ArrayList<>());
        private final HttpServer http;

        ScriptedServer(Response... script) throws IOException {
            http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
            List<Response> left = Collections.synchronizedList(new ArrayList<>(List.of(script)));
            http.createContext("/", exchange -> {
                String range = exchange.getRequestHeaders().getFirst("Range");
                ranges.add(range == null ? "" : range);
                Response next = left.isEmpty() ? e -> e.sendResponseHeaders(500, -1) : left.remove(0);
                try {
                    next.send(exchange);
                } finally {
                    exchange.close();
                }
            });
            http.start();
        }

        String url(String path) {
            return "http://127.0.0.1:" + http.getAddress().getPort() + path;
        }

        /** 200 announcing {@code announced} bytes, of which {@code sent} come before the connection drops. */
        static Response cut(int announced, int sent) {
            return exchange -> {
                exchange.getResponseHeaders().set("ETag", "\"v1\"");
                exchange.getResponseHeaders().set("Accept-Ranges", "bytes");
                exchange.sendResponseHeaders(200, announced);
                OutputStream body = exchange.getResponseBody();
                body.write(new byte[sent]);
                body.flush();
                // closing the exchange short of its length drops the connection
            };
        }

        static Response unsatisfiable(int size) {
            return exchange -> {
                exchange.getResponseHeaders().set("Content-Range", "bytes */" + size);
                exchange.sendResponseHeaders(416, -1);
            };
        }

        static Response whole(int size) {
            return exchange -> {
                exchange.getResponseHeaders().set("ETag", "\"v2\"");
                exchange.sendResponseHeaders(200, size);
                exchange.getResponseBody().write(new byte[size]);
            };
        }

        @Override
        public void close() {
            http.stop(0);
        }
    }
}
