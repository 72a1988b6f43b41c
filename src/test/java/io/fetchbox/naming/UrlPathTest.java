package io.fetchbox.naming;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlPathTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "/a/b.txt               | /a/b.txt",
                "/a/./b.txt             | /a/b.txt",
                "/a/x/../b.txt          | /a/b.txt",
                "/a/%2e/%2E%2e/b.txt    | /b.txt",
                "/a/b/..                | /a/",
                "/a/b/.                 | /a/b/",
                "/../../x               | /x",
                "/a/..?q=/../y          | /",
                "/a//b                  | /a//b",
                "/a/%2e%2e%2f           | /a/%2e%2e%2f",
                "/a/.b/..c              | /a/.b/..c",
                "``                     | ``",
            })
    void removesDotSegmentsWithoutClimbingAboveTheRoot(String rawPath, String expected) {
        assertThat(UrlPath.withoutDotSegments(rawPath)).isEqualTo(expected);
    }
}
