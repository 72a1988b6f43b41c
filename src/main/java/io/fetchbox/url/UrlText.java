package io.fetchbox.url;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** How a URL's text is read before parsing and shown after it. */
public final class UrlText {

    /** Longest text of an invalid line in reports and the API, in bytes of UTF-8 (README, "Reports"). */
    public static final int MAX_SHOWN_BYTES = 2048;

    private static final Pattern CUT_NOTE = Pattern.compile("… \\(cut: [0-9]+ bytes\\)$");

    private UrlText() {}

    /** Like the WHATWG URL parser: any tab or line break inside a URL is dropped. */
    static String withoutTabsAndNewlines(String text) {
        if (text.indexOf('\t') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\t' && c != '\n' && c != '\r') {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * A list line as reports and the API show it: credentials written {@code ***} and, for an
     * invalid line, at most 2 KiB followed by {@code … (cut: N bytes)} where N is the whole redacted
     * text's size. A valid URL is at most 8 KiB and shown whole; failed.txt keeps every line whole.
     *
     * <p>An invalid line over 8 KiB that starts as a URL is shown as its scheme only: the list
     * reader may have cut such a line before the {@code @} that ends its user info, so where the
     * credentials end cannot be told.
     */
    public static String shown(String line, boolean valid) {
        String redacted = Credentials.redact(line);
        if (valid || redacted == null || redacted.length() <= MAX_SHOWN_BYTES / 3) {
            return redacted;
        }
        byte[] bytes = redacted.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= MAX_SHOWN_BYTES || isShownAlready(redacted, bytes.length)) {
            return redacted;
        }
        int authority = bytes.length > ParsedUrl.MAX_BYTES ? Credentials.leadingAuthority(redacted) : -1;
        if (authority >= 0) {
            return redacted.substring(0, authority) + Credentials.HIDDEN + cutNote(bytes.length);
        }
        int end = MAX_SHOWN_BYTES;
        while (end > 0 && (bytes[end] & 0xC0) == 0x80) {
            end--; // not inside a character
        }
        return new String(bytes, 0, end, StandardCharsets.UTF_8) + cutNote(bytes.length);
    }

    /** Text this method cut before (the API shows report lines): 2 KiB at most and the note. */
    private static boolean isShownAlready(String text, int bytes) {
        var note = CUT_NOTE.matcher(text);
        return note.find() && bytes - (text.length() - note.start()) - 2 <= MAX_SHOWN_BYTES;
    }

    private static String cutNote(int bytes) {
        return "… (cut: " + bytes + " bytes)";
    }
}
