package io.fetchbox.list;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ListCheckerTest {

    private static final long TWO_KB = 2048;

    @TempDir
    Path dir;

    private static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            out.writeBytes(part instanceof byte[] raw ? raw : part.toString().getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private void assertRefused(Path file, ListFormat format, long maxBytes, String reason) {
        assertThatThrownBy(() -> ListChecker.check(file, format, maxBytes))
                .isInstanceOf(ListRefusedException.class)
                .hasMessage(reason);
    }

    private void assertAccepted(Path file, ListFormat format, long maxBytes) {
        assertThatCode(() -> ListChecker.check(file, format, maxBytes)).doesNotThrowAnyException();
    }

    @Test
    void refusesAListOverTheLimit() throws IOException {
        Path file = ListFiles.write(dir, "big.txt", "x".repeat(3599) + "\n");

        assertRefused(file, ListFormat.TEXT, TWO_KB, "list is 3600 bytes, over fetchbox.max-list-bytes (2048 bytes)");
    }

    @Test
    void acceptsAListJustUnderTheLimit() throws IOException {
        Path file = ListFiles.write(dir, "edge.txt", "#" + "x".repeat(2038) + "\n"); // 2,040 bytes

        assertAccepted(file, ListFormat.TEXT, TWO_KB);
    }

    @Test
    void acceptsAListOfExactlyTheLimit() throws IOException {
        Path file = ListFiles.write(dir, "exact.txt", "#" + "x".repeat(2046) + "\n");

        assertAccepted(file, ListFormat.TEXT, TWO_KB);
    }

    @Test
    void zeroMeansNoLimit() throws IOException {
        Path file = ListFiles.write(dir, "big.txt", "x".repeat(100_000) + "\n");

        assertAccepted(file, ListFormat.TEXT, 0);
    }

    @Test
    void refusesANulByteWithItsPlace() throws IOException {
        String first = "http://127.0.0.1:8000/f/n1.bin?a=1\n"; // 35 bytes, so the NUL is at offset 35
        Path file = ListFiles.write(dir, "nul.txt", bytes(first, new byte[] {0}, "\nhttp://h/n2\n"));

        assertRefused(file, ListFormat.TEXT, 0, "contains a NUL byte at line 2 (byte offset 35)");
    }

    @Test
    void refusesInvalidUtf8WithItsPlace() throws IOException {
        String first = "http://h/b1.bin\n"; // 16 bytes; "caf" then the bad byte at 19
        Path file = ListFiles.write(
                dir, "badutf8.txt", bytes(first, "caf", new byte[] {(byte) 0xE9, ' ', (byte) 0xFF}, "\n"));

        assertRefused(file, ListFormat.TEXT, 0, "not valid UTF-8 at line 2 (byte offset 19)");
    }

    @Test
    void refusesATruncatedCharacterAtTheEnd() throws IOException {
        Path file = ListFiles.write(dir, "cut.txt", bytes("http://h/a\nhttp://h/\u00e9", new byte[] {(byte) 0xC3}));

        assertRefused(file, ListFormat.TEXT, 0, "not valid UTF-8 at line 2 (byte offset 22)");
    }

    @Test
    void refusesAnOverlongEncoding() throws IOException {
        Path file = ListFiles.write(dir, "overlong.txt", bytes("http://h/", new byte[] {(byte) 0xC0, (byte) 0xAF}));

        assertRefused(file, ListFormat.TEXT, 0, "not valid UTF-8 at line 1 (byte offset 9)");
    }

    @Test
    void placesProblemsBeyondTheFirstBufferCorrectly() throws IOException {
        // 70,000 bytes of two-byte characters: they straddle the 64 KiB read buffer
        String line = "http://h/" + "\u00e9".repeat(45) + "\n"; // 100 bytes
        Path good = ListFiles.write(dir, "good.txt", line.repeat(700));
        Path bad = ListFiles.write(dir, "bad.txt", bytes(line.repeat(700), new byte[] {0}));

        assertAccepted(good, ListFormat.TEXT, 0);
        assertRefused(bad, ListFormat.TEXT, 0, "contains a NUL byte at line 701 (byte offset 70000)");
    }

    @Test
    void placesInvalidUtf8BeyondTheFirstBufferCorrectly() throws IOException {
        String line = "http://h/" + "\u00e9".repeat(45) + "\n"; // 100 bytes
        Path bad = ListFiles.write(dir, "bad.txt", bytes(line.repeat(700), "ab", new byte[] {(byte) 0x80}));

        assertRefused(bad, ListFormat.TEXT, 0, "not valid UTF-8 at line 701 (byte offset 70002)");
    }

    @Test
    void acceptsALeadingBom() throws IOException {
        Path file = ListFiles.write(dir, "bom.txt", "\uFEFFhttp://h/a\r\n");

        assertAccepted(file, ListFormat.TEXT, 0);
    }

    @Test
    void refusesACsvWithoutUrlColumn() throws IOException {
        Path file = ListFiles.write(dir, "nourl.csv", "link,name\r\nhttp://h/a,x\r\n");

        assertRefused(file, ListFormat.CSV, TWO_KB, "CSV header has no 'url' column (found: link, name)");
    }

    @Test
    void refusesAnEmptyCsv() throws IOException {
        Path file = ListFiles.write(dir, "empty.csv", "\uFEFF\r\n\r\n");

        assertRefused(file, ListFormat.CSV, 0, "CSV is empty: it needs a header row with a 'url' column");
    }

    @Test
    void acceptsACsvWithUrlColumnAfterBomAndBlankLines() throws IOException {
        Path file = ListFiles.write(dir, "ok.csv", "\uFEFF\r\nid, URL \r\n1,http://h/a\r\n");

        assertAccepted(file, ListFormat.CSV, 0);
    }

    @Test
    void headerIsOnlyCheckedForCsv() throws IOException {
        Path file = ListFiles.write(dir, "nourl.txt", "link,name\n");

        assertAccepted(file, ListFormat.TEXT, 0);
    }

    @Test
    void refusesAMissingFile() {
        assertThatThrownBy(() -> ListChecker.check(dir.resolve("gone.txt"), ListFormat.TEXT, 0))
                .isInstanceOf(ListRefusedException.class)
                .hasMessageStartingWith("cannot read the list: ");
    }
}
