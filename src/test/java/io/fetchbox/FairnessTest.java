package io.fetchbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fetchbox.testing.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Batches share the download slots: a short list is not stuck behind a long one (README, "The inbox"). */
class FairnessTest {
    @TempDir
    Path dir;

    /**
     * In order and counts, as the server saw them (its log is in arrival order), not as a share of a time
     * window: the short list's lines all went out before the long list's last one, and before half the long
     * list had.
     */
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
            List<TestServer.Request> requests = server.requests("/f/");
            List<Integer> shortAt = positions(requests, "/f/short");
            assertThat(shortAt).hasSize(10);
            long longBeforeShortEnded = requests.subList(0, shortAt.get(9)).stream()
                    .filter(r -> r.path().startsWith("/f/long"))
                    .count();
            System.out.printf(
                    "FairnessTest: %d long lines requested before the short list's last, its first at %d%n",
                    longBeforeShortEnded, shortAt.get(0));
            assertThat(longBeforeShortEnded)
                    .as("long lines requested before the short list's last")
                    .isLessThan(1500 / 2);
        }
    }

    /**
     * Counted in the server's arrival order from the first request of whichever list started second (the
     * inbox may take them up a little apart): of the next 300 requests, each list has about half.
     */
    @Test
    void twoLongListsProgressAtSimilarRates() throws Exception {
        Workspace ws = new Workspace(dir);
        try (TestServer server = TestServer.start();
                ServiceRun service = new ServiceRun(ws.args("--fetchbox.per-host=4"))) {
            ws.drop("first.txt", urls(server, "first", 800));
            ws.drop("second.txt", urls(server, "second", 800));

            await().atMost(Duration.ofSeconds(60))
                    .until(() -> bothRunningSince(server.requests("/f/")) + 300
                            <= server.requests("/f/").size());

            List<TestServer.Request> requests = server.requests("/f/");
            int from = bothRunningSince(requests);
            List<TestServer.Request> window = requests.subList(from, from + 300);
            long first =
                    window.stream().filter(r -> r.path().startsWith("/f/first")).count();
            long second = window.stream()
                    .filter(r -> r.path().startsWith("/f/second"))
                    .count();
            System.out.printf("FairnessTest: of 300 requests from %d on, first %d, second %d%n", from, first, second);
            assertThat(first + second).isEqualTo(300);
            assertThat(Math.abs(first - second))
                    .as("first %d, second %d of 300 requests", first, second)
                    .isLessThan(300 / 4);
        }
    }

    /** Where the later of the two lists first reached the server; the size of the log while either has not. */
    private static int bothRunningSince(List<TestServer.Request> requests) {
        List<Integer> first = positions(requests, "/f/first");
        List<Integer> second = positions(requests, "/f/second");
        if (first.isEmpty() || second.isEmpty()) {
            return requests.size();
        }
        return Math.max(first.get(0), second.get(0));
    }

    /** The positions in the server's log (arrival order) of the requests whose path starts so. */
    private static List<Integer> positions(List<TestServer.Request> requests, String prefix) {
        return IntStream.range(0, requests.size())
                .filter(i -> requests.get(i).path().startsWith(prefix))
                .boxed()
                .toList();
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
