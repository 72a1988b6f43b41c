package io.fetchbox.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * A fetchbox working folder: {@code inbox/}, {@code output/} and {@code reports/} under one root,
 * and readers for what fetchbox writes there. The in-process tests ({@code Workspace}) and the
 * process tests ({@code it.Folders}) both build on it.
 */
public class RunFolders {
    private static final ObjectMapper JSON = new ObjectMapper();

    public final Path root;
    public final Path inbox;
    public final Path output;
    public final Path reports;

    public RunFolders(Path root) {
        this.root = root;
        this.inbox = root.resolve("inbox");
        this.output = root.resolve("output");
        this.reports = root.resolve("reports");
    }

    /** Drops a list the way a careful producer does: written under a hidden name, then renamed. */
    public Path drop(String name, String content) {
        try {
            Files.createDirectories(inbox);
            Path temp = inbox.resolve("." + name + ".tmp");
            Files.writeString(temp, content, StandardCharsets.UTF_8);
            return Files.move(temp, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The lines of {@code reports/<batch>.jsonl}, parsed, in file order; none while there is no report. */
    public List<JsonNode> report(String batch) {
        Path file = reports.resolve(batch + ".jsonl");
        if (!Files.exists(file)) {
            return List.of();
        }
        try (Stream<String> lines = Files.lines(file)) {
            return lines.filter(l -> !l.isBlank()).map(RunFolders::parse).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code reports/<batch>.summary.json}, parsed; null while there is none. */
    public JsonNode summary(String batch) {
        Path file = reports.resolve(batch + ".summary.json");
        return Files.exists(file) ? parse(read(file)) : null;
    }

    public boolean hasSummary(String batch) {
        return Files.exists(reports.resolve(batch + ".summary.json"));
    }

    public static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
