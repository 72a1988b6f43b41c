package io.fetchbox.list;

/**
 * Writes an entry back in the text format with its options (for failed.txt), so that the file
 * can be dropped into the inbox again and be read as the same entry.
 */
public final class TextFormat {

    private TextFormat() {}

    /**
     * The URL line as given, then one indented line per option, each ending in "\n". A line break
     * inside a value (possible in CSV and JSON) is written as a space, so it cannot start a line of
     * its own.
     */
    public static String render(UrlEntry entry) {
        return render(entry, false);
    }

    /**
     * As {@link #render(UrlEntry)}, for {@code failed.txt}: a URL line also says which line of the
     * first list it came from ({@code retry-of-line=}), so that a retry reports it.
     */
    public static String renderForRetry(UrlEntry entry) {
        return render(entry, true);
    }

    private static String render(UrlEntry entry, boolean withOrigin) {
        String url = oneLine(entry.url()).strip();
        if (url.isEmpty() || url.startsWith("#")) {
            // read back, this would be a blank line or a comment, and its options would attach to
            // the URL above: keep it for the reader's eyes only
            return "# not a URL line (line " + entry.line() + "): " + url + "\n";
        }
        StringBuilder text = new StringBuilder(url).append('\n');
        option(text, TextOptions.OUT, entry.out());
        option(text, TextOptions.DIR, entry.dir());
        UrlEntry.Checksum checksum = entry.checksum();
        if (checksum != null) {
            DigestAlgorithm algorithm = DigestAlgorithm.byJdkName(checksum.algorithm());
            String name = algorithm == null ? checksum.algorithm() : algorithm.listName();
            option(text, TextOptions.CHECKSUM, name + "=" + checksum.hex());
        }
        for (UrlEntry.Header header : entry.headers()) {
            option(text, TextOptions.HEADER, header.name() + ": " + header.value());
        }
        option(text, TextOptions.ACCEPT, entry.accept());
        if (withOrigin) {
            option(text, TextOptions.RETRY_OF_LINE, Long.toString(entry.originalLine()));
        }
        return text.toString();
    }

    private static void option(StringBuilder text, String key, String value) {
        if (value != null) {
            text.append("  ").append(key).append('=').append(oneLine(value)).append('\n');
        }
    }

    private static String oneLine(String value) {
        return value.replace("\r\n", " ").replace('\r', ' ').replace('\n', ' ');
    }
}
