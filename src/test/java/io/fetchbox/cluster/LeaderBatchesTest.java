package io.fetchbox.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.fetchbox.batch.BatchStatus;
import io.fetchbox.observe.RecentFailures.Failure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The leader's running batches on a follower's page, through the shared reports folder. */
class LeaderBatchesTest {
    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    private static final Instant STARTED = Instant.parse("2026-12-03T09:59:30.125Z");

    @TempDir
    Path reports;

    private final BatchStatus pics = new BatchStatus("pics", "pics.txt", STARTED, 120, 600, outcomes(), 3, 4096);
    private final Failure notFound = new Failure(7, "http://***@127.0.0.1:8080/x", "http_404", 404);

    @Test
    void aFollowerShowsTheRunningBatchesAndFailuresTheLeaderWrote() {
        leader(NOW).publish();

        LeaderBatches follower = follower(NOW.plusSeconds(3));
        assertThat(follower.statuses()).containsExactly(pics);
        assertThat(follower.status("pics")).contains(pics);
        assertThat(follower.status("other")).isEmpty();
        assertThat(follower.failures("pics")).contains(List.of(notFound));
        assertThat(follower.failures("other")).isEmpty();
    }

    @Test
    void theLeaderShowsItsOwnBatchesNotTheFile() throws Exception {
        Files.createDirectories(reports.resolve(".state"));
        Files.writeString(
                reports.resolve(".state/running.json"),
                "{\"leader\":\"old\",\"written\":\"" + NOW + "\",\"batches\":[]}");

        LeaderBatches leader = leader(NOW);
        assertThat(leader.statuses()).containsExactly(pics);
        assertThat(leader.failures("pics")).contains(List.of(notFound));
    }

    @Test
    void aFileTheLeaderStoppedRewritingShowsNothing() {
        leader(NOW).publish();

        assertThat(follower(NOW.plus(NodeDirectory.GONE).minusSeconds(1)).statuses())
                .hasSize(1);
        assertThat(follower(NOW.plus(NodeDirectory.GONE).plusSeconds(1)).statuses())
                .isEmpty();
    }

    @Test
    void aFollowerWritesNothingAndAFileThatIsNotOursShowsNothing() throws Exception {
        follower(NOW).publish();
        assertThat(reports.resolve(".state/running.json")).doesNotExist();
        assertThat(follower(NOW).statuses()).isEmpty();

        Files.createDirectories(reports.resolve(".state"));
        for (String text : List.of("", "{\"batches\":", "[1,2]", "{\"written\":\"yesterday\",\"batches\":[]}")) {
            Files.writeString(reports.resolve(".state/running.json"), text);
            assertThat(follower(NOW).statuses()).as(text).isEmpty();
            assertThat(follower(NOW).failures("pics")).as(text).isEmpty();
        }
    }

    private LeaderBatches leader(Instant at) {
        return new LeaderBatches(
                reports,
                "node-a",
                () -> true,
                () -> List.of(pics),
                batch -> batch.equals("pics") ? Optional.of(List.of(notFound)) : Optional.empty(),
                Clock.fixed(at, ZoneOffset.UTC));
    }

    private LeaderBatches follower(Instant at) {
        return new LeaderBatches(
                reports, "node-b", () -> false, List::of, batch -> Optional.empty(), Clock.fixed(at, ZoneOffset.UTC));
    }

    private static Map<String, Long> outcomes() {
        Map<String, Long> outcomes = new LinkedHashMap<>();
        outcomes.put("downloaded", 117L);
        outcomes.put("failed", 3L);
        return outcomes;
    }
}
