package io.fetchbox.it;

import io.fetchbox.testing.TestServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** What every process-level test starts from: a test server and a fresh working folder for the jar. */
abstract class ProcessTest {
    @TempDir
    Path dir;

    TestServer server;
    Folders folders;

    @BeforeEach
    void startServer() {
        server = TestServer.start();
        folders = new Folders(dir);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }
}
