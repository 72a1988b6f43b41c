package io.fetchbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slow and vanishing clients of {@code POST /api/batches} (README, "The API"), over raw sockets on
 * loopback against the service in this JVM: a few uploads at a time, the rest refused with 503 and
 * Retry-After before any body byte is read; the page, the API, health and metrics keep answering
 * within a second; an upload below the minimum rate is refused; a dropped upload leaves no
 * temporary file behind, long before the idle timeout.
 */
class UploadLimitsTest {
    private static final int SLOW_CLIENTS = 30;
    private static final int DECLARED = 100;
    /** 100 bytes of comments: a list without URLs, so nothing is fetched when an upload completes. */
    private static final byte[] BODY = ("#" + "x".repeat(DECLARED - 2) + "\n").getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dir;

    @Test
    void thirtySlowUploadsLeaveThePageTheApiHealthAndMetricsAnsweringWithinASecond() throws Exception {
        Workspace ws = new Workspace(dir);
        int port = WebClient.freePort();
        List<Socket> sockets = new ArrayList<>();
        try (ServiceRun service = new ServiceRun(ws.args("--fetchbox.http-port=" + port))) {
            for (int i = 0; i < SLOW_CLIENTS; i++) {
                Socket socket = startUpload(port, "slow" + i + ".txt", DECLARED);
                sockets.add(socket);
                send(socket, BODY, 0, 4);
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> temporaryFiles(ws).size() >= 1);

            HttpClient quick = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(1))
                    .build();
            for (String path :
                    List.of("/observe/health/live", "/observe/health", "/observe/metrics", "/api/batches", "/")) {
                HttpResponse<String> answer = quick.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                .timeout(Duration.ofSeconds(1))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(answer.statusCode()).as(path).isEqualTo(200);
            }

            // the rest of every body: the admitted uploads complete, the refused ones had their answer
            for (Socket socket : sockets) {
                send(socket, BODY, 4, DECLARED - 4);
            }
            List<String> heads = new ArrayList<>();
            for (Socket socket : sockets) {
                heads.add(readHead(socket));
            }
            List<String> busy = heads.stream()
                    .filter(head -> head.startsWith("HTTP/1.1 503"))
                    .toList();
            assertThat(heads).allMatch(head -> head.startsWith("HTTP/1.1 503") || head.startsWith("HTTP/1.1 202"));
            assertThat(busy).hasSizeGreaterThanOrEqualTo(SLOW_CLIENTS - 4);
            assertThat(busy).allMatch(head -> head.toLowerCase().contains("\r\nretry-after: "));
            await().atMost(Duration.ofSeconds(2)).until(() -> temporaryFiles(ws).isEmpty());

            // every slot is given back once its upload is answered
            WebClient http = new WebClient(port);
            await().atMost(Duration.ofSeconds(2))
                    .until(() -> http.post("/api/batches?name=after.txt", "# nothing to fetch\n")
                                    .statusCode()
                            == 202);
        } finally {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
    }

    @Test
    void droppedUploadsLeaveNoTemporaryFileBehind() throws Exception {
        Workspace ws = new Workspace(dir);
        int port = WebClient.freePort();
        try (ServiceRun service = new ServiceRun(ws.args("--fetchbox.http-port=" + port))) {
            List<Socket> sockets = new ArrayList<>();
            for (int i = 0; i < SLOW_CLIENTS; i++) {
                Socket socket = startUpload(port, "dropped" + i + ".txt", DECLARED);
                sockets.add(socket);
                send(socket, BODY, 0, 4);
            }
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> !temporaryFiles(ws).isEmpty());

            for (Socket socket : sockets) {
                socket.close();
            }

            // the read timeout (fetchbox.read-timeout, 30 s) is far away: each close itself is noticed,
            // also by an upload that was still waiting for a worker thread when its client left
            await().atMost(Duration.ofSeconds(3)).during(Duration.ofSeconds(1)).until(() -> temporaryFiles(ws)
                    .isEmpty());
            assertThat(ws.inbox.resolve("dropped0.txt")).doesNotExist();
        }
    }

    @Test
    void anUploadBelowTheMinimumRateIsRefusedAndItsTemporaryFileRemoved() throws Exception {
        Workspace ws = new Workspace(dir);
        int port = WebClient.freePort();
        ScheduledExecutorService drip = Executors.newSingleThreadScheduledExecutor();
        try (ServiceRun service = new ServiceRun(ws.args("--fetchbox.http-port=" + port));
                Socket socket = startUpload(port, "trickle.txt", 100_000)) {
            byte[] comment = "#".repeat(100).getBytes(StandardCharsets.US_ASCII);
            send(socket, comment, 0, 4);
            // one byte every 200 ms (5 bytes/s, far below 1 KiB/s), for at most 30 s: never silent
            // long enough for the idle timeout, so only the rate can refuse it
            drip.scheduleAtFixedRate(
                    () -> {
                        try {
                            send(socket, comment, 0, 1);
                        } catch (UncheckedIOException closed) {
                            drip.shutdown();
                        }
                    },
                    200,
                    200,
                    TimeUnit.MILLISECONDS);
            drip.schedule(drip::shutdown, 30, TimeUnit.SECONDS);
            socket.setSoTimeout(20_000);

            String head = readHead(socket);

            assertThat(head).startsWith("HTTP/1.1 408");
            await().atMost(Duration.ofSeconds(2)).until(() -> temporaryFiles(ws).isEmpty());
            assertThat(ws.inbox.resolve("trickle.txt")).doesNotExist();
        } finally {
            drip.shutdownNow();
        }
    }

    /** Sends the request head of an upload of {@code declared} bytes; the body is up to the test. */
    private static Socket startUpload(int port, String name, int declared) throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(10_000);
        String head = "POST /api/batches?name=" + name + " HTTP/1.1\r\n"
                + "Host: 127.0.0.1\r\n"
                + "Content-Type: text/plain\r\n"
                + "Content-Length: " + declared + "\r\n\r\n";
        OutputStream out = socket.getOutputStream();
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    private static void send(Socket socket, byte[] bytes, int offset, int length) {
        try {
            OutputStream out = socket.getOutputStream();
            out.write(bytes, offset, length);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The status line and headers, up to the blank line. */
    private static String readHead(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the connection closed in the response head: " + head);
            }
            head.append((char) b);
        }
        return head.toString();
    }

    private static List<Path> temporaryFiles(Workspace ws) throws IOException {
        try (Stream<Path> files = Files.list(ws.inbox)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".upload.tmp"))
                    .toList();
        }
    }
}
