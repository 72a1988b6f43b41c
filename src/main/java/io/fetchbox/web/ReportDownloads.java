package io.fetchbox.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * {@code GET /reports/<file>}: only ever {@code <batch>.jsonl} or {@code <batch>.summary.json}
 * directly in {@code fetchbox.reports}, for a batch name that is a safe name (no separator, no
 * {@code ..}, no leading dot; see {@code SafeName}). Never {@code failed.txt} (it keeps
 * credentials), never fetchbox's state, never anything outside the folder, never a link.
 */
public final class ReportDownloads {
    private static final String JOURNAL = ".jsonl";
    private static final String SUMMARY = ".summary.json";
    private final Path reports;

    public ReportDownloads(Path reports) {
        this.reports = reports.toAbsolutePath().normalize();
    }

    /** The report file for {@code fileName}, or a 404 for anything else. */
    public Path resolve(String fileName) {
        String batch = batchOf(fileName);
        if (!ReportNames.isSafeBatch(batch)) {
            throw HttpError.notFound("no such report");
        }
        Path file = reports.resolve(fileName).normalize();
        if (!reports.equals(file.getParent()) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw HttpError.notFound("no such report");
        }
        return file;
    }

    /** The file's content, streamed by the route. */
    public InputStream open(String fileName) throws IOException {
        return Files.newInputStream(resolve(fileName));
    }

    /** {@code application/json} for a summary, {@code text/plain} (one JSON object a line) for a journal. */
    public String contentType(String fileName) {
        return fileName != null && fileName.endsWith(SUMMARY)
                ? "application/json; charset=utf-8"
                : "text/plain; charset=utf-8";
    }

    private static String batchOf(String fileName) {
        if (fileName == null) {
            return null;
        }
        if (fileName.endsWith(SUMMARY)) {
            return fileName.substring(0, fileName.length() - SUMMARY.length());
        }
        if (fileName.endsWith(JOURNAL)) {
            return fileName.substring(0, fileName.length() - JOURNAL.length());
        }
        return null;
    }
}
