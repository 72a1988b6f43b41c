package io.fetchbox.report;

import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * {@code <batch>.failed.txt}: the failed and invalid lines in the text list format, ready to drop
 * back into the inbox. It keeps credentials as the list gave them, so it is created readable by its
 * owner only, and only when the first line needs it.
 */
public final class FailedList implements Closeable {
    private final Path file;
    private Writer writer;

    public FailedList(Path file) {
        this.file = file;
    }

    public void append(String entryText) throws IOException {
        if (writer == null) {
            createPrivate();
            writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        }
        writer.write(entryText);
        writer.flush();
    }

    private void createPrivate() throws IOException {
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
    }

    @Override
    public void close() throws IOException {
        if (writer != null) {
            writer.close();
        }
    }
}
