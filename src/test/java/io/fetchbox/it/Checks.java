package io.fetchbox.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fetchbox.testing.TestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;

/** What a user checks in the folders after a crash, a stop or a run: shared by the process tests. */
final class Checks {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Checks() {}

    /** {@code reports/<batch>.jsonl} as bytes on disk, decoded; empty when there is none. */
    static String journalText(Folders folders, String batch) {
        Path journal = folders.reports.resolve(batch + ".jsonl");
        if (!Files.exists(journal)) {
            return "";
        }
        try {
            return Files.readString(journal, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The journal lines that are whole (ended by a newline) and parse, by their {@code line} number, as a
     * reader sees the journal while it is being written or after a crash (a torn last line is left out).
     * Fails on a line number written twice.
     */
    static Map<Integer, JsonNode> wholeJournalLines(Folders folders, String batch) {
        String text = journalText(folders, batch);
        int end = text.lastIndexOf('\n');
        Map<Integer, JsonNode> byLine = new TreeMap<>();
        if (end < 0) {
            return byLine;
        }
        for (String line : text.substring(0, end).split("\n", -1)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode node = parseOrNull(line);
            if (node == null) {
                continue; // a line being rewritten: not whole yet as far as a reader can tell
            }
            int n = node.path("line").asInt();
            if (byLine.put(n, node) != null) {
                throw new AssertionError("line " + n + " is in " + batch + ".jsonl twice:\n" + text);
            }
        }
        return byLine;
    }

    /** Number of whole journal lines, for polling; 0 while there is no journal. */
    static int wholeJournalLineCount(Folders folders, String batch) {
        String text = journalText(folders, batch);
        return (int) text.chars().filter(c -> c == '\n').count();
    }

    /** Every hidden regular file (name starting with '.') under {@code dir}, relative path to size. */
    static Map<String, Long> hiddenFiles(Path dir) {
        Map<String, Long> hidden = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return hidden;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.filter(Files::isRegularFile).toList()) {
                if (p.getFileName().toString().startsWith(".")) {
                    hidden.put(dir.relativize(p).toString(), Files.size(p));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return hidden;
    }

    /**
     * The size of the temporary body of {@code item} after an interruption (its random
     * {@code .<name>.<16 hex digits>.fetchbox-part}), or -1 when there is none.
     */
    static long partSize(Folders folders, String batch, TestList.Item item) {
        Path folder = folders.output.resolve(batch);
        if (!Files.isDirectory(folder)) {
            return -1;
        }
        String pattern = Pattern.quote("." + item.name() + ".") + "[0-9a-f]{16}\\.fetchbox-part";
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().matches(pattern))
                    .filter(Files::isRegularFile)
                    .mapToLong(p -> {
                        try {
                            return Files.size(p);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .max()
                    .orElse(-1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A file under its final name is never partial: every regular file in {@code output/} whose name does not
     * start with '.' is the file of an item of the list, whole, with its exact bytes.
     */
    static void finalFilesAreWhole(SoftAssertions soft, Folders folders, String batch, TestList list) {
        if (!Files.isDirectory(folders.output)) {
            return;
        }
        List<Path> visible;
        try (Stream<Path> paths = Files.walk(folders.output)) {
            visible = paths.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path file : visible) {
            String relative = folders.output.relativize(file).toString();
            TestList.Item item = list.items().stream()
                    .filter(i -> i.file(batch).equals(relative))
                    .findFirst()
                    .orElse(null);
            soft.assertThat(item)
                    .as("output/%s is the file of a URL of the list", relative)
                    .isNotNull();
            if (item != null) {
                assertWholeFile(soft, file, item, "output/" + relative + " under its final name");
            }
        }
    }

    /**
     * The batch ended as a user expects: every URL line reported exactly once and downloaded, the journal made
     * of whole JSON lines only, every file whole and nothing else in the batch folder, the summary counting
     * every line, and the list in {@code .done/}.
     */
    static void batchComplete(
            SoftAssertions soft, Folders folders, String batch, String listName, String listText, TestList list) {
        String text = journalText(folders, batch);
        soft.assertThat(text)
                .as("%s.jsonl ends with a newline (no torn line)", batch)
                .endsWith("\n");
        List<String> rawLines = text.lines().toList();
        List<JsonNode> report = new ArrayList<>();
        for (int i = 0; i < rawLines.size(); i++) {
            JsonNode node = parseOrNull(rawLines.get(i));
            soft.assertThat(node != null && node.isObject())
                    .as("line %d of %s.jsonl parses as a JSON object: %s", i + 1, batch, rawLines.get(i))
                    .isTrue();
            if (node != null) {
                report.add(node);
            }
        }
        List<Integer> lineNumbers =
                report.stream().map(r -> r.path("line").asInt()).sorted().toList();
        soft.assertThat(lineNumbers)
                .as("line numbers in %s.jsonl: every URL line exactly once\n%s", batch, text)
                .containsExactlyElementsOf(
                        IntStream.rangeClosed(1, list.size()).boxed().toList());
        Map<Integer, JsonNode> byLine = new TreeMap<>();
        report.forEach(r -> byLine.putIfAbsent(r.path("line").asInt(), r));
        for (TestList.Item item : list.items()) {
            JsonNode r = byLine.get(item.line());
            if (r == null) {
                continue; // already reported missing above
            }
            soft.assertThat(r.path("outcome").asText())
                    .as("outcome of line %d (%s): %s", item.line(), item.name(), r)
                    .isEqualTo("downloaded");
            soft.assertThat(r.path("file").asText())
                    .as("file of line %d", item.line())
                    .isEqualTo(item.file(batch));
            soft.assertThat(r.path("bytes").asLong())
                    .as("bytes of line %d", item.line())
                    .isEqualTo(item.size());
            soft.assertThat(r.path("sha256").asText())
                    .as("sha256 of line %d", item.line())
                    .isEqualTo(item.sha256());
        }

        Path batchDir = folders.output.resolve(batch);
        for (TestList.Item item : list.items()) {
            assertWholeFile(soft, batchDir.resolve(item.name()), item, "output/" + item.file(batch));
        }
        if (Files.isDirectory(batchDir)) {
            soft.assertThat(Folders.tree(batchDir))
                    .as("everything in output/%s/: the files of the list, nothing hidden or temporary", batch)
                    .containsExactlyInAnyOrderElementsOf(
                            list.items().stream().map(TestList.Item::name).toList());
        }
        soft.assertThat(hiddenFiles(folders.output))
                .as("hidden or temporary files left under output/")
                .isEmpty();

        Path summaryFile = folders.reports.resolve(batch + ".summary.json");
        soft.assertThat(summaryFile).as("%s.summary.json", batch).isRegularFile();
        if (Files.isRegularFile(summaryFile)) {
            JsonNode summary = folders.summary(batch);
            soft.assertThat(summary.path("list").asText()).as("summary list").isEqualTo(listName);
            soft.assertThat(summary.path("lines").asInt()).as("summary lines").isEqualTo(list.size());
            soft.assertThat(summary.path("outcomes").path("downloaded").asInt())
                    .as("summary outcomes.downloaded: %s", summary)
                    .isEqualTo(list.size());
            soft.assertThat(summary.path("bytes").asLong())
                    .as("summary bytes")
                    .isEqualTo(
                            list.items().stream().mapToLong(TestList.Item::size).sum());
        }

        soft.assertThat(folders.inbox.resolve(".done").resolve(listName))
                .as("the list in inbox/.done/")
                .hasContent(listText);
        soft.assertThat(folders.inbox.resolve(listName))
                .as("the list, still in the inbox")
                .doesNotExist();
        soft.assertThat(folders.inbox.resolve(".inprogress").resolve(listName))
                .as("the list, still in inbox/.inprogress/")
                .doesNotExist();
    }

    /** The requests made from {@code index} on (the log of one run), one line each, for failure messages. */
    static String requestLog(List<TestServer.Request> requests, long originNanos) {
        return requests.stream()
                .map(r -> String.format(
                        "  +%6d ms %s range=%s if-range=%s",
                        (r.startNanos() - originNanos) / 1_000_000, r, r.header("range"), r.header("if-range")))
                .collect(Collectors.joining("\n"));
    }

    /** {@link SoftAssertions#assertAll()}, with {@code evidence} (logs, request log) added to a failure. */
    static void assertAll(SoftAssertions soft, String evidence) {
        try {
            soft.assertAll();
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\n" + evidence, e);
        }
    }

    private static void assertWholeFile(SoftAssertions soft, Path file, TestList.Item item, String what) {
        soft.assertThat(file).as(what).isRegularFile();
        if (!Files.isRegularFile(file)) {
            return;
        }
        try {
            soft.assertThat(Files.size(file)).as("size of %s", what).isEqualTo(item.size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        soft.assertThat(Folders.sha256(file)).as("sha256 of %s", what).isEqualTo(item.sha256());
    }

    private static JsonNode parseOrNull(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            return null;
        }
    }
}
