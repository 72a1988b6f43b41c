package io.fetchbox.naming;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Header bytes that arrived as ISO-8859-1 characters, read as UTF-8 only when they are UTF-8. */
class Utf8Test {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"na\u00efve \u20ac.txt", "\u65e5\u672c", "\ud83d\ude00.png", "a\u2215b", "gnp\u202eexe"})
    void validUtf8BytesAreReadAsUtf8(String name) {
        String byteChars = new String(name.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        assertThat(Utf8.decodeByteCharsIfValid(byteChars)).isEqualTo(name);
    }

    @ParameterizedTest(name = "{index}")
    @ValueSource(
            strings = {
                "plain.txt", // ASCII: the same either way
                "caf\u00e9.txt", // ISO-8859-1 é alone is not UTF-8
                "\u00c0\u00af", // overlong /
                "\u00ed\u00a0\u0080", // an encoded surrogate
                "\u00f4\u0090\u0080\u0080", // above U+10FFFF
                "\u00e2\u0082", // cut short
                "\u65e5\u00e9", // not one character per byte: already decoded
            })
    void anythingElseIsUnchanged(String byteChars) {
        assertThat(Utf8.decodeByteCharsIfValid(byteChars)).isEqualTo(byteChars);
    }

    @Test
    void nullStaysNull() {
        assertThat(Utf8.decodeByteCharsIfValid(null)).isNull();
    }
}
