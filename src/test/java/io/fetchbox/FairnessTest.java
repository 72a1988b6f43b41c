package io.fetchbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fetchbox.testing.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Batches share the download slots: a short list is not stuck behind a long one (README, "The inbox"). */
class FairnessTest {
    @TempDir
    Path dir;

    @Test
    void aShortListDroppedDuringALongOneFinishesFirst() throws Exception {
        Workspace ws = new Workspace(dir);
        try (TestServer server = TestServer.start();
                ServiceRun service = new ServiceRun(ws.args("--fetchbox.per-host=4"))) {
            ws.drop("long.txt", urls(server, "long", 1500));
            await().atMost(Duration.ofSeconds(20)).until(() -> ws.report("long").size() >= 50);
            ws.drop("short.txt", urls(server, "short", 10));

            await().atMost(Duration.ofSeconds(60)).until(() -> ws.hasSummary("short"));

            assertThat(ws.hasSummary("long")).isFalse();
            assertThat(ws.report("long").size()).isLessThan(1500 / 2);
        }
    }

    @Test
    void twoLongListsProgressAtSimilarRates() throws Exception {
        Workspace ws = new Workspace(dir);
        try (TestServer server = TestServer.start();
                ServiceRun service = new ServiceRun(ws.args("--fetchbox.per-host=4"))) {
            ws.drop("first.txt", urls(server, "first", 800));
            ws.drop("second.txt", urls(server, "second", 800));

            await().atMost(Duration.ofSeconds(60))
                    .until(() -> ws.report("first").size() + ws.report("second").size() >= 600);

            int first = ws.report("first").size();
            int second = ws.report("second").size();
            assertThat(Math.abs(first - second)).isLessThan((first + second) / 4);
        }
    }

    /** Each response waits 20 ms at the server, so that a list takes a while. */
    private static String urls(TestServer server, String prefix, int count) {
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < count; i++) {
            list.append(server.url("/f/" + prefix + i + ".bin?size=100&seed=" + i + "&delay_ms=20"))
                    .append('\n');
        }
        return list.toString();
    }
}
