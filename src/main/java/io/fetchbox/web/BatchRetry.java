package io.fetchbox.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * {@code POST /api/batches/<name>/retry}: drops {@code reports/<name>.failed.txt} back into the inbox
 * as the list {@code <name>.failed.txt}, the way a person would (README, "Reports": retrying in
 * place), through {@link ListUpload}: the same checks, the same no-replace publishing.
 */
public final class BatchRetry {
    private final Path reports;
    private final ListUpload upload;

    public BatchRetry(Path reports, ListUpload upload) {
        this.reports = reports;
        this.upload = upload;
    }

    /**
     * @return the upload's 202 answer
     * @throws HttpError 400 for a name that is no batch's, 404 when the batch has no failed lines, 409
     *     when its retry already waits or runs
     */
    public String retry(String batch) throws IOException {
        if (!ReportNames.isSafeBatch(batch)) {
            throw new HttpError(400, "not a batch name: " + batch);
        }
        Path failed = reports.resolve(batch + ".failed.txt");
        if (!Files.isRegularFile(failed, LinkOption.NOFOLLOW_LINKS)) {
            throw new HttpError(404, "batch " + batch + " has no failed.txt: nothing to retry");
        }
        try (InputStream list = Files.newInputStream(failed, LinkOption.NOFOLLOW_LINKS)) {
            return upload.accept(batch + ".failed.txt", Long.toString(Files.size(failed)), list);
        } catch (NoSuchFileException gone) {
            throw new HttpError(404, "batch " + batch + " has no failed.txt: nothing to retry");
        }
    }
}
