package io.fetchbox.naming;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SafeNameSegmentsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "sub                | sub",
                "a/b/c              | a/b/c",
                "a\\b               | a/b",
                "./a/./b/           | a/b",
                "a//b               | a/b",
                "a:b/c*d            | a_b/c_d",
                ".git/x             | _git/x",
                "con/aux.txt        | con_/aux_.txt",
                "`a /b.`            | a_/b_",
            })
    void makesEachSegmentSafe(String dir, String expected) {
        assertThat(SafeName.segments(dir)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "a/../../b          | a/__/__/b",
                "../x               | __/x",
                "..                 | __",
                "..\\..\\windows    | __/__/windows",
                "%2e%2e/x           | %2e%2e/x",
            })
    void neverClimbs(String dir, String expected) {
        assertThat(SafeName.segments(dir)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "/etc               | etc",
                "/etc/              | etc",
                "//server/share     | server/share",
                "\\\\server\\share  | server/share",
                "C:\\               | C_",
                "C:\\x\\y           | C_/x/y",
                "C:/x               | C_/x",
            })
    void makesAbsolutePathsRelative(String dir, String expected) {
        assertThat(SafeName.segments(dir)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(
            quoteCharacter = '`',
            value = {"``", "/", ".", "./.", "\\", "//"})
    void isEmptyWhenNothingIsLeft(String dir) {
        assertThat(SafeName.segments(dir)).isEmpty();
    }

    @Test
    void isEmptyForNoDir() {
        assertThat(SafeName.segments(null)).isEmpty();
    }
}
