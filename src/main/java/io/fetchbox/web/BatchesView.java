package io.fetchbox.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fetchbox.batch.BatchStatus;
import io.fetchbox.observe.RecentFailures;
import io.fetchbox.report.Outcome;
import io.fetchbox.url.UrlText;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * {@code GET /api/batches} and {@code GET /api/batches/<name>}: the running batches (from the batch
 * registry; in a cluster, the leader's, on every node) and the recent finished ones (from {@code
 * reports/*.summary.json}), as JSON. Every URL in
 * it has its credentials written {@code ***}; nothing links to {@code failed.txt}.
 *
 * <pre>{@code
 * {"name":"pics","list":"pics.txt","state":"running","lines":1200,"total":10000,
 *  "outcomes":{"downloaded":1190,...},"failed":3,"bytes":41943040,"bytes_per_second":10229522.0,
 *  "urls_per_second":290.5,"eta_seconds":30,"started":"2026-11-28T09:00:00Z","finished":null,
 *  "seconds":4.1,"failures":[{"line":7,"url":"https://***@host/x","error":"http_404","http_status":404}],
 *  "reports":{"jsonl":"/reports/pics.jsonl","summary":null}}
 * }</pre>
 */
public final class BatchesView {
    /** Finished batches listed, newest first. */
    public static final int RECENT = 20;

    /** A journal larger than this is not read for the failures of a batch another process ran. */
    static final long MAX_JOURNAL_SCAN = 256L << 20;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SUMMARY = ".summary.json";
    private final Supplier<List<BatchStatus>> running;
    private final Function<String, Optional<BatchStatus>> runningBatch;
    private final Path reports;
    private final Function<String, Optional<List<RecentFailures.Failure>>> recentFailures;
    private final Clock clock;
    private final Supplier<String> pauseReason;
    private final Map<Path, Cached<JsonNode>> summaries = new ConcurrentHashMap<>();
    private final Map<Path, Cached<List<RecentFailures.Failure>>> journalFailures = new ConcurrentHashMap<>();

    private record Cached<T>(FileTime modified, long size, T value) {}

    public BatchesView(
            Supplier<List<BatchStatus>> running,
            Function<String, Optional<BatchStatus>> runningBatch,
            Path reports,
            Function<String, Optional<List<RecentFailures.Failure>>> recentFailures,
            Clock clock,
            Supplier<String> pauseReason) {
        this.pauseReason = pauseReason;
        this.running = running;
        this.runningBatch = runningBatch;
        this.reports = reports;
        this.recentFailures = recentFailures;
        this.clock = clock;
    }

    /** Every running batch (newest first), then the {@link #RECENT} last finished ones. */
    public String list() throws IOException {
        Instant now = clock.instant();
        List<Map<String, Object>> batches = new ArrayList<>();
        Set<String> names = new HashSet<>();
        running.get().stream()
                .sorted(Comparator.comparing(BatchStatus::started).reversed())
                .forEach(status -> {
                    names.add(status.name());
                    batches.add(ofRunning(status, now));
                });
        for (Path summary : recentSummaries()) {
            String name = batchOf(summary);
            if (names.add(name)) {
                summary(summary).ifPresent(json -> batches.add(ofFinished(name, json)));
            }
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("time", now.truncatedTo(ChronoUnit.MILLIS).toString());
        answer.put("batches", batches);
        return json(answer);
    }

    /** One batch, running or finished; 404 when there is none of that name. */
    public String one(String name) throws IOException {
        Optional<BatchStatus> status = runningBatch.apply(name);
        if (status.isPresent()) {
            return json(ofRunning(status.get(), clock.instant()));
        }
        if (name != null && ReportNames.isSafeBatch(name)) {
            Path summary = reports.resolve(name + SUMMARY);
            Optional<JsonNode> json = summary(summary);
            if (json.isPresent()) {
                return json(ofFinished(name, json.get()));
            }
        }
        throw HttpError.notFound("no batch named " + name);
    }

    private Map<String, Object> ofRunning(BatchStatus s, Instant now) {
        double seconds = Math.max(0.001, Duration.between(s.started(), now).toMillis() / 1000.0);
        double urlsPerSecond = s.reported() / seconds;
        Long eta = urlsPerSecond > 0 && s.total() > s.reported()
                ? (long) Math.ceil((s.total() - s.reported()) / urlsPerSecond)
                : null;
        Map<String, Object> batch = new LinkedHashMap<>();
        batch.put("name", s.name());
        batch.put("list", s.listName());
        // a running batch whose downloads wait says so, and why
        String paused = pauseReason.get();
        batch.put("state", paused == null ? "running" : "paused");
        batch.put("paused_reason", paused);
        batch.put("lines", s.reported());
        batch.put("total", s.total());
        batch.put("outcomes", s.outcomes());
        batch.put("failed", s.failed());
        batch.put("bytes", s.bytes());
        batch.put("bytes_per_second", round(s.bytes() / seconds));
        batch.put("urls_per_second", round(urlsPerSecond));
        batch.put("eta_seconds", eta);
        batch.put("started", s.started().truncatedTo(ChronoUnit.MILLIS).toString());
        batch.put("finished", null);
        batch.put("seconds", round(seconds));
        batch.put("failures", recentFailures.apply(s.name()).orElse(List.of()));
        batch.put("reports", links(s.name(), false));
        return batch;
    }

    private Map<String, Object> ofFinished(String name, JsonNode summary) {
        long lines = summary.path("lines").asLong();
        double seconds = summary.path("seconds").asDouble();
        Map<String, Long> outcomes = new LinkedHashMap<>();
        for (String outcome : Outcome.ALL) {
            outcomes.put(outcome, summary.path("outcomes").path(outcome).asLong());
        }
        long failed = outcomes.get(Outcome.FAILED) + outcomes.get(Outcome.INVALID);
        Map<String, Object> batch = new LinkedHashMap<>();
        batch.put("name", name);
        batch.put("list", summary.path("list").asText(null));
        batch.put("state", "done");
        batch.put("lines", lines);
        batch.put("total", lines);
        batch.put("outcomes", outcomes);
        batch.put("failed", failed);
        batch.put("bytes", summary.path("bytes").asLong());
        batch.put("bytes_per_second", round(summary.path("bytes_per_second").asDouble()));
        batch.put("urls_per_second", round(seconds > 0 ? lines / seconds : lines));
        batch.put("eta_seconds", 0);
        batch.put("started", summary.path("started").asText(null));
        batch.put("finished", summary.path("finished").asText(null));
        batch.put("seconds", seconds);
        batch.put(
                "failures",
                failed == 0
                        ? List.of()
                        : recentFailures
                                .apply(name)
                                .orElseGet(() -> failuresInJournal(reports.resolve(name + ".jsonl"))));
        batch.put("reports", links(name, true));
        return batch;
    }

    private static Map<String, Object> links(String name, boolean done) {
        Map<String, Object> links = new LinkedHashMap<>();
        links.put("jsonl", "/reports/" + ReportNames.encode(name + ".jsonl"));
        links.put("summary", done ? "/reports/" + ReportNames.encode(name + SUMMARY) : null);
        return links;
    }

    private List<Path> recentSummaries() throws IOException {
        if (!Files.isDirectory(reports)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(reports)) {
            return files.filter(p -> p.getFileName().toString().endsWith(SUMMARY))
                    .filter(p -> ReportNames.isSafeBatch(batchOf(p)))
                    .map(p -> Map.entry(p, Optional.ofNullable(modified(p)).orElse(FileTime.fromMillis(0))))
                    .sorted(Map.Entry.<Path, FileTime>comparingByValue().reversed())
                    .limit(RECENT)
                    .map(Map.Entry::getKey)
                    .toList();
        }
    }

    private static String batchOf(Path summary) {
        String file = summary.getFileName().toString();
        return file.substring(0, file.length() - SUMMARY.length());
    }

    private Optional<JsonNode> summary(Path file) {
        return Optional.ofNullable(cached(summaries, file, f -> {
            try {
                return JSON.readTree(f.toFile());
            } catch (IOException e) {
                return null; // being replaced, or not JSON: not listed
            }
        }));
    }

    /** The last failed or invalid lines of a journal, read once per version of the file. */
    private List<RecentFailures.Failure> failuresInJournal(Path journal) {
        List<RecentFailures.Failure> found = cached(journalFailures, journal, BatchesView::scanJournal);
        return found == null ? List.of() : found;
    }

    private static List<RecentFailures.Failure> scanJournal(Path journal) {
        try {
            if (Files.size(journal) > MAX_JOURNAL_SCAN) {
                return List.of();
            }
            Deque<RecentFailures.Failure> last = new ArrayDeque<>();
            try (BufferedReader in = Files.newBufferedReader(journal, StandardCharsets.UTF_8)) {
                for (String line; (line = in.readLine()) != null; ) {
                    if (!line.contains("\"failed\"") && !line.contains("\"invalid\"")) {
                        continue;
                    }
                    JsonNode node = JSON.readTree(line);
                    String outcome = node.path("outcome").asText();
                    if (Outcome.FAILED.equals(outcome) || Outcome.INVALID.equals(outcome)) {
                        last.addLast(new RecentFailures.Failure(
                                node.path("line").asLong(),
                                // a journal of an earlier version may hold a whole junk line
                                UrlText.shown(node.path("url").asText(null), Outcome.FAILED.equals(outcome)),
                                node.path("error").isNull()
                                        ? outcome
                                        : node.path("error").asText(),
                                node.path("http_status").isInt()
                                        ? node.path("http_status").asInt()
                                        : null));
                        if (last.size() > RecentFailures.PER_BATCH) {
                            last.removeFirst();
                        }
                    }
                }
            }
            return new ArrayList<>(last);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    private static <T> T cached(Map<Path, Cached<T>> cache, Path file, Function<Path, T> read) {
        FileTime modified = modified(file);
        long size = size(file);
        if (modified == null || size < 0) {
            cache.remove(file);
            return null;
        }
        Cached<T> hit = cache.get(file);
        if (hit != null && hit.modified().equals(modified) && hit.size() == size) {
            return hit.value();
        }
        T value = read.apply(file);
        if (value != null) {
            if (cache.size() > 4 * RECENT) {
                cache.clear();
            }
            cache.put(file, new Cached<>(modified, size, value));
        }
        return value;
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return null;
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
