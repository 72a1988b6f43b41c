package io.fetchbox.naming;

/**
 * Characters that draw nothing, or change how the characters around them are drawn, and so let a
 * name show something other than what it is (README, "Where files go"): every format character
 * (Unicode general category Cf: the bidi controls U+200E, U+200F, U+202A-U+202E, U+2066-U+2069 and
 * U+061C, the zero-width U+200B-U+200D and U+2060, the BOM U+FEFF, the soft hyphen U+00AD, tags
 * and the like), the line and paragraph separators U+2028 and U+2029, and the default-ignorable
 * letters that render as blank (the Hangul fillers, the combining grapheme joiner, the Khmer
 * inherent vowels). Variation selectors stay: they only pick a glyph of the character before
 * them (the emoji form of a heart), and hide or reorder nothing.
 */
final class InvisibleCharacters {

    private InvisibleCharacters() {}

    static boolean isInvisible(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.FORMAT
                || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR
                || isBlankDefaultIgnorable(codePoint);
    }

    private static boolean isBlankDefaultIgnorable(int codePoint) {
        return switch (codePoint) {
            case 0x034F, // combining grapheme joiner
                    0x115F,
                    0x1160, // Hangul choseong and jungseong fillers
                    0x17B4,
                    0x17B5, // Khmer inherent vowels
                    0x3164, // Hangul filler
                    0xFFA0 -> // halfwidth Hangul filler
                true;
            default -> false;
        };
    }
}
