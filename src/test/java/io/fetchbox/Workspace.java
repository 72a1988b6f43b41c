package io.fetchbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** A fetchbox working folder in a temporary directory: inbox, output and reports, and readers for what fetchbox writes. */
final class Workspace {
    private static final ObjectMapper JSON = new ObjectMapper();
    final Path root;
    final Path inbox;
    final Path output;
    final Path reports;

    Workspace(Path root) {
        this.root = root;
        this.inbox = root.resolve("inbox");
        this.output = root.resolve("output");
        this.reports = root.resolve("reports");
    }

    /** The folders as configuration arguments, plus a short settle time so tests do not wait a second per list. */
    List<String> args(String... more) {
        List<String> args = new ArrayList<>(List.of(
                "--fetchbox.inbox=" + inbox,
                "--fetchbox.output=" + output,
                "--fetchbox.reports=" + reports,
                "--fetchbox.inbox-settle=50ms",
                "--fetchbox.http-port=0"));
        args.addAll(List.of(more));
        return args;
    }

    /** Runs the whole service in this JVM with {@code --once} on this workspace; returns its exit code. */
    int once(String... more) {
        List<String> args = args(more);
        args.add(0, "--once");
        return Fetchbox.run(args.toArray(String[]::new));
    }

    /** Drops a list the way a careful producer does: written under a hidden name, then renamed. */
    Path drop(String name, String content) {
        try {
            Files.createDirectories(inbox);
            Path temp = inbox.resolve("." + name + ".tmp");
            Files.writeString(temp, content, StandardCharsets.UTF_8);
            return Files.move(temp, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<JsonNode> report(String batch) {
        Path file = reports.resolve(batch + ".jsonl");
        if (!Files.exists(file)) {
            return List.of();
        }
        try (Stream<String> lines = Files.lines(file)) {
            return lines.filter(l -> !l.isBlank()).map(Workspace::parse).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonNode summary(String batch) {
        Path file = reports.resolve(batch + ".summary.json");
        return Files.exists(file) ? parse(read(file)) : null;
    }

    boolean hasSummary(String batch) {
        return Files.exists(reports.resolve(batch + ".summary.json"));
    }

    List<String> outputFiles() {
        try (Stream<Path> files = Files.walk(output)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> output.relativize(p).toString())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
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
