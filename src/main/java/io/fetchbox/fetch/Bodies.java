package io.fetchbox.fetch;

import java.io.InputStream;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Puts a {@link MeteredBody} between the socket and Camel's file producer, and points the producer
 * at the hidden temporary file. A body that announces itself larger than the limit is refused
 * before a byte of it is read.
 */
public final class Bodies {
    private static final InputStream EMPTY = InputStream.nullInputStream();
    private final long maxBytes;

    public Bodies(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    public void meter(Exchange exchange) throws FetchFailure {
        FetchTask task = exchange.getProperty(FetchProps.TASK, FetchTask.class);
        Message message = exchange.getMessage();
        InputStream raw = message.getBody(InputStream.class);
        long announced = contentLength(message.getHeader("Content-Length", String.class));
        if (maxBytes > 0 && announced > maxBytes) {
            StreamAbort.abort(raw);
            throw new FetchFailure(
                    "too_large",
                    exchange.getProperty(FetchProps.STATUS, Integer.class),
                    "announced " + announced + " bytes, over fetchbox.max-bytes (" + maxBytes + " bytes)");
        }
        String algorithm =
                task.entry().checksum() == null ? null : task.entry().checksum().algorithm();
        MeteredBody body = new MeteredBody(raw == null ? EMPTY : raw, maxBytes, announced, algorithm);
        exchange.setProperty(FetchProps.BODY, body);
        String temp = TempFiles.of(task.file());
        exchange.setProperty(FetchProps.TEMP, temp);
        message.setBody(body);
        message.setHeader(Exchange.FILE_NAME, temp);
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
