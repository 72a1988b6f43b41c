package io.fetchbox.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP server for tests on 127.0.0.1 and a free port, built on the JDK's {@code HttpServer}. It serves
 * generated bodies and misbehaviours (see {@link Endpoints}) and records every request for assertions.
 *
 * <p>Fault endpoints that fail the first n requests ({@code /flaky/<key>/<n>/<code>},
 * {@code /pause-host/<key>/<seconds>/<name>}, {@code /reset/<key>/<n>}, {@code /truncate/<key>/<n>}) count
 * requests per endpoint and key in the server, so use a fresh key per test or {@link #reset()}.
 *
 * <pre>{@code
 * try (TestServer server = TestServer.start()) {
 *     String url = server.url("/f/a.bin?size=1000&seed=1");
 *     ...
 *     assertThat(server.maxConcurrent("/f/")).isLessThanOrEqualTo(6);
 * }
 * }</pre>
 */
public final class TestServer implements AutoCloseable {

    /** Bounded, so that parallelism is limited by the client under test, not by the server. */
    private static final int DEFAULT_THREADS = 64;

    private static final AtomicInteger SERVERS = new AtomicInteger();

    private final HttpServer http;
    private final ExecutorService pool;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final List<Request> log = Collections.synchronizedList(new ArrayList<>());
    /** Requests seen per fault key ({@code "<endpoint>/<key>"}), for the endpoints that fail the first n. */
    private final ConcurrentMap<String, AtomicInteger> hits = new ConcurrentHashMap<>();

    private TestServer(HttpServer http, ExecutorService pool) {
        this.http = http;
        this.pool = pool;
    }

    public static TestServer start() {
        return start(DEFAULT_THREADS);
    }

    public static TestServer start(int threads) {
        int id = SERVERS.incrementAndGet();
        AtomicInteger thread = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "test-server-" + id + "-" + thread.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            InetAddress loopback = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
            HttpServer http = HttpServer.create(new InetSocketAddress(loopback, 0), 256);
            TestServer server = new TestServer(http, pool);
            http.createContext("/", server::serve);
            http.setExecutor(pool);
            http.start();
            return server;
        } catch (IOException e) {
            pool.shutdownNow();
            throw new IllegalStateException("cannot start the test server", e);
        }
    }

    public int port() {
        return http.getAddress().getPort();
    }

    /** {@code url("/f/a.bin?size=10")} is {@code http://127.0.0.1:<port>/f/a.bin?size=10}. */
    public String url(String pathAndQuery) {
        return "http://127.0.0.1:" + port() + pathAndQuery;
    }

    /** Every request since the start or the last {@link #reset()}, in arrival order, in-flight ones too. */
    public List<Request> requests() {
        synchronized (log) {
            return List.copyOf(log);
        }
    }

    /**
     * The recorded requests whose path (with query) starts with {@code pathPrefix}, in arrival order, e.g.
     * {@code requests("/flaky/a/")} for the attempts of one download; the gaps between their
     * {@link Request#startNanos()} are the client's waits.
     */
    public List<Request> requests(String pathPrefix) {
        return requests().stream().filter(r -> r.path().startsWith(pathPrefix)).toList();
    }

    /** Number of requests whose path (with query) starts with {@code pathPrefix}. */
    public int count(String pathPrefix) {
        return requests(pathPrefix).size();
    }

    /** Peak number of requests being served at once. */
    public int maxConcurrent() {
        return maxConcurrent("");
    }

    /**
     * Peak number of requests starting with {@code pathPrefix} being served at once, each counted from the
     * moment its handler starts until its body is sent or its client is gone (still running: until now).
     */
    public int maxConcurrent(String pathPrefix) {
        List<long[]> events = new ArrayList<>(); // {time, +1 | -1}
        for (Request r : requests()) {
            if (r.path().startsWith(pathPrefix)) {
                events.add(new long[] {r.startNanos(), 1});
                events.add(new long[] {r.inFlight() ? Long.MAX_VALUE : r.endNanos(), -1});
            }
        }
        // an end and a start at the same instant do not overlap: ends first
        events.sort(Comparator.<long[]>comparingLong(e -> e[0]).thenComparingLong(e -> e[1]));
        int now = 0;
        int peak = 0;
        for (long[] e : events) {
            now += (int) e[1];
            peak = Math.max(peak, now);
        }
        return peak;
    }

    /**
     * Forgets the recorded requests (requests in flight go on, unrecorded) and the fault counters, so
     * {@code /flaky/}, {@code /pause-host/}, {@code /reset/} and {@code /truncate/<key>/} fail again.
     */
    public void reset() {
        log.clear();
        hits.clear();
    }

    /** Stops at once: open connections are dropped, waiting handlers are released. */
    @Override
    public void close() {
        closed.countDown();
        http.stop(0);
        pool.shutdownNow();
    }

    /** Counts one more request for {@code key}; returns its number, from 1, in arrival order. */
    int hit(String key) {
        return hits.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    }

    boolean isClosed() {
        return closed.getCount() == 0;
    }

    /** Waits up to {@code nanos}; true if the server is closing. */
    boolean awaitClose(long nanos) {
        try {
            return closed.await(nanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true; // only close() interrupts the pool
        }
    }

    private void serve(HttpExchange exchange) {
        Request request = new Request(exchange);
        log.add(request);
        Call call = new Call(this, exchange, request);
        try {
            Endpoints.route(call);
        } catch (IOException e) {
            // the client went away mid-response: expected in these tests, so recorded, not logged
            if (!isClosed()) {
                request.clientClosed = true;
            }
        } catch (RuntimeException e) {
            System.err.println("TestServer: " + request.method() + " " + request.path() + ": " + e);
            call.tryFail(500);
        } finally {
            exchange.close(); // drops the connection if fewer bytes were sent than announced
            request.endNanos = System.nanoTime();
        }
    }

    /** One recorded request. */
    public static final class Request {
        private final String method;
        private final String path;
        private final Map<String, List<String>> headers;
        private final long startNanos = System.nanoTime();
        volatile long endNanos;
        volatile long respondedNanos;
        volatile int status;
        volatile long bodyBytes;
        volatile boolean clientClosed;

        Request(HttpExchange exchange) {
            this.method = exchange.getRequestMethod();
            String query = exchange.getRequestURI().getRawQuery();
            this.path = exchange.getRequestURI().getRawPath() + (query == null ? "" : "?" + query);
            Map<String, List<String>> lower = new TreeMap<>();
            exchange.getRequestHeaders()
                    .forEach((k, v) -> lower.computeIfAbsent(k.toLowerCase(Locale.ROOT), x -> new ArrayList<>())
                            .addAll(v));
            lower.replaceAll((k, v) -> List.copyOf(v));
            this.headers = Collections.unmodifiableMap(lower);
        }

        public String method() {
            return method;
        }

        /** Raw path with the query, e.g. {@code /f/a.bin?size=10}. */
        public String path() {
            return path;
        }

        /**
         * Request headers, names lower-cased: {@code range}, {@code if-range}, {@code if-none-match},
         * {@code if-modified-since}, {@code authorization}, {@code user-agent}, ...
         */
        public Map<String, List<String>> headers() {
            return headers;
        }

        /** First value of a header (any case), or null. */
        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        public long startNanos() {
            return startNanos;
        }

        /** When the response ended or the client was found gone; 0 while in flight. */
        public long endNanos() {
            return endNanos;
        }

        /**
         * When the status line was about to be sent (0 if none was): taken before the response leaves,
         * so anything the client does on seeing the response (a retry, a pause, its next request on the
         * freed slot) reaches the server after it, however loaded the machine. {@link #endNanos()} is
         * taken after the exchange closed and may come late; use this one for "after the response" orders.
         */
        public long respondedNanos() {
            return respondedNanos;
        }

        public boolean inFlight() {
            return endNanos == 0;
        }

        /** Status sent, 0 if none was sent (e.g. {@code /reset/}, which closes the connection instead). */
        public int status() {
            return status;
        }

        /**
         * Body bytes written to the connection so far (a truncated or abandoned body: fewer than its
         * Content-Length).
         */
        public long bodyBytes() {
            return bodyBytes;
        }

        /** True when the client went away before the response was complete. */
        public boolean clientClosed() {
            return clientClosed;
        }

        @Override
        public String toString() {
            return method + " " + path + " -> " + status + " (" + bodyBytes + " body bytes)"
                    + (clientClosed ? " (client closed)" : "")
                    + (inFlight() ? " (in flight)" : "");
        }
    }
}
