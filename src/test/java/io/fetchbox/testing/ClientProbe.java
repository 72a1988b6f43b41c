package io.fetchbox.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Tells whether a client has hung up, without reading from or writing to its connection.
 *
 * <p>Why: {@code com.sun.net.httpserver} gives a handler no socket, and for a request without a body it
 * never reads the socket again, so a handler that is deliberately silent (a stall, a delay) cannot see the
 * client go away. The Linux TCP table can: the server's end of the connection leaves ESTABLISHED (to
 * CLOSE_WAIT) when the client closes, and disappears when the client resets it. Where the table cannot be
 * read the answer is "still there", and the handler just waits out its time.
 */
final class ClientProbe {

    private static final List<Path> TABLES = List.of(Path.of("/proc/net/tcp"), Path.of("/proc/net/tcp6"));
    private static final String ESTABLISHED = "01";

    private ClientProbe() {}

    /** True when the connection from {@code clientPort} to {@code serverPort} is no longer established. */
    static boolean gone(int serverPort, int clientPort) {
        boolean readAny = false;
        for (Path table : TABLES) {
            // "  sl  local_address rem_address   st ...", addresses as HEXIP:HEXPORT; read as a stream and
            // left early, as the table can be long after a big test (TIME_WAIT entries)
            try (BufferedReader in = Files.newBufferedReader(table)) {
                readAny = true;
                in.readLine(); // the column titles
                for (String line; (line = in.readLine()) != null; ) {
                    String[] f = line.trim().split("\\s+");
                    if (f.length > 3 && port(f[1]) == serverPort && port(f[2]) == clientPort) {
                        return !ESTABLISHED.equals(f[3]);
                    }
                }
            } catch (IOException | SecurityException e) {
                // no such table here: try the next
            }
        }
        return readAny; // readable but not listed: reset and removed by the kernel
    }

    private static int port(String address) {
        return Integer.parseInt(address.substring(address.indexOf(':') + 1), 16);
    }
}
