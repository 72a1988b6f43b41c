package io.fetchbox.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.attribute.BasicFileAttributes;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Puts a {@link MeteredBody} between the socket and Camel's file producer, and points the producer
 * at a hidden temporary file created new for this body under a random name (or, for the rest of a
 * partial body, at the one the partial record names). A body that announces itself larger than the
 * limit is refused before a byte of it is read. Before the first byte of a large body is written,
 * the partial record says what the temporary file is part of, so that an interrupted body can be
 * resumed, even after a crash.
 */
public final class Bodies {
    private static final InputStream EMPTY = InputStream.nullInputStream();
    /** Smaller bodies are fetched again whole rather than resumed: not worth a record of their own. */
    static final long RESUMABLE_BYTES = 64 * 1024;

    private final long maxBytes;
    private final OutputFolder output;
    private final FileState state;
    private final Runnable bytesArrived;

    /** @param bytesArrived told whenever bytes of a body arrive */
    public Bodies(long maxBytes, OutputFolder output, FileState state, Runnable bytesArrived) {
        this.bytesArrived = bytesArrived;
        this.maxBytes = maxBytes;
        this.output = output;
        this.state = state;
    }

    public void meter(Exchange exchange) throws FetchFailure, IOException {
        FetchTask task = exchange.getProperty(FetchProps.TASK, FetchTask.class);
        Message message = exchange.getMessage();
        InputStream raw = message.getBody(InputStream.class);
        boolean append = exchange.getProperty(FetchProps.APPEND, false, Boolean.class);
        long already = append ? exchange.getProperty(FetchProps.RESUME_FROM, 0L, Long.class) : 0;
        long length = contentLength(message.getHeader("Content-Length", String.class));
        long announced = length < 0 ? -1 : already + length;
        Integer status = exchange.getProperty(FetchProps.STATUS, Integer.class);
        if (maxBytes > 0 && announced > maxBytes) {
            StreamAbort.abort(raw);
            throw new FetchFailure(
                    "too_large",
                    status,
                    "announced " + announced + " bytes, over fetchbox.max-bytes (" + maxBytes + " bytes)");
        }
        String algorithm =
                task.entry().checksum() == null ? null : task.entry().checksum().algorithm();
        MeteredBody body = new MeteredBody(raw == null ? EMPTY : raw, maxBytes, announced, algorithm, bytesArrived);
        String temp;
        try {
            temp = append ? continued(exchange) : fresh(exchange, task);
        } catch (FetchFailure | IOException | RuntimeException e) {
            StreamAbort.abort(raw);
            throw e;
        }
        if (already > 0) {
            try (InputStream existing = Files.newInputStream(output.resolve(temp), LinkOption.NOFOLLOW_LINKS)) {
                body.include(existing);
            }
        }
        if (announced < 0 || announced >= RESUMABLE_BYTES || already > 0) {
            state.writePartial(
                    task.file(),
                    new PartialRecord(
                            FileState.urlKey(exchange, task),
                            validator(
                                    message.getHeader("ETag", String.class),
                                    message.getHeader("Last-Modified", String.class)),
                            temp));
            exchange.setProperty(FetchProps.PARTIAL_RECORDED, true);
        }
        exchange.setProperty(FetchProps.BODY, body);
        message.setBody(body);
        message.setHeader(Exchange.FILE_NAME, temp);
    }

    /** The temporary file the partial record named, still a regular file (checked again: a link is never written to). */
    private String continued(Exchange exchange) throws FetchFailure {
        String temp = exchange.getProperty(FetchProps.TEMP, String.class);
        BasicFileAttributes attributes = output.attributesOrNull(temp);
        if (attributes == null || !attributes.isRegularFile()) {
            exchange.setProperty(FetchProps.START_OVER, true);
            throw new FetchFailure(
                    "truncated",
                    exchange.getProperty(FetchProps.STATUS, Integer.class),
                    "the partial body to continue is gone");
        }
        exchange.setProperty(FetchProps.TEMP_FILE_KEY, attributes.fileKey());
        return temp;
    }

    /** A new temporary file; one an earlier attempt left for resuming, which the server declined, goes. */
    private String fresh(Exchange exchange, FetchTask task) throws FetchFailure, IOException {
        String earlier = exchange.getProperty(FetchProps.TEMP, String.class);
        if (earlier != null) {
            output.deleteTemporary(earlier);
            state.forgetPartial(task.file());
            exchange.removeProperty(FetchProps.PARTIAL_RECORDED);
        }
        String temp;
        try {
            temp = output.createTemporary(task.file());
        } catch (IOException e) {
            throw FetchFailure.writeFailed("cannot create a temporary file for " + task.file(), e);
        }
        exchange.setProperty(FetchProps.TEMP, temp);
        exchange.setProperty(
                FetchProps.TEMP_FILE_KEY, output.attributesOrNull(temp).fileKey());
        return temp;
    }

    /** If-Range takes a strong ETag or a date; a weak ETag cannot guard a range. */
    static String validator(String etag, String lastModified) {
        if (etag != null && !etag.trim().startsWith("W/")) {
            return etag.trim();
        }
        return lastModified;
    }

    static long contentLength(String header) {
        if (header == null) {
            return -1;
        }
        try {
            long value = Long.parseLong(header.trim());
            return value >= 0 ? value : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
