package io.fetchbox.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fetchbox.testing.TestServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * kill -9 in the middle of a batch, then a new start: the batch is resumed and completes with every line
 * reported once, nothing fetched twice that was already reported, and interrupted bodies continued with a
 * {@code Range} request rather than fetched again.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class CrashRecoveryIT extends ProcessTest {
    private static final Duration UNTIL_MID_DOWNLOAD = Duration.ofSeconds(30);
    private static final Duration RESTART_LIMIT = Duration.ofSeconds(60);

    /** What a kill left behind, as seen right after it. */
    private record Crash(
            Map<Integer, JsonNode> reported, Map<TestList.Item, Long> parts, int requestsBefore, String log) {}

    @Test
    void aServiceKilledMidDownloadResumesTheBatchOnTheNextStart() throws IOException {
        TestList list = new TestList(server);
        int fast = 10;
        for (int i = 1; i <= fast; i++) {
            list.fast(String.format("fast%02d.bin", i), 997L * i + 13, i);
        }
        for (int i = 1; i <= 12; i++) {
            list.slow(String.format("slow%02d.bin", i), 300_000, 100 + i, 100_000);
        }
        String text = list.text();
        folders.drop("crash.txt", text);

        Crash crash = killMidDownload(list, "crash", fast, 4, 100_000);

        SoftAssertions afterKill = new SoftAssertions();
        Checks.finalFilesAreWhole(afterKill, folders, "crash", list);
        afterKill
                .assertThat(folders.inbox.resolve(".inprogress/crash.txt"))
                .as("the list in inbox/.inprogress/ after the kill")
                .hasContent(text);
        afterKill
                .assertThat(folders.inbox.resolve("crash.txt"))
                .as("the list back in the inbox")
                .doesNotExist();
        afterKill
                .assertThat(folders.reports.resolve("crash.summary.json"))
                .as("a summary for a batch that did not finish")
                .doesNotExist();
        afterKill
                .assertThat(crash.reported().keySet())
                .as("lines reported before the kill")
                .containsAll(IntStream.rangeClosed(1, fast).boxed().toList());
        afterKill
                .assertThat(crash.parts().values())
                .as(
                        "temporary bodies (.<name>.fetchbox-part) of the downloads cut by the kill: %s",
                        Checks.hiddenFiles(folders.output))
                .anyMatch(size -> size > 0);
        Checks.assertAll(
                afterKill,
                "--- run killed ---\n" + crash.log() + "\nreported before the kill: "
                        + crash.reported().keySet() + "\noutput/ after the kill: " + Folders.tree(folders.output));

        restartAndCheck(list, "crash.txt", text, crash);
    }

    @Test
    void aTornLastJournalLineIsCutAndTheLineReportedOnce() throws IOException {
        TestList list = new TestList(server);
        int fast = 4;
        for (int i = 1; i <= fast; i++) {
            list.fast(String.format("t%02d.bin", i), 1000L * i + 1, i);
        }
        for (int i = 1; i <= 6; i++) {
            list.slow(String.format("tslow%02d.bin", i), 200_000, 200 + i, 100_000);
        }
        String text = list.text();
        folders.drop("torn.txt", text);

        Crash crash = killMidDownload(list, "torn", fast, 2, 50_000);

        TestList.Item victim = list.slowItems().stream()
                .filter(i -> !crash.reported().containsKey(i.line()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("every slow line was reported before the kill: " + crash.log()));
        String whole = "{\"line\":" + victim.line() + ",\"url\":\"" + server.url(victim.path()) + "\",\"file\":\""
                + victim.file("torn") + "\",\"outcome\":\"downloaded\",\"http_status\":200,\"bytes\":"
                + victim.size() + ",\"sha256\":\"" + victim.sha256() + "\"}";
        String half = whole.substring(0, whole.length() / 2);
        Files.writeString(
                folders.reports.resolve("torn.jsonl"), half, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        assertThat(Checks.journalText(folders, "torn")).as("the torn journal").endsWith(half);

        restartAndCheck(list, "torn.txt", text, crash);
    }

    /**
     * Starts the service on the list already in the inbox, waits until lines 1..{@code reportedLines} are in
     * the journal and {@code slowInFlight} slow bodies have sent at least {@code bytesSent} bytes each, then
     * kills it (SIGKILL) and records what it left.
     */
    private Crash killMidDownload(TestList list, String batch, int reportedLines, int slowInFlight, long bytesSent) {
        try (FetchboxProcess fetchbox = FetchboxProcess.in(dir)
                .start("--fetchbox.http-port=0", "--fetchbox.inbox-settle=50ms", "--fetchbox.per-host=4")) {
            Waits.until(
                    fetchbox,
                    server,
                    UNTIL_MID_DOWNLOAD,
                    "lines 1.." + reportedLines + " reported and " + slowInFlight + " slow bodies " + bytesSent
                            + "+ bytes in",
                    () -> Checks.wholeJournalLines(folders, batch)
                                    .keySet()
                                    .containsAll(IntStream.rangeClosed(1, reportedLines)
                                            .boxed()
                                            .toList())
                            && server.requests("/slow/").stream()
                                            .filter(r -> r.inFlight() && r.bodyBytes() >= bytesSent)
                                            .count()
                                    >= slowInFlight);
            fetchbox.kill();
            Map<TestList.Item, Long> parts = new LinkedHashMap<>();
            for (TestList.Item item : list.slowItems()) {
                parts.put(item, Checks.partSize(folders, batch, item));
            }
            return new Crash(
                    Checks.wholeJournalLines(folders, batch),
                    parts,
                    server.requests().size(),
                    fetchbox.describe());
        }
    }

    /** {@code --once} on what the kill left: the batch completes, resumed as a user expects. */
    private void restartAndCheck(TestList list, String listName, String text, Crash crash) {
        String batch = listName.substring(0, listName.lastIndexOf('.'));
        long restarted = System.nanoTime();
        int exit;
        String log;
        try (FetchboxProcess fetchbox =
                FetchboxProcess.in(dir).start("--once", "--fetchbox.inbox-settle=50ms", "--fetchbox.per-host=4")) {
            exit = fetchbox.waitFor(RESTART_LIMIT);
            log = fetchbox.describe();
        }
        List<TestServer.Request> all = server.requests();
        List<TestServer.Request> after = all.subList(crash.requestsBefore(), all.size());
        String evidence = "\n--- run killed ---\n" + crash.log() + "\n--- restart ---\n" + log
                + "\nreported before the kill: " + crash.reported().keySet()
                + "\ntemporary bodies after the kill: " + crash.parts()
                + "\nrequests after the restart:\n" + Checks.requestLog(after, restarted);
        assertThat(exit).as("exit code of --once after the kill%s", evidence).isEqualTo(0);

        SoftAssertions soft = new SoftAssertions();
        Checks.batchComplete(soft, folders, batch, listName, text, list);

        for (TestList.Item item : list.items()) {
            List<TestServer.Request> again =
                    after.stream().filter(r -> r.path().equals(item.path())).toList();
            if (crash.reported().containsKey(item.line())) {
                soft.assertThat(again)
                        .as("requests after the restart for line %d, reported before the kill", item.line())
                        .isEmpty();
            } else {
                soft.assertThat(again)
                        .as("requests after the restart for line %d, not reported before the kill", item.line())
                        .hasSize(1);
            }
        }

        int resumed = 0;
        for (Map.Entry<TestList.Item, Long> part : crash.parts().entrySet()) {
            TestList.Item item = part.getKey();
            long had = part.getValue();
            if (had <= 0 || crash.reported().containsKey(item.line())) {
                continue;
            }
            List<TestServer.Request> again =
                    after.stream().filter(r -> r.path().equals(item.path())).toList();
            if (again.isEmpty()) {
                continue; // reported above
            }
            TestServer.Request first = again.get(0);
            String range = first.header("range");
            soft.assertThat(range)
                    .as(
                            "Range of the first request after the restart for %s, %d bytes in its temporary body",
                            item.name(), had)
                    .isNotNull()
                    .matches("bytes=\\d+-");
            if (range == null || !range.matches("bytes=\\d+-")) {
                continue;
            }
            resumed++;
            long from = Long.parseLong(range.substring("bytes=".length(), range.length() - 1));
            System.out.printf(
                    "CrashRecoveryIT: %s resumed from %d (temporary body %d of %d bytes), %d sent, status %d%n",
                    item.name(), from, had, item.size(), first.bodyBytes(), first.status());
            soft.assertThat(from)
                    .as("resume offset of %s (temporary body had %d bytes)", item.name(), had)
                    .isPositive()
                    .isLessThanOrEqualTo(had);
            soft.assertThat(first.header("if-range"))
                    .as("If-Range guarding the resume of %s", item.name())
                    .isNotNull();
            soft.assertThat(first.status())
                    .as("status of the resume of %s", item.name())
                    .isEqualTo(206);
            soft.assertThat(first.bodyBytes())
                    .as("bytes sent to resume %s from %d", item.name(), from)
                    .isEqualTo(item.size() - from);
        }
        soft.assertThat(resumed)
                .as("slow downloads resumed with Range after the restart")
                .isPositive();
        Checks.assertAll(soft, evidence);
    }
}
