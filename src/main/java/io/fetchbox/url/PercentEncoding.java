package io.fetchbox.url;

import java.nio.charset.StandardCharsets;
import java.util.BitSet;

/**
 * The percent-encoding rules of RFC 3986, per URL component: encoding what a strict parser would
 * reject (the lenient reading curl and browsers do), and normalising escapes for comparison.
 */
final class PercentEncoding {

    private static final String UNRESERVED_MARKS = "-._~";
    private static final String SUB_DELIMS = "!$&'()*+,;=";

    /** Characters allowed unencoded in the user info. */
    static final BitSet USER_INFO = ascii(SUB_DELIMS + ":");
    /** Characters allowed unencoded in the path (pchar and "/"). */
    static final BitSet PATH = ascii(SUB_DELIMS + ":@/");
    /** Characters allowed unencoded in the query and the fragment (pchar, "/" and "?"). */
    static final BitSet QUERY = ascii(SUB_DELIMS + ":@/?");

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PercentEncoding() {}

    private static BitSet ascii(String extra) {
        BitSet set = new BitSet(128);
        set.set('a', 'z' + 1);
        set.set('A', 'Z' + 1);
        set.set('0', '9' + 1);
        for (char c : (UNRESERVED_MARKS + extra).toCharArray()) {
            set.set(c);
        }
        return set;
    }

    /**
     * Encodes every character not allowed in the component: space, controls, non-ASCII (as UTF-8),
     * {@code | ^ { } " < > \ `} and the like, and a {@code %} that does not start an escape. Valid
     * escapes are kept as they are.
     */
    static String encodeIllegal(String text, BitSet allowed) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int width = Character.charCount(cp);
            boolean keep = cp < 128 && (allowed.get(cp) || (cp == '%' && isEscapeAt(text, i)));
            if (!keep && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (keep) {
                    out.append((char) cp);
                } else {
                    appendEscaped(out, new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
                }
            }
            i += width;
        }
        return out == null ? text : out.toString();
    }

    /**
     * RFC 3986 section 6.2.2.2: escapes written with upper-case hex, and escaped unreserved
     * characters decoded ({@code %7e} is {@code ~}); other escapes ({@code %2F}) are kept.
     */
    static String normalise(String encoded) {
        if (encoded.indexOf('%') < 0) {
            return encoded;
        }
        StringBuilder out = new StringBuilder(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%' && isEscapeAt(encoded, i)) {
                int value = Integer.parseInt(encoded.substring(i + 1, i + 3), 16);
                if (isUnreserved(value)) {
                    out.append((char) value);
                } else {
                    appendEscaped(out, new byte[] {(byte) value});
                }
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Decodes every escape as UTF-8 (for credentials); a stray {@code %} stays itself. */
    static String decode(String encoded) {
        if (encoded.indexOf('%') < 0) {
            return encoded;
        }
        byte[] bytes = new byte[encoded.length() * 4];
        int n = 0;
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%' && isEscapeAt(encoded, i)) {
                bytes[n++] = (byte) Integer.parseInt(encoded.substring(i + 1, i + 3), 16);
                i += 2;
            } else {
                for (byte b : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) {
                    bytes[n++] = b;
                }
            }
        }
        return new String(bytes, 0, n, StandardCharsets.UTF_8);
    }

    static boolean isUnreserved(int c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || UNRESERVED_MARKS.indexOf(c) >= 0;
    }

    private static boolean isEscapeAt(String text, int i) {
        return i + 2 < text.length() && isHex(text.charAt(i + 1)) && isHex(text.charAt(i + 2));
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static void appendEscaped(StringBuilder out, byte[] bytes) {
        for (byte b : bytes) {
            out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
        }
    }
}
