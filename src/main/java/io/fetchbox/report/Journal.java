package io.fetchbox.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A batch's {@code <batch>.jsonl}: one JSON line per outcome, appended as outcomes arrive and
 * flushed line by line, so that what is on disk is the batch's memory.
 */
public final class Journal implements Closeable {
    private static final ObjectWriter LINE = new ObjectMapper().writerFor(Outcome.class);
    private final BufferedWriter writer;

    public Journal(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        this.writer = Files.newBufferedWriter(
                file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    public void append(Outcome outcome) throws IOException {
        writer.write(LINE.writeValueAsString(outcome));
        writer.write('\n');
        writer.flush();
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }
}
