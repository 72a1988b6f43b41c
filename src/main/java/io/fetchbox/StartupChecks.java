package io.fetchbox;

import io.fetchbox.config.Settings;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Start-up mistakes found before anything is created (README, "Configuration"): each is one line naming the key to
 * change and the reason, and start-up stops with exit code 2. The folder checks leave nothing behind (a probe file is
 * created and deleted at once); the port is bound and released at once.
 */
final class StartupChecks {

    private StartupChecks() {}

    /**
     * Each of inbox, output and reports is a folder, or can become one (every part of its path that exists is a
     * folder), and a file can be created in it (in the nearest part that exists, where fetchbox would create it).
     */
    static List<String> folders(Settings settings) {
        List<String> problems = new ArrayList<>();
        folder("fetchbox.inbox", settings.inbox(), settings.inboxPath()).ifPresent(problems::add);
        folder("fetchbox.output", settings.output(), settings.outputPath()).ifPresent(problems::add);
        folder("fetchbox.reports", settings.reports(), settings.reportsPath()).ifPresent(problems::add);
        return problems;
    }

    static Optional<String> folder(String key, String given, Path path) {
        String named = key + "=" + given + (given.equals(path.toString()) ? "" : " (" + path + ")");
        Path existing = path;
        while (existing != null && !Files.exists(existing)) {
            if (Files.isSymbolicLink(existing)) {
                return Optional.of(named + " cannot be a folder: " + existing + " is a broken link");
            }
            existing = existing.getParent();
        }
        if (existing == null) {
            return Optional.of(named + " cannot be a folder: no part of it exists");
        }
        if (!Files.isDirectory(existing)) {
            String what = Files.isRegularFile(existing) ? "a file" : "not a folder";
            return Optional.of(
                    named + " cannot be a folder: " + (existing.equals(path) ? "it" : existing) + " is " + what);
        }
        try {
            Path probe = Files.createTempFile(existing, ".fetchbox-probe-", ".tmp");
            Files.deleteIfExists(probe);
        } catch (IOException e) {
            return Optional.of(named + " is not writable: cannot create a file in " + existing + ": " + reason(e));
        }
        return Optional.empty();
    }

    /**
     * The HTTP server's port can be bound on its host (Vert.x binds with SO_REUSEADDR too, so a port in TIME_WAIT
     * passes as it would there).
     */
    static Optional<String> port(Settings settings) {
        int port = settings.httpServerPort();
        if (port == 0) {
            return Optional.empty();
        }
        String where = settings.httpHost() + ":" + port;
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(settings.httpHost(), port));
            return Optional.empty();
        } catch (IOException | SecurityException e) {
            return Optional.of(cannotListen(where, port, reason(e)));
        }
    }

    /** True when a lock file of an earlier (or running) fetchbox is in the reports folder or the inbox. */
    static boolean usedBefore(Settings settings) {
        return Files.exists(settings.reportsPath().resolve(".state").resolve("fetchbox.lock"))
                || Files.exists(settings.inboxPath().resolve(".fetchbox.lock"));
    }

    /** The one line for an HTTP port that cannot be listened on, before Camel starts or during its start. */
    static String cannotListen(String where, int port, String reason) {
        return "cannot listen on " + where + " (fetchbox.http-port=" + port + "): " + reason
                + "; stop what uses it or choose another port with --fetchbox.http-port=<port> (0 = no HTTP server)";
    }

    static String reason(Exception e) {
        if (e instanceof AccessDeniedException) {
            return "Permission denied";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
