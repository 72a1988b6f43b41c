package io.fetchbox.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Files that are not regular files, as a careless neighbour leaves them in an inbox. */
public final class SpecialFiles {
    private SpecialFiles() {}

    /** A FIFO made with {@code mkfifo}; the test is skipped where there is no mkfifo. */
    public static Path fifo(Path path) {
        try {
            Process mkfifo = new ProcessBuilder("mkfifo", path.toString())
                    .redirectErrorStream(true)
                    .start();
            assumeTrue(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "mkfifo works here");
            return path;
        } catch (IOException e) {
            assumeTrue(false, "no mkfifo here: " + e);
            return path;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A UNIX domain socket file, bound and closed (the file stays). */
    public static Path socket(Path path) {
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(path));
            return path;
        } catch (IOException | UnsupportedOperationException e) {
            assumeTrue(false, "no UNIX domain sockets here: " + e);
            return path;
        }
    }

    public static Path symlink(Path link, Path target) {
        try {
            return Files.createSymbolicLink(link, target);
        } catch (IOException | UnsupportedOperationException e) {
            assumeTrue(false, "no symbolic links here: " + e);
            return link;
        }
    }

    /**
     * Lets a reader blocked in opening {@code fifo} go (with an empty stream), from a daemon thread so
     * that nothing waits if no one reads it: for clean-up after a test that found fetchbox opening one.
     */
    public static void releaseReaders(Path fifo) {
        Thread writer = new Thread(
                () -> {
                    try (OutputStream out = Files.newOutputStream(fifo)) {
                        out.flush();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                },
                "fifo-release");
        writer.setDaemon(true);
        writer.start();
    }
}
