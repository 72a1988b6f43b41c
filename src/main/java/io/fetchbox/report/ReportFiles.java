package io.fetchbox.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * Where a batch's reports live, and how an earlier run's reports make way for a new run of the same
 * batch name: into {@code reports/history/}, stamped with the earlier run's start time.
 */
public final class ReportFiles {
    public static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> SUFFIXES = List.of(".jsonl", ".failed.txt", ".summary.json");
    private final Path reports;

    public ReportFiles(Path reports) {
        this.reports = reports;
    }

    public Path journal(String batch) {
        return reports.resolve(batch + ".jsonl");
    }

    public Path failedList(String batch) {
        return reports.resolve(batch + ".failed.txt");
    }

    /**
     * A report file as the log names it: relative to the working directory when it lies under it
     * ({@code reports/pics.failed.txt}, as the operator configured it), else in full.
     */
    public static String shown(Path file, Path workingDirectory) {
        Path absolute = file.toAbsolutePath().normalize();
        Path here = workingDirectory.toAbsolutePath().normalize();
        return absolute.startsWith(here) ? here.relativize(absolute).toString() : absolute.toString();
    }

    public Path summary(String batch) {
        return reports.resolve(batch + ".summary.json");
    }

    /** Records when a run started, so that a later run can name the history files after it. */
    /**
     * Records that a run of {@code batch} started, and its identifier: outcomes that carry another run's
     * identifier are never recorded in this one (cluster mode, docs/architecture.md).
     */
    public void recordStart(String batch, String listName, Instant started, String run) throws IOException {
        Path file = runFile(batch);
        Files.createDirectories(file.getParent());
        AtomicFiles.write(
                file,
                JSON.writeValueAsBytes(JSON.createObjectNode()
                        .put("batch", batch)
                        .put("list", listName)
                        .put("started", started.toString())
                        .put("run", run)));
    }

    /** Moves the reports of an earlier run of {@code batch}, if there are any, to history. */
    public void archivePrevious(String batch) throws IOException {
        List<Path> previous = SUFFIXES.stream()
                .map(suffix -> reports.resolve(batch + suffix))
                .filter(Files::exists)
                .toList();
        if (previous.isEmpty()) {
            return;
        }
        String stamp = STAMP.format(previousStart(batch, previous.get(0)));
        Path history = reports.resolve("history");
        Files.createDirectories(history);
        for (String suffix : SUFFIXES) {
            Path file = reports.resolve(batch + suffix);
            if (Files.exists(file)) {
                Files.move(file, unused(history.resolve(batch + "." + stamp + suffix)), StandardCopyOption.ATOMIC_MOVE);
            }
        }
    }

    private Instant previousStart(String batch, Path anyReport) throws IOException {
        Optional<Instant> recorded = startOf(batch);
        return recorded.isPresent()
                ? recorded.get()
                : Files.getLastModifiedTime(anyReport).toInstant();
    }

    /** When the last run of {@code batch} started, as {@link #recordStart} wrote it. */
    public Optional<Instant> startOf(String batch) throws IOException {
        Path run = runFile(batch);
        if (!Files.exists(run)) {
            return Optional.empty();
        }
        JsonNode started = JSON.readTree(run.toFile()).get("started");
        return started == null ? Optional.empty() : Optional.of(Instant.parse(started.asText()));
    }

    /** The identifier of the last run of {@code batch}, as {@link #recordStart} wrote it. */
    public Optional<String> runOf(String batch) throws IOException {
        Path run = runFile(batch);
        if (!Files.exists(run)) {
            return Optional.empty();
        }
        JsonNode id = JSON.readTree(run.toFile()).get("run");
        return id == null || id.asText().isEmpty() ? Optional.empty() : Optional.of(id.asText());
    }

    private Path runFile(String batch) {
        return reports.resolve(".state").resolve("batches").resolve(batch + ".json");
    }

    private static Path unused(Path wanted) {
        Path candidate = wanted;
        for (int i = 1; Files.exists(candidate); i++) {
            candidate = wanted.resolveSibling(wanted.getFileName() + "." + i);
        }
        return candidate;
    }
}
