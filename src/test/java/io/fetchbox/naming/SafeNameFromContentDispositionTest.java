package io.fetchbox.naming;

import static org.assertj.core.api.Assertions.assertThat;

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
}
