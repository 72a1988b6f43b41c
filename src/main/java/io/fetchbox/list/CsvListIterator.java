package io.fetchbox.list;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** The CSV format: a header row, then a URL per record; commons-csv streams the records. */
final class CsvListIterator extends AbstractEntryIterator {

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final CsvColumns columns;

    private CsvListIterator(CSVParser parser) throws IOException {
        this.parser = parser;
        this.records = parser.iterator();
        try {
            this.columns = CsvColumns.readHeader(records);
        } catch (ListRefusedException e) {
            parser.close();
            throw new IOException(e.getMessage(), e);
        }
    }

    static CsvListIterator open(Path file) throws IOException {
        BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        try {
            return new CsvListIterator(CsvColumns.FORMAT.parse(CsvColumns.skipBom(reader)));
        } catch (IOException | RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    @Override
    protected UrlEntry computeNext() {
        while (true) {
            // the parser has consumed the line breaks up to the end of the previous record:
            // the next record starts on the line after (hasNext() reads it, so ask first)
            long startLine = parser.getCurrentLineNumber() + 1;
            if (!records.hasNext()) {
                return null;
            }
            CSVRecord record = records.next();
            if (CsvColumns.isBlank(record)) {
                continue;
            }
            return entry(startLine, record);
        }
    }

    private UrlEntry entry(long line, CSVRecord record) {
        String url = CsvColumns.cell(record, columns.url());
        EntryDraft entry = new EntryDraft(line, url);
        if (url == null) {
            entry.formatProblem("CSV row has no url");
        }
        entry.out(CsvColumns.cell(record, columns.name()));
        entry.dir(CsvColumns.cell(record, columns.dir()));
        String accept = CsvColumns.cell(record, columns.accept());
        if (accept != null) {
            entry.accept(accept);
        }
        String sha256 = CsvColumns.cell(record, columns.sha256());
        if (sha256 != null) {
            entry.checksum("sha-256", sha256, "bad sha256 column");
        }
        return built(entry);
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
