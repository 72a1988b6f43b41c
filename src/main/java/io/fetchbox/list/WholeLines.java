package io.fetchbox.list;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A list's lines as long as they are: the readers cut a line at {@link PhysicalLines#MAX_LINE_CHARS}
 * to bound memory, and {@code failed.txt} gives back what the list said (README, "Reports"), so a
 * cut line is copied from the list itself, streamed, never held.
 */
public final class WholeLines {
    private WholeLines() {}

    /** Whether a line's text as a reader returned it may have been cut. */
    public static boolean mayBeCut(String text) {
        return text != null && text.length() >= PhysicalLines.MAX_LINE_CHARS;
    }

    /**
     * Copies physical line {@code number} (1-based) of a UTF-8 file to {@code out}, without its line
     * break and, like {@link PhysicalLines}, without a CR before it.
     */
    public static void copy(Path file, long number, Writer out) throws IOException {
        try (Reader reader = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8)) {
            char[] buffer = new char[16 * 1024];
            long line = 1;
            boolean heldCr = false;
            for (int n; (n = reader.read(buffer)) > 0; ) {
                for (int i = 0; i < n; i++) {
                    char c = buffer[i];
                    if (line < number) {
                        line += c == '\n' ? 1 : 0;
                        continue;
                    }
                    if (c == '\n') {
                        return;
                    }
                    if (heldCr) {
                        out.write('\r');
                    }
                    heldCr = c == '\r';
                    if (!heldCr) {
                        out.write(c);
                    }
                }
            }
        }
    }
}
