package io.fetchbox.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An HTTP/1.1 server on 127.0.0.1 and a free port that sends a response header exactly as the
 * bytes a test gives, for headers that {@link TestServer}'s JDK {@code HttpServer} cannot send (it
 * writes each character of a header as one byte, so raw UTF-8 cannot pass through it). Every
 * response is 200 with a short generated body, and closes its connection.
 *
 * <pre>{@code
 * try (RawHeaderServer server = RawHeaderServer.start()) {
 *     String url = server.serve("/x", headerLine.getBytes(StandardCharsets.UTF_8)); // sent byte for byte
 * }
 * }</pre>
 */
public final class RawHeaderServer implements AutoCloseable {
    private static final int MAX_HEAD = 16 * 1024;
    private static final byte[] BODY = "raw header server\n".getBytes(StandardCharsets.US_ASCII);

    private final ServerSocket listener;
    private final Map<String, byte[]> headers = new ConcurrentHashMap<>();

    private RawHeaderServer(ServerSocket listener) {
        this.listener = listener;
    }

    public static RawHeaderServer start() {
        try {
            ServerSocket listener = new ServerSocket(0, 50, InetAddress.getByAddress(new byte[] {127, 0, 0, 1}));
            RawHeaderServer server = new RawHeaderServer(listener);
            Thread acceptor = new Thread(server::acceptUntilClosed, "raw-header-server");
            acceptor.setDaemon(true);
            acceptor.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Answers {@code path} with this header line (no CRLF) as given; returns the URL. */
    public String serve(String path, byte[] headerLine) {
        headers.put(path, headerLine.clone());
        return "http://127.0.0.1:" + listener.getLocalPort() + path;
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
                Thread handler = new Thread(() -> answer(connection), "raw-header-server-connection");
                handler.setDaemon(true);
                handler.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void answer(Socket connection) {
        try (Socket socket = connection) {
            socket.setSoTimeout(10_000);
            String path = requestPath(socket.getInputStream());
            byte[] header = headers.get(path);
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            if (header == null) {
                response.writeBytes(ascii("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"));
            } else {
                response.writeBytes(ascii("HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\n"
                        + "Content-Length: " + BODY.length + "\r\nConnection: close\r\n"));
                response.writeBytes(header);
                response.writeBytes(ascii("\r\n\r\n"));
                response.writeBytes(BODY);
            }
            OutputStream out = socket.getOutputStream();
            response.writeTo(out);
            out.flush();
        } catch (IOException e) {
            // the client went away: nothing to answer
        }
    }

    /** The path of the request line (query dropped), after reading the whole request head. */
    private static String requestPath(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
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
        String target = parts.length > 1 ? parts[1] : "/";
        int query = target.indexOf('?');
        return query < 0 ? target : target.substring(0, query);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
