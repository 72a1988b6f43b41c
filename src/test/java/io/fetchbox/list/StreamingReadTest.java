package io.fetchbox.list;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A list of millions of lines goes through the iterator one entry at a time, never as a whole. */
class StreamingReadTest {

    private static final int LINES = 2_000_000;

    @TempDir
    Path dir;

    @Test
    void readsTwoMillionLinesLazily() throws IOException {
        Path file = dir.resolve("huge.txt");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 1; i <= LINES; i++) {
                out.write("http://h/");
                out.write(Integer.toString(i));
                out.write('\n');
            }
        }

        long count = 0;
        long lastLine = 0;
        try (EntryIterator entries = ListReader.open(file, ListFormat.TEXT)) {
            while (entries.hasNext()) {
                UrlEntry entry = entries.next();
                count++;
                lastLine = entry.line();
            }
        }

        assertThat(count).isEqualTo(LINES);
        assertThat(lastLine).isEqualTo(LINES);
    }
}
