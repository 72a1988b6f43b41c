package io.fetchbox.naming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SafeNameNumberedTest {

    @ParameterizedTest(name = "{0}, {1} -> {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "a.txt          | 1  | a.1.txt",
                "a.txt          | 2  | a.2.txt",
                "README         | 1  | README.1",
                "README         | 2  | README.2",
                "index.html     | 12 | index.12.html",
                "a.b.c          | 1  | a.b.1.c",
                "x.tgz          | 1  | x.1.tgz",
                "_              | 1  | _.1",
            })
    void insertsTheNumberBeforeTheExtension(String name, int n, String expected) {
        assertThat(SafeName.numbered(name, n)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}, {1} -> {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "a.tar.gz       | 1  | a.1.tar.gz",
                "a.tar.bz2      | 1  | a.1.tar.bz2",
                "a.tar.xz       | 2  | a.2.tar.xz",
                "a.tar.zst      | 3  | a.3.tar.zst",
                "A.TAR.GZ       | 1  | A.1.TAR.GZ",
                "v1.2.tar.gz    | 1  | v1.2.1.tar.gz",
                "a.gz           | 1  | a.1.gz",
                "tar.gz         | 1  | tar.1.gz",
            })
    void keepsTheKnownDoubleExtensionsTogether(String name, int n, String expected) {
        assertThat(SafeName.numbered(name, n)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}, {1} -> {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "con.txt                                  | 1 | con_.1.txt",
                ".txt                                     | 1 | _txt.1",
                "name.                                    | 1 | name_.1",
                "x.averyveryverylongextension_over20      | 1 | x.averyveryverylongextension_over20.1",
            })
    void numbersTheSafeFormOfTheName(String name, int n, String expected) {
        String numbered = SafeName.numbered(name, n);
        assertThat(numbered).isEqualTo(expected);
        assertThat(SafeName.of(numbered)).isEqualTo(numbered);
    }

    @Test
    void shortensTheStemToStayWithin200Bytes() {
        String longest = "\u00e9".repeat(98) + ".txt"; // 200 bytes
        String numbered = SafeName.numbered(longest, 123);
        assertThat(numbered).isEqualTo("\u00e9".repeat(96) + ".123.txt");
        assertThat(numbered.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(200);
        assertThat(SafeName.of(numbered)).isEqualTo(numbered);
    }

    @Test
    void staysDistinctForLongNames() {
        String longest = "a".repeat(200);
        assertThat(SafeName.numbered(longest, 9)).isEqualTo("a".repeat(198) + ".9");
        assertThat(SafeName.numbered(longest, 10)).isEqualTo("a".repeat(197) + ".10");
    }

    @Test
    void startsAtOne() {
        assertThatThrownBy(() -> SafeName.numbered("a.txt", 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
