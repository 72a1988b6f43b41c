package io.fetchbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.fetchbox.testing.TestServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The folder lock in the service's start-up: taken before anything is read, released when the service
 * stops (it.SecondInstanceIT tries it across processes).
 */
class FolderLockTest {
    @TempDir
    Path dir;

    @Test
    void aOneShotRunOnTheFoldersOfARunningServiceExitsTwoUntilTheServiceStops() throws Exception {
        Workspace ws = new Workspace(dir);
        try (TestServer server = TestServer.start()) {
            try (ServiceRun service = new ServiceRun(ws.args())) {
                assertThat(ws.once()).as("exit code of a second instance").isEqualTo(2);
            }
            ws.drop("after.txt", server.url("/f/a.bin?size=10&seed=1") + "\n");
            assertThat(ws.once()).as("exit code once the service has stopped").isZero();
            assertThat(ws.report("after")).hasSize(1);
        }
    }
}
