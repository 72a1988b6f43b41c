package io.fetchbox.list;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Opens a list as a stream of {@link UrlEntry}, one per URL line, in list order. Run {@link
 * ListChecker} first: the reader assumes a list, and reads a bad byte as U+FFFD.
 */
public final class ListReader {

    private ListReader() {}

    /**
     * Opens the list; entries are read as they are asked for. Throws an IOException when the file
     * cannot be opened, or (CSV) has no header with a {@code url} column.
     */
    public static EntryIterator open(Path file, ListFormat format) throws IOException {
        return switch (format) {
            case TEXT -> new TextListIterator(PhysicalLines.open(file));
            case CSV -> CsvListIterator.open(file);
            case JSON_LINES -> new JsonLinesIterator(PhysicalLines.open(file));
        };
    }

    /**
     * The number of URL lines (entries, valid or not), read as {@link #open} reads them but without
     * parsing each URL: counting a list costs a fraction of reading it for its downloads.
     */
    public static long count(Path file, ListFormat format) throws IOException {
        long entries = 0;
        try (EntryIterator list = open(file, format)) {
            ((AbstractEntryIterator) list).countOnly();
            for (; list.hasNext(); list.next()) {
                entries++;
            }
        }
        return entries;
    }
}
