package io.fetchbox;

import io.fetchbox.testing.RunFolders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** A fetchbox working folder in a temporary directory, run in this JVM. */
final class Workspace extends RunFolders {
    Workspace(Path root) {
        super(root);
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
}
