package io.fetchbox.naming;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The file name a {@code Content-Disposition} header offers (RFC 6266), still unsafe: {@code
 * filename*} (RFC 8187, UTF-8 or ISO-8859-1) is preferred over {@code filename}. Quoted strings
 * honour the escapes {@code \"} and {@code \\} only, so an unescaped Windows path keeps its
 * separators. Lenient like browsers: unquoted values may hold spaces, a missing disposition type
 * is tolerated, a malformed {@code filename*} falls back to {@code filename}, and a {@code
 * filename} sent as raw UTF-8 is read as UTF-8 (camel-http's HttpClient hands header bytes over as
 * ISO-8859-1 characters, one per byte; bytes that are not valid UTF-8 stay ISO-8859-1).
 */
final class ContentDisposition {

    private ContentDisposition() {}

    /** The offered name, or null when the header offers none. */
    static String filename(String header) {
        if (header == null) {
            return null;
        }
        Map<String, String> parameters = parameters(header);
        String extended = parameters.get("filename*");
        if (extended != null) {
            String decoded = decodeExtValue(extended);
            if (decoded != null && !decoded.isEmpty()) {
                return decoded;
            }
        }
        return Utf8.decodeByteCharsIfValid(parameters.get("filename"));
    }

    /** Parameter names (lower-case) to values, first occurrence wins. */
    private static Map<String, String> parameters(String header) {
        Map<String, String> parameters = new HashMap<>();
        int i = 0;
        int n = header.length();
        while (i < n) {
            while (i < n && (header.charAt(i) == ';' || Character.isWhitespace(header.charAt(i)))) {
                i++;
            }
            int nameStart = i;
            while (i < n && header.charAt(i) != '=' && header.charAt(i) != ';') {
                i++;
            }
            String name = header.substring(nameStart, i).trim().toLowerCase(Locale.ROOT);
            if (i >= n || header.charAt(i) == ';') {
                continue; // the disposition type, or a parameter without a value
            }
            i++; // '='
            while (i < n && Character.isWhitespace(header.charAt(i))) {
                i++;
            }
            StringBuilder value = new StringBuilder();
            if (i < n && header.charAt(i) == '"') {
                i++;
                while (i < n && header.charAt(i) != '"') {
                    // only \" and \\ are escapes: servers often send Windows paths unescaped
                    if (header.charAt(i) == '\\'
                            && i + 1 < n
                            && (header.charAt(i + 1) == '"' || header.charAt(i + 1) == '\\')) {
                        i++;
                    }
                    value.append(header.charAt(i++));
                }
                i++; // closing quote (or past the end when unterminated)
                while (i < n && header.charAt(i) != ';') {
                    i++;
                }
            } else {
                int valueStart = i;
                while (i < n && header.charAt(i) != ';') {
                    i++;
                }
                value.append(header, valueStart, i);
            }
            parameters.putIfAbsent(name, value.toString().trim());
        }
        return parameters;
    }

    /** {@code charset'language'percent-encoded}, or null when malformed or in another charset. */
    private static String decodeExtValue(String extValue) {
        int firstQuote = extValue.indexOf('\'');
        int secondQuote = firstQuote < 0 ? -1 : extValue.indexOf('\'', firstQuote + 1);
        if (secondQuote < 0) {
            return null;
        }
        Charset charset;
        switch (extValue.substring(0, firstQuote).trim().toUpperCase(Locale.ROOT)) {
            case "UTF-8":
                charset = StandardCharsets.UTF_8;
                break;
            case "ISO-8859-1":
                charset = StandardCharsets.ISO_8859_1;
                break;
            default:
                return null;
        }
        byte[] bytes = percentDecodeBytes(extValue.substring(secondQuote + 1));
        if (bytes == null) {
            return null;
        }
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static byte[] percentDecodeBytes(String s) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length()) {
                    return null;
                }
                int high = Character.digit(s.charAt(i + 1), 16);
                int low = Character.digit(s.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return null;
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else if (c < 0x80) {
                bytes.write(c);
            } else {
                return null; // raw non-ASCII is not allowed in an ext-value
            }
        }
        return bytes.toByteArray();
    }
}
