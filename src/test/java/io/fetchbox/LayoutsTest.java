package io.fetchbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.fetchbox.testing.TestServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** fetchbox.layout: batch (with dir= and out=), flat and mirror. */
class LayoutsTest {
    @TempDir
    Path dir;

    @Test
    void batchLayoutHonoursDirAndOut() {
        try (TestServer server = TestServer.start()) {
            Workspace ws = new Workspace(dir);
            ws.drop(
                    "pics.txt",
                    server.url("/f/a.bin?size=10&seed=1") + "\n  dir=sub/deeper\n  out=renamed.dat\n"
                            + server.url("/f/b.bin?size=10&seed=2") + "\n  dir=../../escape\n");

            assertThat(ws.once()).isEqualTo(0);

            assertThat(ws.outputFiles()).containsExactly("pics/__/__/escape/b.bin", "pics/sub/deeper/renamed.dat");
        }
    }

    @Test
    void flatLayoutWritesIntoTheOutputFolder() {
        try (TestServer server = TestServer.start()) {
            Workspace ws = new Workspace(dir);
            ws.drop("flat.txt", server.url("/f/a.bin?size=10&seed=1") + "\n");

            assertThat(ws.once("--fetchbox.layout=flat")).isEqualTo(0);

            assertThat(ws.outputFiles()).containsExactly("a.bin");
        }
    }

    @Test
    void mirrorLayoutWritesHostAndPath() {
        try (TestServer server = TestServer.start()) {
            Workspace ws = new Workspace(dir);
            ws.drop("mirror.txt", server.url("/f/a.bin?size=10&seed=1") + "\n" + server.url("/status/200/") + "\n");

            assertThat(ws.once("--fetchbox.layout=mirror")).isEqualTo(0);

            String host = "127.0.0.1+" + server.port();
            assertThat(ws.outputFiles()).containsExactly(host + "/f/a.bin", host + "/status/200/index.html");
        }
    }
}
