package io.fetchbox.list;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WholeLinesTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource(
            delimiterString = "|",
            value = {"1|first", "2|sec\rond", "3|third", "4|''", "5|last", "6|''"})
    void copiesOneLineWithoutItsBreakOrTheCrBeforeIt(long number, String expected) throws IOException {
        Path file = Files.writeString(dir.resolve("l.txt"), "first\nsec\rond\r\nthird\n\r\nlast\r");

        assertThat(copy(file, number)).isEqualTo(expected);
    }

    @Test
    void aLineLongerThanTheReadersCutComesBackWhole() throws IOException {
        String giant = "x".repeat(PhysicalLines.MAX_LINE_CHARS * 3 + 7);
        Path file = Files.writeString(dir.resolve("l.txt"), "a\n" + giant + "\nb\n");

        assertThat(copy(file, 2)).isEqualTo(giant);
        assertThat(WholeLines.mayBeCut(giant.substring(0, PhysicalLines.MAX_LINE_CHARS)))
                .isTrue();
        assertThat(WholeLines.mayBeCut("short")).isFalse();
    }

    private static String copy(Path file, long number) throws IOException {
        StringWriter out = new StringWriter();
        WholeLines.copy(file, number, out);
        return out.toString();
    }
}
