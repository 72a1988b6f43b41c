package io.fetchbox.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fetchbox.testing.Bodies;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code java -jar fetchbox.jar --once} as a user runs it: a separate JVM started in a fresh working
 * directory (not the project root), with the default folders relative to it, against a real local server.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class OnceProcessIT extends ProcessTest {
    private static final Duration RUN_LIMIT = Duration.ofSeconds(60);

    /** Body sizes from 0 to 200 KiB, around the buffer and chunk boundaries a copy loop might trip on. */
    private static final long[] SIZES = {
        0, 1, 7, 8, 9, 100, 511, 512, 1000, 1023, 1024, 1025, 4095, 4096, 4097, 8192, 10_000, 16_384, 30_000, 32_768,
        50_000, 65_535, 65_536, 65_537, 100_000, 131_072, 150_000, 180_000, 204_799, 204_800
    };

    private static final int NOT_FOUND_LINE = 11;
    private static final int FTP_LINE = 22;

    /** One good URL of the list: {@code /f/fNN.bin} with its own size and seed. */
    private record Good(int line, String name, long size, long seed, String path) {}

    @Test
    void aMixedListIsFetchedAndReportedWholeAndExitsOne() throws IOException {
        assertThat(dir.toRealPath()).isNotEqualTo(Path.of("").toRealPath());
        List<Good> goods = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        String notFound = server.url("/status/404");
        String ftp = "ftp://127.0.0.1/e2e/not-http.bin";
        for (int line = 1, i = 0; line <= SIZES.length + 2; line++) {
            if (line == NOT_FOUND_LINE) {
                lines.add(notFound);
            } else if (line == FTP_LINE) {
                lines.add(ftp);
            } else {
                String name = String.format("f%02d.bin", i);
                String path = "/f/" + name + "?size=" + SIZES[i] + "&seed=" + (i + 1);
                goods.add(new Good(line, name, SIZES[i], i + 1, path));
                lines.add(server.url(path));
                i++;
            }
        }
        String list = String.join("\n", lines) + "\n";
        folders.drop("e2e.txt", list);

        int exit;
        String log;
        try (FetchboxProcess fetchbox =
                FetchboxProcess.in(dir).start("--once", "--fetchbox.http-port=0", "--fetchbox.inbox-settle=50ms")) {
            exit = fetchbox.waitFor(RUN_LIMIT);
            log = fetchbox.describe();
        }
        assertThat(exit)
                .as("exit code of --once with a failed and an invalid URL\n%s", log)
                .isEqualTo(1);

        SoftAssertions soft = new SoftAssertions();
        Path batchDir = folders.output.resolve("e2e");
        for (Good g : goods) {
            Path file = batchDir.resolve(g.name());
            soft.assertThat(file).as(g.name()).isRegularFile();
            if (Files.isRegularFile(file)) {
                soft.assertThat(Files.size(file)).as("size of %s", g.name()).isEqualTo(g.size());
                soft.assertThat(Folders.sha256(file))
                        .as("sha256 of %s", g.name())
                        .isEqualTo(Bodies.sha256(g.name(), g.seed(), g.size()));
                soft.assertThat(Files.getLastModifiedTime(file).to(TimeUnit.SECONDS))
                        .as("mtime of %s (Last-Modified)", g.name())
                        .isEqualTo(Bodies.lastModifiedEpochSeconds(g.seed()));
            }
        }
        soft.assertThat(Folders.tree(folders.output))
                .as("everything under output/: the good files only, nothing hidden or temporary")
                .containsExactlyInAnyOrderElementsOf(concat(
                        List.of("e2e"),
                        goods.stream().map(g -> "e2e/" + g.name()).toList()));

        List<JsonNode> report = folders.report("e2e");
        soft.assertThat(report.stream().map(r -> r.get("line").asInt()).sorted())
                .as("line numbers in e2e.jsonl, each once")
                .containsExactlyElementsOf(
                        IntStream.rangeClosed(1, lines.size()).boxed().toList());
        Map<Integer, JsonNode> byLine = folders.reportByLine("e2e");
        for (Good g : goods) {
            JsonNode r = byLine.get(g.line());
            if (r != null) {
                soft.assertThat(r.path("outcome").asText())
                        .as("outcome of line %d", g.line())
                        .isEqualTo("downloaded");
                soft.assertThat(r.path("file").asText())
                        .as("file of line %d", g.line())
                        .isEqualTo("e2e/" + g.name());
                soft.assertThat(r.path("bytes").asLong())
                        .as("bytes of line %d", g.line())
                        .isEqualTo(g.size());
                soft.assertThat(r.path("sha256").asText())
                        .as("sha256 of line %d", g.line())
                        .isEqualTo(Bodies.sha256(g.name(), g.seed(), g.size()));
            }
        }
        JsonNode missing = byLine.get(NOT_FOUND_LINE);
        if (missing != null) {
            soft.assertThat(missing.path("outcome").asText())
                    .as("outcome of the 404")
                    .isEqualTo("failed");
            soft.assertThat(missing.path("error").asText())
                    .as("error of the 404")
                    .isEqualTo("http_404");
        }
        JsonNode invalid = byLine.get(FTP_LINE);
        if (invalid != null) {
            soft.assertThat(invalid.path("outcome").asText())
                    .as("outcome of ftp://")
                    .isEqualTo("invalid");
            soft.assertThat(invalid.path("error").asText())
                    .as("error of ftp://")
                    .isEqualTo("invalid_url");
        }

        JsonNode summary = folders.summary("e2e");
        soft.assertThat(summary.path("batch").asText()).isEqualTo("e2e");
        soft.assertThat(summary.path("list").asText()).isEqualTo("e2e.txt");
        soft.assertThat(summary.path("lines").asInt()).as("summary lines").isEqualTo(32);
        JsonNode outcomes = summary.path("outcomes");
        soft.assertThat(outcomes.path("downloaded").asInt()).as("downloaded").isEqualTo(30);
        soft.assertThat(outcomes.path("failed").asInt()).as("failed").isEqualTo(1);
        soft.assertThat(outcomes.path("invalid").asInt()).as("invalid").isEqualTo(1);
        for (String other : List.of("not_modified", "skipped", "duplicate")) {
            soft.assertThat(outcomes.path(other).asInt()).as(other).isZero();
        }

        soft.assertThat(Folders.read(folders.reports.resolve("e2e.failed.txt"))
                        .lines()
                        // URL lines only: not the header comment, not the indented options
                        .filter(l -> !l.isBlank() && !l.startsWith("#") && !Character.isWhitespace(l.charAt(0))))
                .as("e2e.failed.txt")
                .containsExactlyInAnyOrder(notFound, ftp);

        soft.assertThat(folders.inbox.resolve(".done/e2e.txt"))
                .as("the list, done")
                .hasContent(list);
        soft.assertThat(folders.inbox.resolve("e2e.txt"))
                .as("the list, still in the inbox")
                .doesNotExist();
        Path inProgress = folders.inbox.resolve(".inprogress");
        if (Files.exists(inProgress)) {
            soft.assertThat(inProgress).as("inbox/.inprogress/").isEmptyDirectory();
        }

        for (Good g : goods) {
            soft.assertThat(server.requests().stream().filter(r -> r.path().equals(g.path())))
                    .as("requests for %s", g.path())
                    .hasSize(1);
        }
        soft.assertThat(server.count("/status/404"))
                .as("requests for the 404 (not retried)")
                .isEqualTo(1);
        soft.assertThat(server.requests()).as("requests in all").hasSize(31);
        soft.assertAll();
    }

    @Test
    void aListThatDownloadsWholeExitsZero() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            lines.add(server.url("/f/ok" + i + ".bin?size=" + (1000 * i + 1) + "&seed=" + i));
        }
        folders.drop("ok.txt", String.join("\n", lines) + "\n");

        try (FetchboxProcess fetchbox = FetchboxProcess.in(dir).start("--once", "--fetchbox.inbox-settle=50ms")) {
            assertThat(fetchbox.waitFor(RUN_LIMIT))
                    .as("exit code of --once, every URL downloaded\n%s", fetchbox.describe())
                    .isEqualTo(0);
        }
        assertThat(Folders.tree(folders.output)).containsExactly("ok", "ok/ok0.bin", "ok/ok1.bin", "ok/ok2.bin");
        JsonNode outcomes = folders.summary("ok").path("outcomes");
        assertThat(outcomes.path("downloaded").asInt()).isEqualTo(3);
        assertThat(folders.inbox.resolve(".done/ok.txt")).exists();
    }

    @Test
    void aBadSettingExitsTwoNamingTheKeyAndCreatesNothing() {
        String list = server.url("/f/never.bin?size=10") + "\n";
        folders.drop("bad.txt", list);

        try (FetchboxProcess fetchbox = FetchboxProcess.in(dir).start("--once", "--fetchbox.layout=weird")) {
            assertThat(fetchbox.waitFor(RUN_LIMIT))
                    .as("exit code for --fetchbox.layout=weird\n%s", fetchbox.describe())
                    .isEqualTo(2);
            assertThat(fetchbox.stderr())
                    .as("stderr names the key and the accepted values")
                    .contains("fetchbox.layout")
                    .contains("batch", "flat", "mirror");
        }
        assertThat(folders.output).doesNotExist();
        assertThat(folders.reports).doesNotExist();
        assertThat(Folders.tree(folders.inbox)).as("the inbox, untouched").containsExactly("bad.txt");
        assertThat(folders.inbox.resolve("bad.txt")).hasContent(list);
        assertThat(server.requests()).isEmpty();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
