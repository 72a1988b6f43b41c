package io.fetchbox.list;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Where the columns a CSV list may have ({@code url}, {@code name}, {@code dir}, {@code sha256}, {@code accept})
 * are, found in its header by name, trimmed and ignoring case; -1 for an absent one.
 */
record CsvColumns(int url, int name, int dir, int sha256, int accept) {

    /**
     * RFC 4180, read leniently: a stray quote or a missing final quote is taken as text rather than
     * failing the list. Empty lines come back as records so that line numbers stay physical.
     */
    static final CSVFormat FORMAT = CSVFormat.RFC4180
            .builder()
            .setIgnoreEmptyLines(false)
            .setLenientEof(true)
            .setTrailingData(true)
            .get();

    /** Reads the header (the first record that is not empty) and locates the columns. */
    static CsvColumns readHeader(Iterator<CSVRecord> records) throws ListRefusedException {
        while (records.hasNext()) {
            CSVRecord record = records.next();
            if (!isBlank(record)) {
                return of(record.toList());
            }
        }
        throw new ListRefusedException("CSV is empty: it needs a header row with a 'url' column");
    }

    static CsvColumns of(List<String> header) throws ListRefusedException {
        List<String> names = new ArrayList<>();
        for (String column : header) {
            names.add(column.strip().toLowerCase(Locale.ROOT));
        }
        int url = names.indexOf("url");
        if (url < 0) {
            throw new ListRefusedException("CSV header has no 'url' column (found: "
                    + String.join(", ", header.stream().map(String::strip).toList()) + ")");
        }
        return new CsvColumns(
                url, names.indexOf("name"), names.indexOf("dir"), names.indexOf("sha256"), names.indexOf("accept"));
    }

    static boolean isBlank(CSVRecord record) {
        for (String value : record) {
            if (!value.isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** The trimmed cell, or null when the row has no such column or the cell is empty. */
    static String cell(CSVRecord record, int column) {
        if (column < 0 || column >= record.size()) {
            return null;
        }
        String value = record.get(column).strip();
        return value.isEmpty() ? null : value;
    }

    /** Skips a leading BOM, which commons-csv would read as part of the first column name. */
    static Reader skipBom(BufferedReader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        return reader;
    }
}
