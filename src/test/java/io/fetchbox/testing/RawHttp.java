package io.fetchbox.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/** A raw HTTP/1.1 connection: a test sees exactly which bytes come, and decides when the client goes away. */
final class RawHttp {
    private RawHttp() {}

    static Socket get(TestServer to, String pathAndQuery, Map<String, String> headers) throws IOException {
        Socket socket = new Socket("127.0.0.1", to.port());
        socket.setSoTimeout(10_000);
        String extra = headers.entrySet().stream()
                .map(h -> h.getKey() + ": " + h.getValue() + "\r\n")
                .collect(Collectors.joining());
        OutputStream out = socket.getOutputStream();
        out.write(("GET " + pathAndQuery + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extra + "\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    /** The status line and headers, up to the blank line. */
    static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("eof in headers: " + head);
            }
            head.append((char) b);
        }
        return head.toString();
    }
}
