package io.fetchbox.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * A webhook for tests, on 127.0.0.1 and a free port (the JDK's {@code HttpServer}): it records every request
 * whole and answers the statuses it was given, in turn, then {@code otherwise} to every later request.
 */
public final class HookReceiver implements AutoCloseable {

    /** One request as received. */
    public record Received(String method, String path, String contentType, String batchHeader, byte[] body) {}

    /** The status that never comes: the request is held until the receiver closes. */
    private static final int NO_ANSWER = -1;

    private final HttpServer http;
    private final Deque<Integer> first;
    private final int otherwise;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch closed = new CountDownLatch(1);

    private HookReceiver(List<Integer> first, int otherwise) {
        this.first = new ArrayDeque<>(first);
        this.otherwise = otherwise;
        try {
            http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        http.createContext("/", this::answer);
        http.start();
    }

    /** Answers 200 to every request. */
    public static HookReceiver ok() {
        return new HookReceiver(List.of(), 200);
    }

    /** Answers {@code first} to the first requests, in turn, then {@code otherwise}. */
    public static HookReceiver answering(List<Integer> first, int otherwise) {
        return new HookReceiver(first, otherwise);
    }

    /** Holds every request unanswered until it closes: a webhook that hangs. */
    public static HookReceiver neverAnswering() {
        return new HookReceiver(List.of(), NO_ANSWER);
    }

    public String url(String path) {
        return "http://127.0.0.1:" + http.getAddress().getPort() + path;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange;
                InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            received.add(new Received(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    exchange.getRequestHeaders().getFirst("fetchboxBatch"),
                    body));
            int status;
            synchronized (first) {
                status = first.isEmpty() ? otherwise : first.poll();
            }
            if (status == NO_ANSWER) {
                closed.await();
                return;
            }
            exchange.sendResponseHeaders(status, -1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed.countDown();
        http.stop(0);
    }
}
