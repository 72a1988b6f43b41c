package io.fetchbox.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Reads a batch's journal back after an interruption. A line torn by a crash (no newline at the
 * end, or not JSON) is cut off first, so that the journal holds whole lines only and the outcome it
 * would have recorded is simply produced again.
 */
public final class JournalReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JournalReader() {}

    /** One recorded outcome: its list line, outcome and byte count. */
    public record Recorded(long line, String outcome, long bytes) {}

    /** Cuts a torn last line, then hands every recorded outcome to {@code each}, in file order. */
    public static void replay(Path journal, Consumer<Recorded> each) throws IOException {
        if (!Files.exists(journal)) {
            return;
        }
        cutTornTail(journal);
        try (BufferedReader reader = Files.newBufferedReader(journal, StandardCharsets.UTF_8)) {
            for (String text; (text = reader.readLine()) != null; ) {
                if (text.isBlank()) {
                    continue;
                }
                JsonNode line = JSON.readTree(text);
                each.accept(new Recorded(
                        line.path("line").asLong(),
                        line.path("outcome").asText(),
                        line.path("bytes").asLong(0)));
            }
        }
    }

    /** Keeps everything up to the last newline whose line parses; drops what follows. */
    static void cutTornTail(Path journal) throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(journal.toFile(), "rw")) {
            long length = file.length();
            long end = length;
            while (end > 0) {
                file.seek(end - 1);
                if (file.read() == '\n') {
                    break;
                }
                end--;
            }
            if (end < length) {
                file.setLength(end);
            }
        }
        // the last whole line can still be garbage if the disk lied: drop unparseable trailing lines
        while (Files.size(journal) > 0 && !lastLineParses(journal)) {
            dropLastLine(journal);
        }
    }

    private static boolean lastLineParses(Path journal) throws IOException {
        String last = lastLine(journal);
        try {
            return last.isBlank() || JSON.readTree(last).has("line");
        } catch (IOException e) {
            return false;
        }
    }

    private static String lastLine(Path journal) throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(journal.toFile(), "r")) {
            long end = file.length() - 1; // the final newline
            long start = end;
            while (start > 0) {
                file.seek(start - 1);
                if (file.read() == '\n') {
                    break;
                }
                start--;
            }
            byte[] bytes = new byte[(int) (end - start)];
            file.seek(start);
            file.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static void dropLastLine(Path journal) throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(journal.toFile(), "rw")) {
            long start = file.length() - 1;
            while (start > 0) {
                file.seek(start - 1);
                if (file.read() == '\n') {
                    break;
                }
                start--;
            }
            file.setLength(start);
        }
    }
}
