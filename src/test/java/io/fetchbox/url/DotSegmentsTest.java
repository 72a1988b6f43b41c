package io.fetchbox.url;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DotSegmentsTest {
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "/a/b/c.bin       | /a/b/c.bin",
                "/w1/w1-00000.bin | /w1/w1-00000.bin",
                "/a/./b           | /a/b",
                "/a/../b          | /b",
                "/a/b/..          | /a/",
                "/a/b/.           | /a/b/",
                "/../a            | /a",
                "/.hidden/..x/x.. | /.hidden/..x/x..",
                "/...             | /...",
                "/                | /"
            })
    void removesOnlyDotSegments(String path, String expected) {
        assertThat(DotSegments.remove(path)).isEqualTo(expected);
        assertThat(DotSegments.hasDotSegment(path)).isEqualTo(!expected.equals(path));
    }
}
