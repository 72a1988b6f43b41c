package io.fetchbox.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP/1.1 server on 127.0.0.1 and a free port that keeps connections alive, as real servers do,
 * and closes a connection that stays idle for longer than its idle time without sending anything
 * (Apache's {@code KeepAliveTimeout}). Every answer is 200 with a body of {@code ?size=} bytes.
 *
 * <ul>
 *   <li>{@code /fail/<key>/<n>}: the first n requests for key are read and their connection closed
 *       without a byte of answer, whatever connection they come on;
 *   <li>{@code /partial/<key>/<n>}: the same, after the first bytes of a status line;
 *   <li>{@code ?delay=<ms>}: the answer waits that long;
 *   <li>{@link #dropRequestsOnReusedConnections()}: every request after the first on a connection is
 *       read and its connection closed without a byte of answer, as when a server closes an idle
 *       connection at the moment the client sends on it.
 * </ul>
 */
public final class KeepAliveServer implements AutoCloseable {
    private static final int MAX_HEAD = 16 * 1024;

    private final ServerSocket listener;
    private final int idleMillis;
    private volatile boolean dropReused;
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger answered = new AtomicInteger();
    private final AtomicInteger dropped = new AtomicInteger();
    private final AtomicInteger idleCloses = new AtomicInteger();
    private final Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();

    private KeepAliveServer(ServerSocket listener, int idleMillis) {
        this.listener = listener;
        this.idleMillis = idleMillis;
    }

    /** A server that closes a connection idle for {@code idle}. */
    public static KeepAliveServer start(Duration idle) {
        try {
            ServerSocket listener = new ServerSocket(0, 50, InetAddress.getByAddress(new byte[] {127, 0, 0, 1}));
            KeepAliveServer server = new KeepAliveServer(listener, (int) idle.toMillis());
            Thread acceptor = new Thread(server::acceptUntilClosed, "keep-alive-server");
            acceptor.setDaemon(true);
            acceptor.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public KeepAliveServer dropRequestsOnReusedConnections() {
        dropReused = true;
        return this;
    }

    public String url(String pathAndQuery) {
        return "http://127.0.0.1:" + listener.getLocalPort() + pathAndQuery;
    }

    /** Connections accepted. */
    public int connections() {
        return connections.get();
    }

    /** Connections open now (closed by either side once this server has seen the close). */
    public int openConnections() {
        return open.get();
    }

    /** Requests answered. */
    public int answered() {
        return answered.get();
    }

    /** Requests read and not answered (the connection closed instead). */
    public int dropped() {
        return dropped.get();
    }

    /** Connections closed by this server after staying idle. */
    public int idleCloses() {
        return idleCloses.get();
    }

    /** Requests whose path starts with {@code prefix}, answered or not. */
    public int requests(String prefix) {
        return seen.entrySet().stream()
                .filter(e -> e.getKey().startsWith(prefix))
                .mapToInt(e -> e.getValue().get())
                .sum();
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    private void acceptUntilClosed() {
        while (!listener.isClosed()) {
            try {
                Socket connection = listener.accept();
                connections.incrementAndGet();
                open.incrementAndGet();
                Thread handler = new Thread(() -> serve(connection), "keep-alive-server-connection");
                handler.setDaemon(true);
                handler.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket connection) {
        try (Socket socket = connection) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            for (int onConnection = 1; onConnection < 10_000; onConnection++) {
                socket.setSoTimeout(idleMillis);
                int first;
                try {
                    first = in.read();
                } catch (SocketTimeoutException idle) {
                    idleCloses.incrementAndGet();
                    return;
                }
                if (first < 0) {
                    return;
                }
                socket.setSoTimeout(10_000);
                String target = requestTarget(first, in);
                String path = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
                seen.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
                if ((dropReused && onConnection > 1) || failsNow("fail", path)) {
                    dropped.incrementAndGet();
                    return;
                }
                if (failsNow("partial", path)) {
                    out.write("HTTP/1.1 2".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    dropped.incrementAndGet();
                    return;
                }
                int delay = param(target, "delay", 0);
                if (delay > 0) {
                    Thread.sleep(delay);
                }
                answered.incrementAndGet(); // before the client can see the answer
                byte[] body = new byte[param(target, "size", 10)];
                Arrays.fill(body, (byte) 'k');
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: " + body.length
                                + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.write(body);
                out.flush();
            }
        } catch (IOException e) {
            // the client went away
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            open.decrementAndGet();
        }
    }

    private boolean failsNow(String kind, String path) {
        String[] parts = path.split("/");
        if (parts.length != 4 || !parts[1].equals(kind)) {
            return false;
        }
        int times = Integer.parseInt(parts[3]);
        return failures.computeIfAbsent(kind + "/" + parts[2], k -> new AtomicInteger())
                        .incrementAndGet()
                <= times;
    }

    private static int param(String target, String name, int absent) {
        int at = target.indexOf(name + "=");
        if (at < 0) {
            return absent;
        }
        String rest = target.substring(at + name.length() + 1);
        int end = rest.indexOf('&');
        return Integer.parseInt(end < 0 ? rest : rest.substring(0, end));
    }

    /** The request target, after reading the whole request head (a GET has no body). */
    private static String requestTarget(int first, InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        head.write(first);
        int matched = first == '\r' ? 1 : 0;
        while (matched < 4 && head.size() < MAX_HEAD) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the request head ended early");
            }
            head.write(b);
            matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String requestLine =
                head.toString(StandardCharsets.ISO_8859_1).lines().findFirst().orElse("");
        String[] parts = requestLine.split(" ");
        return parts.length > 1 ? parts[1] : "/";
    }
}
