package io.fetchbox.list;

import static io.fetchbox.list.ListFiles.crlf;
import static io.fetchbox.list.ListFiles.lf;
import static io.fetchbox.list.ListFiles.readText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextListReaderTest {

    private static final String SHA256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    @TempDir
    Path dir;

    @Test
    void oneEntryPerUrlLineWithItsPhysicalLine() throws IOException {
        List<UrlEntry> entries = readText(dir, lf("http://h/1", "http://h/2", "http://h/3"));

        assertThat(entries)
                .extracting(UrlEntry::line, UrlEntry::url)
                .containsExactly(tuple(1L, "http://h/1"), tuple(2L, "http://h/2"), tuple(3L, "http://h/3"));
        assertThat(entries).allMatch(UrlEntry::isValid);
    }

    @Test
    void skipsBomCommentsAndBlankLinesWithCrlf() throws IOException {
        String list = "\uFEFF" + crlf("# a comment", "", "http://h/a", "   ", "  # indented comment", "http://h/b");

        assertThat(readText(dir, list))
                .extracting(UrlEntry::line, UrlEntry::url)
                .containsExactly(tuple(3L, "http://h/a"), tuple(6L, "http://h/b"));
    }

    @Test
    void bomBeforeAUrlIsNotPartOfIt() throws IOException {
        assertThat(readText(dir, "\uFEFFhttp://h/a\n"))
                .extracting(UrlEntry::url)
                .containsExactly("http://h/a");
    }

    @Test
    void trimsSurroundingWhiteSpace() throws IOException {
        assertThat(readText(dir, "http://h/a   \t\r\n"))
                .extracting(UrlEntry::url)
                .containsExactly("http://h/a");
    }

    @Test
    void readsALastLineWithoutLineBreak() throws IOException {
        assertThat(readText(dir, "http://h/a\nhttp://h/b"))
                .extracting(UrlEntry::line, UrlEntry::url)
                .containsExactly(tuple(1L, "http://h/a"), tuple(2L, "http://h/b"));
    }

    @Test
    void emptyFileHasNoEntries() throws IOException {
        assertThat(readText(dir, "")).isEmpty();
        assertThat(readText(dir, "\uFEFF# only a comment\n\n")).isEmpty();
    }

    @Test
    void indentedOptionsBelongToTheUrlAbove() throws IOException {
        String list = lf("http://h/a", "  out=renamed.bin", "\tdir=sub", "  checksum=sha-256=" + SHA256);

        UrlEntry entry = readText(dir, list).get(0);

        assertThat(entry.out()).isEqualTo("renamed.bin");
        assertThat(entry.dir()).isEqualTo("sub");
        assertThat(entry.checksum()).isEqualTo(new UrlEntry.Checksum("SHA-256", SHA256));
        assertThat(entry.isValid()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            sha-256=9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08, SHA-256, 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08
            SHA-1=a94a8fe5ccb19ba61c4c0873d391e987982fbbd3,                           SHA-1,   a94a8fe5ccb19ba61c4c0873d391e987982fbbd3
            md5=098f6bcd4621d373cade4e832627b4f6,                                     MD5,     098f6bcd4621d373cade4e832627b4f6
            sha256=9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08,  SHA-256, 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08
            """)
    void checksumOptionNamesTheJdkAlgorithmAndLowerCaseHex(String option, String algorithm, String hex)
            throws IOException {
        UrlEntry entry = readText(dir, lf("http://h/a", "  checksum=" + option)).get(0);

        assertThat(entry.checksum()).isEqualTo(new UrlEntry.Checksum(algorithm, hex));
        assertThat(entry.isValid()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            sha-512=abcd                  | bad checksum option: unknown algorithm 'sha-512' (sha-256, sha-1 or md5)
            crc32                         | bad checksum option: unknown algorithm 'crc32' (sha-256, sha-1 or md5)
            md5=xyz                       | bad checksum option: 'xyz' is not hexadecimal
            sha-1=abcdef                  | bad checksum option: sha-1 needs 40 hex digits, got 6
            md5=                          | bad checksum option: md5 needs 32 hex digits, got 0
            """)
    void malformedChecksumMakesTheEntryInvalid(String option, String reason) throws IOException {
        UrlEntry entry = readText(dir, lf("http://h/a", "  checksum=" + option)).get(0);

        assertThat(entry.invalid()).isEqualTo(reason);
    }

    @Test
    void repeatedHeaderOptionsAllApplyInOrder() throws IOException {
        String list = lf("http://h/a", "  header=X-Custom: hello world", "  header=X-Other:v2");

        assertThat(readText(dir, list).get(0).headers())
                .containsExactly(new UrlEntry.Header("X-Custom", "hello world"), new UrlEntry.Header("X-Other", "v2"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            header=Bad Name: v      | header 'Bad Name' ignored: not a valid header name
            header=X(y): v          | header 'X(y)' ignored: not a valid header name
            header=: v              | header '' ignored: not a valid header name
            header=NoColon          | header option 'NoColon' ignored: expected 'Name: value'
            header=CamelHttpMethod: DELETE | header 'CamelHttpMethod' ignored: Camel's internal headers cannot be set from a list
            header=camelOverruleFileName: x | header 'camelOverruleFileName' ignored: Camel's internal headers cannot be set from a list
            header=Content-Length: 5 | header 'Content-Length' ignored: the HTTP client sets this header itself
            header=Transfer-Encoding: chunked | header 'Transfer-Encoding' ignored: the HTTP client sets this header itself
            frobnicate=yes          | unknown option 'frobnicate'
            out=                    | option 'out' has no value, ignored
            """)
    void unusableOptionIsIgnoredWithAWarning(String option, String warning) throws IOException {
        UrlEntry entry = readText(dir, lf("http://h/a", "  " + option)).get(0);

        assertThat(entry.warnings()).containsExactly(warning);
        assertThat(entry.headers()).isEmpty();
        assertThat(entry.isValid()).isTrue();
    }

    @Test
    void indentedLineThatIsNotKeyValueIsAUrlOfItsOwn() throws IOException {
        List<UrlEntry> entries = readText(dir, lf("http://h/a8", "  http://h/a9?x=1"));

        assertThat(entries)
                .extracting(UrlEntry::line, UrlEntry::url, UrlEntry::isValid)
                .containsExactly(tuple(1L, "http://h/a8", true), tuple(2L, "http://h/a9?x=1", true));
        assertThat(entries.get(0).warnings()).isEmpty();
    }

    @Test
    void optionWithoutIndentationIsAUrlLine() throws IOException {
        List<UrlEntry> entries = readText(dir, lf("http://h/a", "out=x.bin"));

        assertThat(entries)
                .extracting(UrlEntry::line, UrlEntry::url)
                .containsExactly(tuple(1L, "http://h/a"), tuple(2L, "out=x.bin"));
        assertThat(entries.get(0).out()).isNull();
        assertThat(entries.get(1).isValid()).isFalse();
    }

    @Test
    void optionBeforeAnyUrlIsSkipped() throws IOException {
        List<UrlEntry> entries = readText(dir, lf("  out=orphan.bin", "http://h/a"));

        assertThat(entries).extracting(UrlEntry::line, UrlEntry::out).containsExactly(tuple(2L, null));
    }

    @Test
    void optionsContinueAfterBlankAndCommentLines() throws IOException {
        List<UrlEntry> entries = readText(dir, lf("http://h/a", "", "# note", "  out=x.bin", "http://h/b"));

        assertThat(entries)
                .extracting(UrlEntry::url, UrlEntry::out)
                .containsExactly(tuple("http://h/a", "x.bin"), tuple("http://h/b", null));
    }

    @Test
    void invalidLinesKeepTheirPhysicalLineAndReason() throws IOException {
        String longUrl = "http://h/long.bin?pad=" + "a".repeat(10240);
        String list = "\uFEFF"
                + crlf(
                        "# header",
                        "ftp://127.0.0.1/x.bin",
                        "file:///etc/passwd",
                        "javascript:alert(1)",
                        "not a url",
                        longUrl,
                        "http://",
                        "",
                        "http://h/after");

        assertThat(readText(dir, list))
                .extracting(UrlEntry::line, UrlEntry::invalid)
                .containsExactly(
                        tuple(2L, "unsupported scheme 'ftp' (only http and https)"),
                        tuple(3L, "unsupported scheme 'file' (only http and https)"),
                        tuple(4L, "unsupported scheme 'javascript' (only http and https)"),
                        tuple(5L, "unparseable URL: no scheme (expected http:// or https://)"),
                        tuple(6L, "URL longer than 8 KiB (10262 bytes)"),
                        tuple(7L, "no host"),
                        tuple(9L, null));
    }

    @Test
    void invalidUrlStillCollectsItsOptions() throws IOException {
        UrlEntry entry =
                readText(dir, lf("ftp://h/x", "  out=x.bin", "  header=X-A: 1")).get(0);

        assertThat(entry.isValid()).isFalse();
        assertThat(entry.out()).isEqualTo("x.bin");
        assertThat(entry.headers()).containsExactly(new UrlEntry.Header("X-A", "1"));
    }

    @Test
    void urlProblemWinsOverChecksumProblem() throws IOException {
        UrlEntry entry = readText(dir, lf("not a url", "  checksum=md5=1")).get(0);

        assertThat(entry.invalid()).startsWith("unparseable URL");
    }

    @Test
    void ariaStyleListGivesTheExpectedLines() throws IOException {
        String list = "\uFEFF"
                + crlf(
                        "# aria2-style list",
                        "",
                        "http://h/a1.bin",
                        "  out=renamed.bin",
                        "http://h/a2.bin",
                        "\tdir=sub",
                        "\tchecksum=sha-256=" + SHA256,
                        "http://h/a3.bin",
                        "  checksum=sha-256=" + "0".repeat(64),
                        "http://h/a4.bin",
                        "  header=X-Custom: hello world",
                        "  header=X-Other: v2",
                        "  frobnicate=yes",
                        "# another comment",
                        "http://h/a5.bin   \t",
                        "  http://h/a9.bin");

        assertThat(readText(dir, list))
                .extracting(UrlEntry::line, UrlEntry::url, UrlEntry::out, UrlEntry::dir, UrlEntry::warnings)
                .containsExactly(
                        tuple(3L, "http://h/a1.bin", "renamed.bin", null, List.of()),
                        tuple(5L, "http://h/a2.bin", null, "sub", List.of()),
                        tuple(8L, "http://h/a3.bin", null, null, List.of()),
                        tuple(10L, "http://h/a4.bin", null, null, List.of("unknown option 'frobnicate'")),
                        tuple(15L, "http://h/a5.bin", null, null, List.of()),
                        tuple(16L, "http://h/a9.bin", null, null, List.of()));
    }

    @Test
    void giantLineIsCutAndTheNextLineKeepsItsNumber() throws IOException {
        String giant = "http://h/" + "a".repeat(3 * PhysicalLines.MAX_LINE_CHARS);

        List<UrlEntry> entries = readText(dir, lf(giant, "http://h/next"));

        assertThat(entries)
                .extracting(UrlEntry::line, UrlEntry::invalid)
                .containsExactly(tuple(1L, "URL longer than 8 KiB (1048576 bytes)"), tuple(2L, null));
    }
}
