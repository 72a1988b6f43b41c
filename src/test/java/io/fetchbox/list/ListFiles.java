package io.fetchbox.list;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Real list files for the tests: written to a temporary folder, read back through the reader. */
final class ListFiles {

    private ListFiles() {}

    static Path write(Path dir, String name, String content) throws IOException {
        return write(dir, name, content.getBytes(StandardCharsets.UTF_8));
    }

    static Path write(Path dir, String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    /** Lines joined with CRLF, each one ended, the way Windows editors write them. */
    static String crlf(String... lines) {
        return String.join("\r\n", lines) + "\r\n";
    }

    static String lf(String... lines) {
        return String.join("\n", lines) + "\n";
    }

    static List<UrlEntry> readAll(Path file, ListFormat format) throws IOException {
        List<UrlEntry> entries = new ArrayList<>();
        try (EntryIterator iterator = ListReader.open(file, format)) {
            iterator.forEachRemaining(entries::add);
        }
        return entries;
    }

    static List<UrlEntry> readText(Path dir, String content) throws IOException {
        return readAll(write(dir, "list.txt", content), ListFormat.TEXT);
    }
}
