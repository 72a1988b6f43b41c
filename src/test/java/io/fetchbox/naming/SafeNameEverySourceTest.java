package io.fetchbox.naming;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Invisible characters and separator look-alikes are replaced whichever way a name comes in (issue
 * 9, finding 10): a URL path, an {@code out=}/{@code name} option, a {@code dir=} option, a list's
 * file name; Content-Disposition has its own table in {@link SafeNameFromContentDispositionTest}.
 */
class SafeNameEverySourceTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "/gnp%E2%80%AEexe.txt                | gnp_exe.txt",
                "/d/con%E2%80%8B.txt                 | con_.txt",
                "/a%E2%88%95b.txt                    | a_b.txt",
                "/a%EF%BC%8Fb.txt                    | a_b.txt",
                "/%EF%BB%BFlist.txt                  | _list.txt",
                "/soft%C2%ADhyphen                   | soft_hyphen",
                "/%E2%81%A6x%E2%81%A9                | _x_",
            })
    void urlPathNames(String rawPath, String expected) {
        assertThat(SafeName.fromUrlPath(rawPath)).isEqualTo(expected);
    }

    @Test
    void outAndNameOptions() {
        // NamePlanner passes the option through SafeName.of
        assertThat(SafeName.of("report\u202efdp.exe")).isEqualTo("report_fdp.exe");
        assertThat(SafeName.of("\u200b")).isEqualTo("_");
    }

    @Test
    void dirOptionsNeverSplitOnALookalikeNorKeepAnInvisibleCharacter() {
        assertThat(SafeName.segments("raw\u2215csv/x\u202ey")).isEqualTo("raw_csv/x_y");
        assertThat(SafeName.segments("..\u2215..\u2215etc")).isEqualTo("_._.._etc");
        assertThat(SafeName.segments("a\uff0fb\uff3cc/d")).isEqualTo("a_b_c/d");
        assertThat(SafeName.segments("\u200b/\u200b")).isEqualTo("_/_");
        assertThat(SafeName.segments("con\u200b/x")).isEqualTo("con_/x");
    }

    @ParameterizedTest(name = "{index}: {0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "gnp\u202eexe.txt       | gnp_exe",
                "con\u200b.txt          | con_",
                "\u200bcon.txt          | _con",
                "\ufeffpics.txt         | _pics",
                "a\u2215b.txt           | a_b",
                "x\u2066y\u2069.csv     | x_y_",
            })
    void batchNamesFromListFileNames(String listFileName, String expected) {
        assertThat(SafeName.batchName(listFileName)).isEqualTo(expected);
    }
}
