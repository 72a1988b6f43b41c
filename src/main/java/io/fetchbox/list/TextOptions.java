package io.fetchbox.list;

import java.util.Locale;

/** The aria2c-style options of the text format: {@code out=}, {@code dir=}, {@code checksum=}, {@code header=}, and fetchbox's {@code accept=}. */
final class TextOptions {

    static final String OUT = "out";
    static final String DIR = "dir";
    static final String CHECKSUM = "checksum";
    static final String HEADER = "header";
    static final String ACCEPT = "accept";
    /** Written by failed.txt: the line the URL had in the list that failed. */
    static final String RETRY_OF_LINE = "retry-of-line";

    private TextOptions() {}

    /** Applies {@code key=value} to the entry; what cannot be used is said in its warnings. */
    static void apply(EntryDraft entry, String key, String value) {
        String name = key.toLowerCase(Locale.ROOT);
        String text = value.strip();
        if (text.isEmpty() && !name.equals(CHECKSUM)) {
            entry.warn("option '" + key + "' has no value, ignored");
            return;
        }
        switch (name) {
            case OUT -> entry.out(text);
            case DIR -> entry.dir(text);
            case CHECKSUM -> checksum(entry, text);
            case HEADER -> header(entry, text);
            case ACCEPT -> entry.accept(text);
            case RETRY_OF_LINE -> retryOfLine(entry, text);
            default -> entry.warn("unknown option '" + key + "'");
        }
    }

    /** {@code checksum=sha-256=HEX}, the form aria2c uses. */
    private static void checksum(EntryDraft entry, String text) {
        int equals = text.indexOf('=');
        if (equals < 0) {
            entry.checksum(text, "", "bad checksum option");
            return;
        }
        entry.checksum(text.substring(0, equals), text.substring(equals + 1), "bad checksum option");
    }

    private static void retryOfLine(EntryDraft entry, String text) {
        try {
            long line = Long.parseLong(text);
            if (line > 0) {
                entry.retryOfLine(line);
                return;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        entry.warn("option 'retry-of-line' ignored: '" + text + "' is not a line number");
    }

    /** {@code header=Name: value}. */
    private static void header(EntryDraft entry, String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            entry.warn("header option '" + text + "' ignored: expected 'Name: value'");
            return;
        }
        entry.header(text.substring(0, colon), text.substring(colon + 1));
    }
}
