package io.fetchbox.list;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The physical lines of a UTF-8 file, one at a time: split at LF (a CR before it dropped), a
 * leading BOM skipped, numbered from 1 the way {@link ListChecker} and the reports count them.
 */
final class PhysicalLines implements Closeable {

    /** Longer lines are cut here, so one giant line cannot exhaust the heap (a URL is 8 KiB at most). */
    static final int MAX_LINE_CHARS = 1 << 20;

    private final Reader reader;
    private final char[] buffer = new char[16 * 1024];
    private final StringBuilder line = new StringBuilder();
    private int position;
    private int limit;
    private long number;

    PhysicalLines(Reader reader) {
        this.reader = reader;
    }

    static PhysicalLines open(Path file) throws IOException {
        return new PhysicalLines(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8));
    }

    /** The next line without its line break, or null at the end of the file. */
    String next() throws IOException {
        line.setLength(0);
        boolean sawAny = false;
        while (true) {
            if (position == limit) {
                limit = Math.max(reader.read(buffer), 0);
                position = 0;
                if (limit == 0) {
                    if (!sawAny) {
                        return null;
                    }
                    break;
                }
            }
            sawAny = true;
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            int room = MAX_LINE_CHARS - line.length();
            line.append(buffer, start, Math.min(position - start, Math.max(room, 0)));
            if (position < limit) {
                position++; // the '\n'
                break;
            }
        }
        number++;
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\r') {
            line.setLength(end - 1);
        }
        if (number == 1 && line.length() > 0 && line.charAt(0) == '\uFEFF') {
            line.deleteCharAt(0);
        }
        return line.toString();
    }

    /** The 1-based number of the line last returned. */
    long number() {
        return number;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
