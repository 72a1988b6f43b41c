package io.fetchbox.naming;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * UTF-8 byte counting and cutting without encoding the whole string, and reading header bytes
 * that arrived as ISO-8859-1 characters as the UTF-8 they often are.
 */
final class Utf8 {

    private Utf8() {}

    /** Bytes of {@code s} in UTF-8 (an unpaired surrogate counts as 3, as if it were encoded alone). */
    static int length(String s) {
        int bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)
                    && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    /** The longest prefix of {@code s} that fits in {@code maxBytes}, never splitting a code point. */
    static String cut(String s, int maxBytes) {
        int bytes = 0;
        int i = 0;
        while (i < s.length()) {
            int codePoint = s.codePointAt(i);
            int size = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
            if (bytes + size > maxBytes) {
                break;
            }
            bytes += size;
            i += Character.charCount(codePoint);
        }
        return s.substring(0, i);
    }

    /**
     * {@code byteChars} as UTF-8 when it is valid UTF-8 with at least one non-ASCII byte, as browsers
     * read a raw {@code filename=}; otherwise unchanged (ISO-8859-1, or already decoded: a character
     * above U+00FF means the string is not one character per byte). Null stays null.
     */
    static String decodeByteCharsIfValid(String byteChars) {
        if (byteChars == null) {
            return null;
        }
        boolean ascii = true;
        for (int i = 0; i < byteChars.length(); i++) {
            char c = byteChars.charAt(i);
            if (c > 0xFF) {
                return byteChars;
            }
            ascii &= c < 0x80;
        }
        if (ascii) {
            return byteChars;
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(byteChars.getBytes(StandardCharsets.ISO_8859_1)))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            return byteChars;
        }
    }
}
