package io.fetchbox.list;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Counting a list (its progress total) gives as many entries as reading it does, bad lines included. */
class ListCountTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(ListFormat.class)
    void countIsTheNumberOfEntriesReadValidOrNot(ListFormat format) throws IOException {
        Path list = Files.writeString(dir.resolve("list"), sample(format));

        long read = 0;
        long invalid = 0;
        try (EntryIterator entries = ListReader.open(list, format)) {
            while (entries.hasNext()) {
                read++;
                invalid += entries.next().isValid() ? 0 : 1;
            }
        }

        assertThat(ListReader.count(list, format)).isEqualTo(read).isEqualTo(5);
        assertThat(invalid).as("the sample has bad URLs and a bad line").isEqualTo(3);
    }

    private static String sample(ListFormat format) {
        return switch (format) {
            case TEXT ->
                String.join(
                        "\n",
                        "# a comment",
                        "http://127.0.0.1/a",
                        "  out=a.bin",
                        "ftp://127.0.0.1/b",
                        "",
                        "http://127.0.0.1:99999/c",
                        "http://127.0.0.1/d",
                        "http://[::1/e",
                        "");
            case CSV ->
                String.join(
                        "\n",
                        "url,name",
                        "http://127.0.0.1/a,a.bin",
                        "ftp://127.0.0.1/b,",
                        "http://127.0.0.1:99999/c,",
                        "http://127.0.0.1/d,",
                        "http://[::1/e,",
                        "");
            case JSON_LINES ->
                String.join(
                        "\n",
                        "{\"url\": \"http://127.0.0.1/a\", \"name\": \"a.bin\"}",
                        "{\"url\": \"ftp://127.0.0.1/b\"}",
                        "{\"no\": \"url\"}",
                        "{\"url\": \"http://127.0.0.1/d\"}",
                        "not json",
                        "");
        };
    }
}
