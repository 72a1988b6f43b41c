package io.fetchbox.list;

import static io.fetchbox.list.ListFiles.lf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonLinesReaderTest {

    private static final String SHA256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    @TempDir
    Path dir;

    private List<UrlEntry> read(String jsonLines) throws IOException {
        return ListFiles.readAll(ListFiles.write(dir, "list.jsonl", jsonLines), ListFormat.JSON_LINES);
    }

    @Test
    void plainObject() throws IOException {
        assertThat(read("{\"url\": \"http://h/j1.bin\"}\n"))
                .containsExactly(new UrlEntry(1, "http://h/j1.bin", null, null, null, null, null, null));
    }

    @Test
    void nameDirSha256AndHeaders() throws IOException {
        String line = "{\"url\": \"http://h/j2.bin\", \"name\": \"j2-renamed.bin\", \"dir\": \"jsub\", \"sha256\": \""
                + SHA256 + "\", \"headers\": {\"X-Token\": \"tok-123\", \"X-Second\": \"two\"}}";

        UrlEntry entry = read(line + "\n").get(0);

        assertThat(entry.out()).isEqualTo("j2-renamed.bin");
        assertThat(entry.dir()).isEqualTo("jsub");
        assertThat(entry.checksum()).isEqualTo(new UrlEntry.Checksum("SHA-256", SHA256));
        assertThat(entry.headers())
                .containsExactly(new UrlEntry.Header("X-Token", "tok-123"), new UrlEntry.Header("X-Second", "two"));
        assertThat(entry.warnings()).isEmpty();
        assertThat(entry.isValid()).isTrue();
    }

    @Test
    void acceptIsAStringOrAnArrayOfThem() throws IOException {
        List<UrlEntry> entries = read("{\"url\": \"http://h/a\", \"accept\": \"image/*\"}\n"
                + "{\"url\": \"http://h/b\", \"accept\": [\"image/png\", \"application/pdf\"]}\n"
                + "{\"url\": \"http://h/c\", \"accept\": 5}\n");

        assertThat(entries.get(0).accept()).isEqualTo("image/*");
        assertThat(entries.get(1).accept()).isEqualTo("image/png,application/pdf");
        assertThat(entries.get(1).warnings()).isEmpty();
        assertThat(entries.get(2).invalid()).startsWith("bad accept option: '5'");
    }

    @Test
    void unknownKeysAreWarnings() throws IOException {
        assertThat(read("{\"url\": \"http://h/a\", \"extra\": 5, \"note\": \"x\"}\n")
                        .get(0)
                        .warnings())
                .containsExactly("unknown key 'extra'", "unknown key 'note'");
    }

    @Test
    void linesArePhysicalAndBlankLinesSkipped() throws IOException {
        String list = "\uFEFF" + lf("{\"url\": \"http://h/1\"}", "", "  ", "{\"url\": \"gopher://h/x\"}");

        assertThat(read(list.replace("\n", "\r\n")))
                .extracting(UrlEntry::line, UrlEntry::invalid)
                .containsExactly(tuple(1L, null), tuple(4L, "unsupported scheme 'gopher' (only http and https)"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ["http://h/a"]                     | not a JSON object
            "http://h/a"                       | not a JSON object
            {"name": "x"}                      | JSON object has no string 'url'
            {"url": 5}                         | JSON object has no string 'url'
            {"url": null}                      | JSON object has no string 'url'
            """)
    void lineThatIsNotAUsableObjectIsInvalidAndKeepsItsText(String line, String reason) throws IOException {
        UrlEntry entry = read("{\"url\": \"http://h/ok\"}\n  " + line + "  \n").get(1);

        assertThat(entry)
                .extracting(UrlEntry::line, UrlEntry::url, UrlEntry::invalid)
                .containsExactly(2L, line, reason);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            http://h/a
            {"url": "http://h/a"
            {"url": "http://h/a"} trailing
            """)
    void lineThatIsNotJsonIsInvalid(String line) throws IOException {
        UrlEntry entry = read(line + "\n").get(0);

        assertThat(entry.url()).isEqualTo(line);
        assertThat(entry.invalid()).startsWith("not valid JSON: ");
    }

    @Test
    void wrongTypesAreIgnoredWithWarnings() throws IOException {
        UrlEntry entry =
                read("{\"url\": \"http://h/a\", \"name\": 7, \"headers\": {\"X-A\": 1, \"Bad Name\": \"v\", \"X-B\": \"ok\"}}\n")
                        .get(0);

        assertThat(entry.out()).isNull();
        assertThat(entry.headers()).containsExactly(new UrlEntry.Header("X-B", "ok"));
        assertThat(entry.warnings())
                .containsExactly(
                        "'name' is not a string, ignored",
                        "header 'X-A' ignored: its value is not a string",
                        "header 'Bad Name' ignored: not a valid header name");
    }

    @Test
    void headerValueWithLineBreakIsRefused() throws IOException {
        UrlEntry entry = read("{\"url\": \"http://h/a\", \"headers\": {\"X-A\": \"v\\r\\nX-Evil: 1\"}}\n")
                .get(0);

        assertThat(entry.headers()).isEmpty();
        assertThat(entry.warnings()).containsExactly("header 'X-A' ignored: control characters in its value");
    }

    @Test
    void headersThatAreNotAnObjectAreAWarning() throws IOException {
        assertThat(read("{\"url\": \"http://h/a\", \"headers\": [\"X-A: 1\"]}\n")
                        .get(0)
                        .warnings())
                .containsExactly("'headers' is not an object, ignored");
    }

    @Test
    void malformedSha256MakesTheEntryInvalid() throws IOException {
        assertThat(read("{\"url\": \"http://h/a\", \"sha256\": \"zz\"}\n")
                        .get(0)
                        .invalid())
                .isEqualTo("bad sha256: 'zz' is not hexadecimal");
    }
}
