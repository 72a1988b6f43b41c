package io.fetchbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.fetchbox.testing.TestServer;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The running service: lists dropped while it runs become batches, one report route exchange per line. */
class ServiceModeTest {
    @TempDir
    Path dir;

    @Test
    void listsDroppedWhileRunningAreDownloadedAndReported() throws Exception {
        Workspace ws = new Workspace(dir);
        try (TestServer server = TestServer.start();
                ServiceRun service = new ServiceRun(ws.args())) {
            // 3 outcomes + 1 "list read to its end" per list of 3 URLs, on the report route
            NotifyBuilder twoLists = new NotifyBuilder(service.context())
                    .fromRoute("report")
                    .whenCompleted(8)
                    .create();
            ws.drop("one.txt", urls(server, "a", 3));
            ws.drop("two.csv", "url\n" + urls(server, "b", 3));

            assertThat(twoLists.matches(20, TimeUnit.SECONDS)).isTrue();
            assertThat(ws.outputFiles())
                    .containsExactlyInAnyOrder(
                            "one/a0.bin", "one/a1.bin", "one/a2.bin", "two/b0.bin", "two/b1.bin", "two/b2.bin");
            assertThat(ws.report("one")).hasSize(3);
            assertThat(ws.report("two")).hasSize(3);
            assertThat(ws.hasSummary("one")).isTrue();
            assertThat(ws.hasSummary("two")).isTrue();
        }
    }

    private static String urls(TestServer server, String prefix, int count) {
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < count; i++) {
            list.append(server.url("/f/" + prefix + i + ".bin?size=100&seed=" + i))
                    .append('\n');
        }
        return list.toString();
    }
}
