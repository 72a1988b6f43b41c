package io.fetchbox.list;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.csv.CSVParser;

/**
 * Decides whether a file is a list at all, before any URL of it is fetched (README, "The inbox"): not
 * too big, valid UTF-8 without NUL bytes, and for CSV a header with a {@code url} column. One
 * streaming pass through a fixed buffer; the file is never held in memory.
 */
public final class ListChecker {

    private static final int BUFFER_BYTES = 64 * 1024;

    private ListChecker() {}

    /**
     * Refuses the file, with the reason as the message, when it is not a list.
     *
     * @param maxBytes the largest accepted size ({@code fetchbox.max-list-bytes}), 0 for no limit
     */
    public static void check(Path file, ListFormat format, long maxBytes) throws ListRefusedException {
        try {
            long size = Files.size(file);
            if (maxBytes > 0 && size > maxBytes) {
                throw new ListRefusedException(
                        "list is " + size + " bytes, over fetchbox.max-list-bytes (" + maxBytes + " bytes)");
            }
            checkBytes(file);
            if (format == ListFormat.CSV) {
                checkCsvHeader(file);
            }
        } catch (IOException e) {
            // a list that cannot be read cannot be fetched either; say so rather than retry forever
            throw new ListRefusedException("cannot read the list: " + e, e);
        }
    }

    /** No NUL byte, valid UTF-8; problems are placed by line and byte offset (both from the file's start). */
    private static void checkBytes(Path file) throws IOException, ListRefusedException {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.allocate(BUFFER_BYTES);
        CharBuffer chars = CharBuffer.allocate(BUFFER_BYTES);
        long bufferStart = 0; // file offset of bytes[0]
        long line = 1;
        try (InputStream in = Files.newInputStream(file)) {
            boolean end = false;
            while (!end) {
                int scanFrom = bytes.position(); // bytes before it are an unfinished character, already scanned
                int read = in.read(bytes.array(), scanFrom, bytes.remaining());
                end = read < 0;
                bytes.position(scanFrom + Math.max(read, 0));
                bytes.flip();
                int badAt = firstMalformed(decoder, bytes, chars, end);
                int scanTo = badAt < 0 ? bytes.limit() : badAt;
                for (int i = scanFrom; i < scanTo; i++) {
                    byte b = bytes.get(i);
                    if (b == 0) {
                        throw new ListRefusedException(
                                "contains a NUL byte at line " + line + " (byte offset " + (bufferStart + i) + ")");
                    }
                    if (b == '\n') {
                        line++;
                    }
                }
                if (badAt >= 0) {
                    throw new ListRefusedException(
                            "not valid UTF-8 at line " + line + " (byte offset " + (bufferStart + badAt) + ")");
                }
                bufferStart += bytes.position();
                bytes.compact();
            }
        }
    }

    /** Decodes what the buffer holds; the index of the first malformed byte, or -1. */
    private static int firstMalformed(CharsetDecoder decoder, ByteBuffer bytes, CharBuffer chars, boolean end) {
        while (true) {
            chars.clear();
            CoderResult result = decoder.decode(bytes, chars, end);
            if (result.isError()) {
                return bytes.position();
            }
            if (result.isUnderflow()) {
                if (end) {
                    chars.clear();
                    decoder.flush(chars);
                }
                return -1;
            }
        }
    }

    private static void checkCsvHeader(Path file) throws IOException, ListRefusedException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = CsvColumns.FORMAT.parse(CsvColumns.skipBom(reader))) {
            CsvColumns.readHeader(parser.iterator());
        }
    }
}
