package io.fetchbox.list;

import java.util.Locale;

/** How a list is written, chosen by the file's extension (README, "List formats"). */
public enum ListFormat {
    TEXT,
    CSV,
    JSON_LINES;

    /** {@code .csv} is CSV, {@code .jsonl} and {@code .ndjson} JSON lines, anything else text. */
    public static ListFormat of(String fileName) {
        if (fileName == null) {
            return TEXT;
        }
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return CSV;
        }
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            return JSON_LINES;
        }
        return TEXT;
    }
}
