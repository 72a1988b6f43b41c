package io.fetchbox.naming;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SafeNameFromContentDispositionTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "attachment; filename=\"report.pdf\"             | report.pdf",
                "attachment; filename=report.pdf                 | report.pdf",
                "attachment;filename=report.pdf;size=10          | report.pdf",
                "inline; FILENAME=\"Up.txt\"                     | Up.txt",
                "filename=bare.txt                               | bare.txt",
                "attachment; filename=my report.pdf              | my report.pdf",
                "attachment; filename=\"a;b.txt\"                | a;b.txt",
                "attachment; filename=\"a\\\"b.txt\"             | a_b.txt",
                "attachment; filename=\"unterminated.txt         | unterminated.txt",
            })
    void readsQuotedAndTokenFilenames(String header, String expected) {
        assertThat(SafeName.fromContentDisposition(header)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "attachment; filename*=UTF-8''%E2%82%AC%20rates.pdf                    | € rates.pdf",
                "attachment; filename=\"fallback.pdf\"; filename*=UTF-8''real.pdf       | real.pdf",
                "attachment; filename*=utf-8'en'real.pdf; filename=\"fallback.pdf\"     | real.pdf",
                "attachment; filename*=ISO-8859-1''caf%E9.txt                           | café.txt",
                "attachment; filename*=UTF-8''%FF.txt; filename=ok.txt                  | ok.txt",
                "attachment; filename*=KOI8-R''x.txt; filename=ok.txt                   | ok.txt",
                "attachment; filename*=UTF-8''bad%2; filename=ok.txt                    | ok.txt",
                "attachment; filename*=no-quotes.txt; filename=ok.txt                   | ok.txt",
            })
    void prefersFilenameStarAndFallsBackWhenItIsUnusable(String header, String expected) {
        assertThat(SafeName.fromContentDisposition(header)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "attachment; filename=\"../../etc/passwd\"              | passwd",
                "attachment; filename=../../etc/passwd                  | passwd",
                "attachment; filename=\"C:\\x\\y.exe\"                  | y.exe",
                "attachment; filename=C:\\x\\y.exe                      | y.exe",
                "attachment; filename=\"..\\..\\win.ini\"              | win.ini",
                "attachment; filename*=UTF-8''..%2F..%2Fx.txt           | x.txt",
                "attachment; filename*=UTF-8''..%5C..%5Cx.txt           | x.txt",
                "attachment; filename=\".bashrc\"                       | _bashrc",
                "attachment; filename=\"-rf\"                           | _rf",
                "attachment; filename=\"nul.txt\"                       | nul_.txt",
                "attachment; filename*=UTF-8''a%00b%0A.txt              | a_b_.txt",
            })
    void keepsOnlyTheLastSegmentMadeSafe(String header, String expected) {
        assertThat(SafeName.fromContentDisposition(header)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "attachment",
                "inline",
                "``",
                "attachment; filename=\"\"",
                "attachment; filename=",
                "attachment; filename=\"   \"",
                "attachment; filename=\"dir/\"",
                "attachment; filename=\"..\"",
                "attachment; filename=\"a/..\"",
                "attachment; name=\"field\"",
            })
    void isNullWhenThereIsNoUsableName(String header) {
        assertThat(SafeName.fromContentDisposition(header)).isNull();
    }

    @Test
    void isNullWithoutAHeader() {
        assertThat(SafeName.fromContentDisposition(null)).isNull();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "attachment; filename*=UTF-8''gnp%E2%80%AEexe.txt            | gnp_exe.txt",
                "attachment; filename*=UTF-8''con%E2%80%8B.txt               | con_.txt",
                "attachment; filename*=UTF-8''%E2%80%8Bcon.txt               | _con.txt",
                "attachment; filename*=UTF-8''a%E2%88%95b.txt                | a_b.txt",
                "attachment; filename*=UTF-8''..%E2%88%95..%E2%88%95x.txt    | _._.._x.txt",
                "attachment; filename*=UTF-8''%EF%BB%BFbom.txt               | _bom.txt",
                "attachment; filename*=UTF-8''a%E2%81%A6b%E2%81%A9.txt       | a_b_.txt",
            })
    void replacesInvisibleCharactersAndSeparatorLookalikes(String header, String expected) {
        assertThat(SafeName.fromContentDisposition(header)).isEqualTo(expected);
    }

    /**
     * camel-http hands a header over one ISO-8859-1 character per byte: a raw UTF-8 {@code
     * filename=} is read as UTF-8 when its bytes are valid UTF-8 (as browsers do), else as
     * ISO-8859-1.
     */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "attachment; filename=\"na\u00efve \u20ac.txt\"       | na\u00efve \u20ac.txt",
                "attachment; filename=na\u00efve.txt                   | na\u00efve.txt",
                "attachment; filename=\"\u65e5\u672c.txt\"            | \u65e5\u672c.txt",
                "attachment; filename=\"a\u2215b.txt\"                 | a_b.txt",
                "attachment; filename=\"gnp\u202eexe.txt\"             | gnp_exe.txt",
                "attachment; filename=\"con\u200b.txt\"                | con_.txt",
            })
    void readsARawUtf8FilenameAsUtf8(String header, String expected) {
        String asReceived = new String(header.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        assertThat(SafeName.fromContentDisposition(asReceived)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                // ISO-8859-1 bytes that are not UTF-8 stay ISO-8859-1
                "attachment; filename=\"caf\u00e9.txt\"                | caf\u00e9.txt",
                "attachment; filename=\"\u00e9t\u00e9 \u00a3.txt\"     | \u00e9t\u00e9 \u00a3.txt",
                // an overlong form, an encoded surrogate and a cut sequence are not UTF-8
                "attachment; filename=\"x\u00c0\u00afy\"               | x\u00c0\u00afy",
                "attachment; filename=\"x\u00ed\u00a0\u0080y\"         | x\u00ed\u00a0_y",
                "attachment; filename=\"x\u00e2\u0082\"               | x\u00e2_",
                // a header some other way already decoded (a character above U+00FF) is taken as it is
                "attachment; filename=\"\u65e5\u00e9.txt\"            | \u65e5\u00e9.txt",
            })
    void keepsAFilenameThatIsNotUtf8AsIso88591(String header, String expected) {
        assertThat(SafeName.fromContentDisposition(header)).isEqualTo(expected);
    }
}
