package io.fetchbox.media;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * What a body's first bytes show it to be (README, "Image batches"): the well-known signatures of
 * JPEG, PNG, GIF, WebP, AVIF, HEIF/HEIC, BMP, TIFF, ICO, PDF, ZIP and gzip; SVG as XML with an {@code
 * <svg>} root; and, for UTF-8 text, HTML (the WHATWG MIME Sniffing standard's tags), JSON, XML or
 * plain text. A table of our own rather than Apache Tika's detector, which costs 0.4 to 0.6 ms of CPU per
 * body (docs/performance.md, "Type checks").
 */
public final class BodySignatures {
    /** Bytes looked at: enough for an SVG's prolog and comments. */
    public static final int HEAD_BYTES = 2048;

    public static final String JPEG = "image/jpeg";
    public static final String PNG = "image/png";
    public static final String GIF = "image/gif";
    public static final String WEBP = "image/webp";
    public static final String AVIF = "image/avif";
    public static final String HEIF = "image/heif";
    public static final String BMP = "image/bmp";
    public static final String TIFF = "image/tiff";
    public static final String ICO = "image/vnd.microsoft.icon";
    public static final String SVG = "image/svg+xml";
    public static final String PDF = "application/pdf";
    public static final String ZIP = "application/zip";
    public static final String GZIP = "application/gzip";
    public static final String HTML = "text/html";
    public static final String JSON = "application/json";
    public static final String XML = "application/xml";
    public static final String TEXT = "text/plain";

    /** The types told by a signature for sure: a body declared as one of them must show it. */
    public static final Set<String> SIGNED =
            Set.of(JPEG, PNG, GIF, WEBP, AVIF, HEIF, BMP, TIFF, ICO, SVG, PDF, ZIP, GZIP);

    private static final Set<String> HEIF_BRANDS =
            Set.of("heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1");
    private static final Set<String> AVIF_BRANDS = Set.of("avif", "avis");
    // WHATWG MIME Sniffing, "identifying a resource with an unknown MIME type": tags that start HTML
    private static final Set<String> HTML_TAGS = Set.of(
            "html", "head", "script", "iframe", "h1", "div", "font", "table", "a", "style", "title", "b", "body", "br",
            "p");

    private BodySignatures() {}

    /** The type the first {@code length} bytes of {@code head} show, or null when they show none known. */
    public static String detect(byte[] head, int length) {
        int n = Math.min(length, head.length);
        if (n == 0) {
            return null;
        }
        String binary = binary(head, n);
        if (binary != null) {
            return binary;
        }
        return text(head, n);
    }

    private static String binary(byte[] b, int n) {
        if (starts(b, n, 0, 0xFF, 0xD8, 0xFF)) {
            return JPEG;
        }
        if (starts(b, n, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return PNG;
        }
        if (ascii(b, n, 0, "GIF87a") || ascii(b, n, 0, "GIF89a")) {
            return GIF;
        }
        if (ascii(b, n, 0, "RIFF") && ascii(b, n, 8, "WEBP")) {
            return WEBP;
        }
        if (ascii(b, n, 4, "ftyp")) {
            return isoBrand(b, n);
        }
        if (ascii(b, n, 0, "BM") && n >= 14) {
            return BMP;
        }
        if (starts(b, n, 0, 'I', 'I', 0x2A, 0x00) || starts(b, n, 0, 'M', 'M', 0x00, 0x2A)) {
            return TIFF;
        }
        if (starts(b, n, 0, 0x00, 0x00, 0x01, 0x00) && n >= 6 && (b[4] != 0 || b[5] != 0)) {
            return ICO;
        }
        if (ascii(b, n, 0, "%PDF-")) {
            return PDF;
        }
        if (starts(b, n, 0, 'P', 'K', 0x03, 0x04)
                || starts(b, n, 0, 'P', 'K', 0x05, 0x06)
                || starts(b, n, 0, 'P', 'K', 0x07, 0x08)) {
            return ZIP;
        }
        if (starts(b, n, 0, 0x1F, 0x8B)) {
            return GZIP;
        }
        return null;
    }

    /** ISO base media files (HEIF, AVIF, MP4, ...): the major brand and the compatible ones. */
    private static String isoBrand(byte[] b, int n) {
        long boxSize = ((b[0] & 0xFFL) << 24) | ((b[1] & 0xFFL) << 16) | ((b[2] & 0xFFL) << 8) | (b[3] & 0xFFL);
        int end = (int) Math.min(Math.min(boxSize, n), 256);
        boolean heif = false;
        for (int at = 8; at + 4 <= end; at += at == 8 ? 8 : 4) { // the major brand, then after the minor version
            String brand = new String(b, at, 4, StandardCharsets.ISO_8859_1);
            if (AVIF_BRANDS.contains(brand)) {
                return AVIF;
            }
            heif |= HEIF_BRANDS.contains(brand);
        }
        return heif ? HEIF : null;
    }

    private static String text(byte[] b, int n) {
        int at = starts(b, n, 0, 0xEF, 0xBB, 0xBF) ? 3 : 0;
        for (int i = at; i < n; i++) {
            if (isBinaryDataByte(b[i] & 0xFF)) {
                return null;
            }
        }
        String text = utf8(b, at, n);
        if (text == null) {
            return null;
        }
        int start = skipSpace(text, 0);
        if (start == text.length()) {
            return TEXT;
        }
        char first = text.charAt(start);
        if (first == '{' || first == '[') {
            return JSON;
        }
        if (first == '<') {
            return markup(text, start);
        }
        return TEXT;
    }

    /**
     * The bytes as UTF-8, allowing a character cut at the end of the head; null when they are not
     * UTF-8 (a binary body, or text in another encoding, which fetchbox does not guess at).
     */
    private static String utf8(byte[] b, int from, int n) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer text = CharBuffer.allocate(n - from);
        // not the end of input: a character cut at the end of the head is left over, not an error
        if (decoder.decode(ByteBuffer.wrap(b, from, n - from), text, false).isError()) {
            return null;
        }
        return text.flip().toString();
    }

    /** XML or HTML: by the doctype, or by the first element after the prolog and comments. */
    private static String markup(String text, int start) {
        String lower = text.toLowerCase(Locale.ROOT);
        boolean xmlDeclared = lower.startsWith("<?xml", start);
        int at = start;
        while (at < lower.length()) {
            at = skipSpace(lower, at);
            if (lower.startsWith("<?", at)) {
                at = after(lower, at, "?>");
            } else if (lower.startsWith("<!--", at)) {
                if (!xmlDeclared && at == start) {
                    return HTML; // WHATWG: a document that opens with a comment is taken as HTML
                }
                at = after(lower, at, "-->");
            } else if (lower.startsWith("<!doctype", at)) {
                int name = skipSpace(lower, at + 9);
                if (lower.startsWith("html", name)) {
                    return HTML;
                }
                if (lower.startsWith("svg", name)) {
                    return SVG;
                }
                at = after(lower, at, ">");
            } else if (lower.startsWith("<", at)) {
                String element = elementName(lower, at + 1);
                if (element.equals("svg")) {
                    return SVG;
                }
                if (!xmlDeclared && HTML_TAGS.contains(element)) {
                    return HTML;
                }
                return element.isEmpty() ? TEXT : XML;
            } else {
                return xmlDeclared ? XML : TEXT;
            }
        }
        return xmlDeclared ? XML : TEXT;
    }

    /** The element's local name (after any prefix), lower case; empty when there is none. */
    private static String elementName(String lower, int from) {
        int end = from;
        while (end < lower.length() && isNameChar(lower.charAt(end))) {
            end++;
        }
        String name = lower.substring(from, end);
        int colon = name.lastIndexOf(':');
        return colon < 0 ? name : name.substring(colon + 1);
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == ':' || c == '-' || c == '_' || c == '.';
    }

    private static int after(String text, int from, String end) {
        int found = text.indexOf(end, from);
        return found < 0 ? text.length() : found + end.length();
    }

    private static int skipSpace(String text, int from) {
        int at = from;
        while (at < text.length() && (text.charAt(at) <= ' ')) {
            at++;
        }
        return at;
    }

    /** WHATWG MIME Sniffing's binary data bytes: control characters no text has. */
    private static boolean isBinaryDataByte(int b) {
        return b <= 0x08 || b == 0x0B || (b >= 0x0E && b <= 0x1A) || (b >= 0x1C && b <= 0x1F);
    }

    private static boolean starts(byte[] b, int n, int offset, int... expected) {
        if (offset + expected.length > n) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((b[offset + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean ascii(byte[] b, int n, int offset, String expected) {
        return starts(b, n, offset, expected.chars().toArray());
    }
}
