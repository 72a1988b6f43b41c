package io.fetchbox.list;

import static io.fetchbox.list.ListFiles.crlf;
import static io.fetchbox.list.ListFiles.lf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvListReaderTest {

    private static final String SHA256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    @TempDir
    Path dir;

    private List<UrlEntry> read(String csv) throws IOException {
        return ListFiles.readAll(ListFiles.write(dir, "list.csv", csv), ListFormat.CSV);
    }

    /** The acceptance suite's list: extra columns, quoted comma, embedded newline, name/dir/sha256. */
    private static final String MIXED = crlf(
            "id,name,url,dir,sha256,note",
            "1,,http://h/c1.bin,,,plain",
            "2,\"my, file.txt\",http://h/c2.bin,,,\"quoted, with comma\"",
            "3,c3-renamed.bin,\"http://h/c3.bin?a=1,2\",csub," + SHA256 + ",\"multi\r\nline note\"",
            "4,,http://h/c4.bin,,,\"say \"\"hi\"\"\"",
            "5,,not a url,,,x");

    @Test
    void lineIsWhereTheRecordStartsAlsoAfterAnEmbeddedNewline() throws IOException {
        assertThat(read(MIXED)).extracting(UrlEntry::line).containsExactly(2L, 3L, 4L, 6L, 7L);
    }

    @Test
    void urlColumnNeedNotBeFirstAndExtraColumnsAreIgnored() throws IOException {
        UrlEntry first = read(MIXED).get(0);

        assertThat(first).isEqualTo(new UrlEntry(2, "http://h/c1.bin", null, null, null, null, null, null));
    }

    @Test
    void quotedFieldsKeepTheirCommas() throws IOException {
        List<UrlEntry> entries = read(MIXED);

        assertThat(entries.get(1).out()).isEqualTo("my, file.txt");
        assertThat(entries.get(2).url()).isEqualTo("http://h/c3.bin?a=1,2");
    }

    @Test
    void nameDirAndSha256Columns() throws IOException {
        UrlEntry entry = read(MIXED).get(2);

        assertThat(entry.out()).isEqualTo("c3-renamed.bin");
        assertThat(entry.dir()).isEqualTo("csub");
        assertThat(entry.checksum()).isEqualTo(new UrlEntry.Checksum("SHA-256", SHA256));
        assertThat(entry.isValid()).isTrue();
    }

    @Test
    void anAcceptColumnGivesEachRowItsTypes() throws IOException {
        List<UrlEntry> entries =
                read(crlf("url,Accept", "http://h/a.jpg,\"image/jpeg, image/png\"", "http://h/b,", "http://h/c,jpeg"));

        assertThat(entries.get(0).accept()).isEqualTo("image/jpeg,image/png");
        assertThat(entries.get(1).accept()).isNull();
        assertThat(entries.get(2).isValid()).isFalse();
        assertThat(entries.get(2).invalid()).startsWith("bad accept option: 'jpeg'");
    }

    @Test
    void invalidUrlRowIsAnInvalidEntry() throws IOException {
        assertThat(read(MIXED).get(4))
                .extracting(UrlEntry::url, UrlEntry::invalid)
                .containsExactly("not a url", "unparseable URL: no scheme (expected http:// or https://)");
    }

    @Test
    void headerIsMatchedTrimmedAndIgnoringCase() throws IOException {
        List<UrlEntry> entries = read(lf(" Name , URL ,DIR,Sha256", "a.bin,http://h/a,d," + SHA256.toUpperCase()));

        assertThat(entries)
                .extracting(UrlEntry::url, UrlEntry::out, UrlEntry::dir, e -> e.checksum()
                        .hex())
                .containsExactly(tuple("http://h/a", "a.bin", "d", SHA256));
    }

    @Test
    void bomBeforeTheHeaderIsSkipped() throws IOException {
        assertThat(read("\uFEFFurl\nhttp://h/a\n"))
                .extracting(UrlEntry::line, UrlEntry::url)
                .containsExactly(tuple(2L, "http://h/a"));
    }

    @Test
    void emptyRowsAreSkippedAndStillCounted() throws IOException {
        List<UrlEntry> entries = read(lf("url,name", "", "http://h/a,", ",", "  ,  ", "http://h/b,b.bin"));

        assertThat(entries)
                .extracting(UrlEntry::line, UrlEntry::url, UrlEntry::out)
                .containsExactly(tuple(3L, "http://h/a", null), tuple(6L, "http://h/b", "b.bin"));
    }

    @Test
    void rowWithoutUrlIsInvalid() throws IOException {
        assertThat(read(lf("url,name", ",orphan.bin")))
                .extracting(UrlEntry::line, UrlEntry::url, UrlEntry::out, UrlEntry::invalid)
                .containsExactly(tuple(2L, "", "orphan.bin", "CSV row has no url"));
    }

    @Test
    void shortRowHasNoUrl() throws IOException {
        assertThat(read(lf("name,url", "only-a-name")))
                .extracting(UrlEntry::invalid)
                .containsExactly("CSV row has no url");
    }

    @Test
    void malformedSha256MakesTheRowInvalid() throws IOException {
        assertThat(read(lf("url,sha256", "http://h/a,abc")))
                .extracting(UrlEntry::invalid)
                .containsExactly("bad sha256 column: sha-256 needs 64 hex digits, got 3");
    }

    @Test
    void headerOnlyHasNoEntries() throws IOException {
        assertThat(read("url\r\n")).isEmpty();
    }

    @Test
    void recordWithoutFinalLineBreakIsRead() throws IOException {
        assertThat(read("url\nhttp://h/a"))
                .extracting(UrlEntry::line, UrlEntry::url)
                .containsExactly(tuple(2L, "http://h/a"));
    }

    @Test
    void openingACsvWithoutUrlColumnFails() {
        assertThatThrownBy(() -> read(lf("link,name", "http://h/a,x")))
                .isInstanceOf(IOException.class)
                .hasMessage("CSV header has no 'url' column (found: link, name)");
    }
}
