package io.fetchbox.testing;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One exchange as the endpoints see it: query options, response helpers, and interruptible waits. */
final class Call {

    /** No wait in a handler lasts longer, so a test that forgets a client cannot hang the build. */
    static final long MAX_WAIT_MS = 60_000;

    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    private static final int CHUNK = 64 << 10;

    final TestServer server;
    final HttpExchange exchange;
    final TestServer.Request request;
    private final Map<String, String> query = new HashMap<>();
    private OutputStream body;

    Call(TestServer server, HttpExchange exchange, TestServer.Request request) {
        this.server = server;
        this.exchange = exchange;
        this.request = request;
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                String k = eq < 0 ? pair : pair.substring(0, eq);
                String v = eq < 0 ? "" : pair.substring(eq + 1);
                query.putIfAbsent(decode(k), decode(v));
            }
        }
    }

    /** Decoded path, e.g. {@code /f/a b.bin}. */
    String path() {
        return exchange.getRequestURI().getPath();
    }

    String param(String name, String otherwise) {
        return query.getOrDefault(name, otherwise);
    }

    long longParam(String name, long otherwise) {
        String v = query.get(name);
        return v == null || v.isEmpty() ? otherwise : Long.parseLong(v);
    }

    /** {@code name=1} (or {@code =true}). */
    boolean flag(String name) {
        String v = query.get(name);
        return "1".equals(v) || "true".equalsIgnoreCase(v);
    }

    String header(String name) {
        return exchange.getRequestHeaders().getFirst(name);
    }

    boolean isHead() {
        return "HEAD".equalsIgnoreCase(exchange.getRequestMethod());
    }

    Headers headers() {
        return exchange.getResponseHeaders();
    }

    /**
     * Sends the status line and headers for a body of {@code length} bytes ({@code -1}: no body). For HEAD
     * the Content-Length is still announced: the JDK server only does so when a body follows.
     */
    void send(int status, long length) throws IOException {
        request.status = status;
        // before a byte of the response leaves: the client cannot have seen it earlier
        request.respondedNanos = System.nanoTime();
        if (length >= 0 && isHead()) {
            headers().set("Content-Length", Long.toString(length));
            exchange.sendResponseHeaders(status, -1);
        } else {
            exchange.sendResponseHeaders(status, length <= 0 ? -1 : length); // 0 would mean chunked
        }
    }

    /** The response body stream, counting into {@link TestServer.Request#bodyBytes()}; after {@link #send}. */
    OutputStream body() {
        if (body == null) {
            body = new FilterOutputStream(exchange.getResponseBody()) {
                @Override
                public void write(int b) throws IOException {
                    out.write(b);
                    request.bodyBytes++; // one handler thread per request: no lost updates
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len); // not FilterOutputStream's byte by byte
                    request.bodyBytes += len;
                }
            };
        }
        return body;
    }

    /** A small text/plain response. */
    void text(int status, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        headers().set("Content-Type", "text/plain; charset=utf-8");
        send(status, bytes.length);
        if (!isHead()) {
            body().write(bytes);
        }
    }

    /** Sends {@code length} bytes of {@code body}; with {@code pauseMs}, half, then a pause, then the rest. */
    void sendBody(int status, InputStream content, long length, long pauseMs) throws IOException {
        send(status, length);
        if (isHead()) {
            return;
        }
        OutputStream out = body();
        long first = pauseMs > 0 ? length / 2 : length;
        copy(content, first, out);
        if (pauseMs > 0) {
            out.flush();
            if (hold(pauseMs)) {
                copy(content, length - first, out);
            }
        }
    }

    /** Writes {@code length} bytes from {@code body}, stopping if the server closes. */
    void copy(InputStream content, long length, OutputStream out) throws IOException {
        byte[] buf = new byte[CHUNK];
        for (long left = length; left > 0 && !server.isClosed(); ) {
            int n = content.read(buf, 0, (int) Math.min(buf.length, left));
            if (n < 0) {
                return;
            }
            out.write(buf, 0, n);
            left -= n;
        }
    }

    /**
     * Holds the request for up to {@code ms} (at most {@link #MAX_WAIT_MS}). Returns true when the time is
     * up; false, early, if the server closes or the client hangs up (which is recorded).
     */
    boolean hold(long ms) {
        return holdNanos(TimeUnit.MILLISECONDS.toNanos(Math.min(ms, MAX_WAIT_MS)));
    }

    /** {@link #hold} in nanoseconds, unbounded: callers bound it. */
    boolean holdNanos(long nanos) {
        long deadline = System.nanoTime() + nanos;
        for (long left; (left = deadline - System.nanoTime()) > 0; ) {
            if (server.awaitClose(Math.min(left, POLL_NANOS))) {
                return false;
            }
            if (ClientProbe.gone(
                    exchange.getLocalAddress().getPort(),
                    exchange.getRemoteAddress().getPort())) {
                request.clientClosed = true;
                return false;
            }
        }
        return true;
    }

    /** Answers with {@code status} if nothing was sent yet (after a bug in a handler). */
    void tryFail(int status) {
        if (request.status == 0) {
            try {
                text(status, "test server error\n");
            } catch (IOException | RuntimeException e) {
                // the client is gone or headers went out: nothing more to say
            }
        }
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
