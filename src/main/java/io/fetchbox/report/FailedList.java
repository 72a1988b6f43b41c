package io.fetchbox.report;

import io.fetchbox.list.RetryTarget;
import io.fetchbox.list.TextFormat;
import io.fetchbox.list.UrlEntry;
import io.fetchbox.list.WholeLines;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.BitSet;
import java.util.Iterator;

/**
 * {@code <batch>.failed.txt}: the failed and invalid lines, in list order and in the text list
 * format with their options, ready to drop back into the inbox. It is written once the batch is
 * complete, from a second streaming read of the list and the set of line numbers that need another
 * try, so it costs one bit per line of memory. It keeps credentials as the list gave them, so it is
 * created readable by its owner only.
 */
public final class FailedList {
    private FailedList() {}

    /** Writes the file when any line needs another try; otherwise makes sure there is none. */
    /** @param batch the batch a retry of these lines should put its files beside (its folder) */
    public static void write(Path file, String batch, Path listFile, Iterator<UrlEntry> list, BitSet linesToRetry)
            throws IOException {
        Files.deleteIfExists(file);
        if (linesToRetry.isEmpty()) {
            return;
        }
        createPrivate(file);
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND)) {
            writer.write(RetryTarget.header(batch));
            while (list.hasNext()) {
                UrlEntry entry = list.next();
                if (entry.line() > Integer.MAX_VALUE || !linesToRetry.get((int) entry.line())) {
                    continue;
                }
                if (!entry.isValid() && WholeLines.mayBeCut(entry.url())) {
                    // the reader cut this line to bound memory; failed.txt gives it back whole
                    WholeLines.copy(listFile, entry.line(), writer);
                    writer.write("\n  retry-of-line=" + entry.originalLine() + "\n");
                } else {
                    writer.write(TextFormat.renderForRetry(entry));
                }
            }
        }
    }

    private static void createPrivate(Path file) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
    }
}
