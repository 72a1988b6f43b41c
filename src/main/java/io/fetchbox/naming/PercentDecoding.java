package io.fetchbox.naming;

import java.nio.charset.StandardCharsets;

/**
 * Lenient percent-decoding of one URL path segment as UTF-8. It never throws: an escape that is
 * not {@code %XX}, or bytes that are not valid UTF-8, stay as they were written ({@code %E9}
 * stays {@code %E9}), so nothing a server or list author writes can make naming fail.
 */
final class PercentDecoding {

    private PercentDecoding() {}

    static String decode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            if (isEscape(s, i)) {
                int runStart = i;
                while (i < s.length() && isEscape(s, i)) {
                    i += 3;
                }
                appendRun(out, s, runStart, i);
            } else {
                out.append(s.charAt(i++));
            }
        }
        return out.toString();
    }

    /** Decodes the escapes in {@code s[start, end)} (all of the form %XX) sequence by sequence. */
    private static void appendRun(StringBuilder out, String s, int start, int end) {
        byte[] bytes = new byte[(end - start) / 3];
        for (int b = 0; b < bytes.length; b++) {
            bytes[b] = (byte) Integer.parseInt(s, start + 3 * b + 1, start + 3 * b + 3, 16);
        }
        int p = 0;
        while (p < bytes.length) {
            int length = validSequenceLength(bytes, p);
            if (length > 0) {
                out.append(new String(bytes, p, length, StandardCharsets.UTF_8));
                p += length;
            } else {
                out.append(s, start + 3 * p, start + 3 * p + 3);
                p++;
            }
        }
    }

    private static boolean isEscape(String s, int i) {
        return s.charAt(i) == '%'
                && i + 2 < s.length()
                && Character.digit(s.charAt(i + 1), 16) >= 0
                && Character.digit(s.charAt(i + 2), 16) >= 0
                && s.charAt(i + 1) < 0x80
                && s.charAt(i + 2) < 0x80;
    }

    /**
     * Length of the well-formed UTF-8 sequence starting at {@code p}, or 0 when it is not one
     * (Unicode table 3-7: no overlong forms, no surrogates, nothing above U+10FFFF).
     */
    private static int validSequenceLength(byte[] bytes, int p) {
        int lead = bytes[p] & 0xFF;
        int length;
        int secondLow = 0x80;
        int secondHigh = 0xBF;
        if (lead < 0x80) {
            return 1;
        } else if (lead >= 0xC2 && lead <= 0xDF) {
            length = 2;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            length = 3;
            if (lead == 0xE0) {
                secondLow = 0xA0;
            } else if (lead == 0xED) {
                secondHigh = 0x9F;
            }
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            length = 4;
            if (lead == 0xF0) {
                secondLow = 0x90;
            } else if (lead == 0xF4) {
                secondHigh = 0x8F;
            }
        } else {
            return 0;
        }
        if (p + length > bytes.length) {
            return 0;
        }
        int second = bytes[p + 1] & 0xFF;
        if (second < secondLow || second > secondHigh) {
            return 0;
        }
        for (int k = 2; k < length; k++) {
            int next = bytes[p + k] & 0xFF;
            if (next < 0x80 || next > 0xBF) {
                return 0;
            }
        }
        return length;
    }
}
