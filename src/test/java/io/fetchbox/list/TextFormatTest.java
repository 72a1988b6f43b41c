package io.fetchbox.list;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextFormatTest {

    private static final String SHA256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    @TempDir
    Path dir;

    private static UrlEntry entry(
            String url, String out, String dir, UrlEntry.Checksum checksum, List<UrlEntry.Header> headers) {
        return new UrlEntry(7, url, out, dir, checksum, headers, List.of(), null);
    }

    @Test
    void plainUrlIsOneLine() {
        assertThat(TextFormat.render(entry("http://h/a", null, null, null, null)))
                .isEqualTo("http://h/a\n");
    }

    @Test
    void optionsFollowIndented() {
        UrlEntry entry = entry(
                "https://user:pass@h/a b",
                "x.bin",
                "sub",
                new UrlEntry.Checksum("SHA-256", SHA256),
                List.of(new UrlEntry.Header("X-A", "1"), new UrlEntry.Header("X-B", "two words")));

        assertThat(TextFormat.render(entry))
                .isEqualTo("https://user:pass@h/a b\n"
                        + "  out=x.bin\n"
                        + "  dir=sub\n"
                        + "  checksum=sha-256=" + SHA256 + "\n"
                        + "  header=X-A: 1\n"
                        + "  header=X-B: two words\n");
    }

    @Test
    void checksumAlgorithmsAreWrittenWithListNames() {
        assertThat(TextFormat.render(entry("http://h/a", null, null, new UrlEntry.Checksum("SHA-1", "ab"), null)))
                .endsWith("  checksum=sha-1=ab\n");
        assertThat(TextFormat.render(entry("http://h/a", null, null, new UrlEntry.Checksum("MD5", "cd"), null)))
                .endsWith("  checksum=md5=cd\n");
    }

    @Test
    void lineBreaksInValuesCannotStartNewLines() {
        UrlEntry entry = entry("http://h/a", "two\nlines.bin", null, null, null);

        assertThat(TextFormat.render(entry)).isEqualTo("http://h/a\n  out=two lines.bin\n");
    }

    @Test
    void urlLineThatWouldReadAsCommentOrBlankBecomesAComment() {
        UrlEntry noUrl = new UrlEntry(4, "", "orphan.bin", null, null, null, null, "CSV row has no url");

        assertThat(TextFormat.render(noUrl)).isEqualTo("# not a URL line (line 4): \n");
    }

    @Test
    void renderedEntriesReadBackTheSame() throws IOException {
        List<UrlEntry> originals = List.of(
                entry(
                        "http://h/a",
                        "x.bin",
                        "sub",
                        new UrlEntry.Checksum("SHA-256", SHA256),
                        List.of(new UrlEntry.Header("X-A", "1"), new UrlEntry.Header("X-A", "2"))),
                entry("http://h/b", null, null, new UrlEntry.Checksum("MD5", "098f6bcd4621d373cade4e832627b4f6"), null),
                entry("ftp://h/invalid", "kept.bin", null, null, null),
                entry(
                        "https://user:pass@h/c?q=1",
                        null,
                        "d",
                        new UrlEntry.Checksum("SHA-1", "a94a8fe5ccb19ba61c4c0873d391e987982fbbd3"),
                        null));
        StringBuilder text = new StringBuilder();
        originals.forEach(e -> text.append(TextFormat.render(e)));

        List<UrlEntry> readBack = ListFiles.readText(dir, text.toString());

        assertThat(readBack)
                .usingRecursiveFieldByFieldElementComparatorOnFields("url", "out", "dir", "checksum", "headers")
                .containsExactlyElementsOf(originals);
    }

    @Test
    void acceptReadsBackTheSameAndAMalformedOneIsGivenBackAsWritten() throws IOException {
        List<UrlEntry> read =
                ListFiles.readText(dir, "http://h/a\n  accept=IMAGE/*, application/pdf\nhttp://h/b\n  accept=jpeg\n");

        assertThat(read.get(0).accept()).isEqualTo("image/*,application/pdf");
        assertThat(TextFormat.render(read.get(0))).isEqualTo("http://h/a\n  accept=image/*,application/pdf\n");
        assertThat(ListFiles.readText(dir, TextFormat.render(read.get(0)))
                        .get(0)
                        .accept())
                .isEqualTo("image/*,application/pdf");
        assertThat(read.get(1).invalid())
                .isEqualTo("bad accept option: 'jpeg' is not a media type: give type/subtype," + " type/* or */*");
        assertThat(TextFormat.render(read.get(1))).isEqualTo("http://h/b\n  accept=jpeg\n");
    }

    @Test
    void malformedChecksumIsGivenBackAsWritten() throws IOException {
        UrlEntry bad =
                ListFiles.readText(dir, "http://h/a\n  checksum=sha-512=ABC\n").get(0);

        assertThat(TextFormat.render(bad)).isEqualTo("http://h/a\n  checksum=sha-512=ABC\n");
    }
}
