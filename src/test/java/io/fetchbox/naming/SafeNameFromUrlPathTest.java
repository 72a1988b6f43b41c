package io.fetchbox.naming;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SafeNameFromUrlPathTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '\'',
            value = {
                "/files/a.txt                | a.txt",
                "/files/a.txt?x=1&y=/z       | a.txt",
                "/a.txt#part                 | a.txt",
                "a.txt                       | a.txt",
                "/a+b.txt                    | a+b.txt",
                "/a%20b.txt                  | 'a b.txt'",
                "/caf%C3%A9.txt              | café.txt",
                "/caf%c3%a9.txt              | café.txt",
                "/%F0%9F%98%80.png           | \ud83d\ude00.png",
                "/%E6%97%A5%E6%9C%AC         | 日本",
            })
    void takesTheLastSegmentPercentDecodedWithoutTheQuery(String rawPath, String expected) {
        assertThat(SafeName.fromUrlPath(rawPath)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(
            quoteCharacter = '\'',
            value = {"''", "/", "/dir/", "/dir/?q=1", "?q=1", "/#top"})
    void isIndexHtmlWhenTheLastSegmentIsEmpty(String rawPath) {
        assertThat(SafeName.fromUrlPath(rawPath)).isEqualTo("index.html");
    }

    @Test
    void isIndexHtmlForNoPath() {
        assertThat(SafeName.fromUrlPath(null)).isEqualTo("index.html");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "/x/%2e%2e%2f                 | _._",
                "/x/%2E%2E%2Fetc%2Fpasswd     | _._etc_passwd",
                "/x/%2e%2e                    | __",
                "/x/%2e                       | _",
                "/a%2Fb                       | a_b",
                "/a%5Cb                       | a_b",
                "/a%00b                       | a_b",
                "/a%0D%0Ab                    | a__b",
                "/CON                         | CON_",
                "/%2Dv                        | _v",
                "/report%3F.pdf               | report_.pdf",
            })
    void neverTurnsEncodedSeparatorsOrDotsIntoAPath(String rawPath, String expected) {
        assertThat(SafeName.fromUrlPath(rawPath)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "/caf%E9.txt        | caf%E9.txt",
                "/%C0%AF            | %C0%AF",
                "/%ED%A0%80         | %ED%A0%80",
                "/%E2%82            | %E2%82",
                "/%E2%82%ACok%FF    | €ok%FF",
                "/%zz.txt           | %zz.txt",
                "/100%              | 100%",
                "/50%2              | 50%2",
            })
    void keepsInvalidEscapesAndInvalidUtf8AsWritten(String rawPath, String expected) {
        assertThat(SafeName.fromUrlPath(rawPath)).isEqualTo(expected);
    }
}
