package io.fetchbox.fetch;

import io.fetchbox.list.UrlEntry;
import io.fetchbox.report.Outcome;
import io.fetchbox.report.OutcomeBuilder;
import io.fetchbox.url.ParsedUrl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * The last step of a download: the complete body in its temporary file is verified against the
 * list's checksum, renamed into place in one atomic step, given the server's Last-Modified time,
 * and recorded under {@code reports/.state/}.
 */
public final class Publisher {
    private final Path output;
    private final FileState state;
    private final String node;

    public Publisher(Path output, FileState state, String node) {
        this.output = output;
        this.state = state;
        this.node = node;
    }

    public Outcome publish(Exchange exchange) throws FetchFailure, IOException {
        FetchTask task = exchange.getProperty(FetchProps.TASK, FetchTask.class);
        MeteredBody body = exchange.getProperty(FetchProps.BODY, MeteredBody.class);
        Message message = exchange.getMessage();
        Path temp = output.resolve(exchange.getProperty(FetchProps.TEMP, String.class));
        Path target = output.resolve(task.file());
        String sha256 = body.sha256Hex();
        UrlEntry.Checksum expected = task.entry().checksum();
        if (expected != null && !expected.hex().equalsIgnoreCase(body.checksumHex(sha256))) {
            Files.deleteIfExists(temp);
            throw new FetchFailure(
                    "checksum_mismatch",
                    exchange.getProperty(FetchProps.STATUS, Integer.class),
                    expected.algorithm() + " of the body is not " + expected.hex());
        }
        String etag = message.getHeader("ETag", String.class);
        String lastModified = message.getHeader("Last-Modified", String.class);
        Instant modified = HttpDates.parse(lastModified);
        // by path (one utimensat): Files.setLastModifiedTime opens and closes the file around it
        if (modified != null && !temp.toFile().setLastModified(Math.max(0, modified.toEpochMilli()))) {
            throw new IOException("cannot set the modification time of " + temp);
        }
        String url = task.entry().url();
        // the record first: a crash right after the rename must not leave a file that looks like
        // someone else's (the next run would number its own file instead of revalidating it)
        state.write(
                task.file(),
                new FileRecord(
                        FileState.urlKey(ParsedUrl.parse(url).normalized()),
                        ParsedUrl.redact(url),
                        etag,
                        lastModified,
                        body.bytes(),
                        sha256));
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        if (exchange.getProperty(FetchProps.PARTIAL_RECORDED, false, Boolean.class)) {
            state.forgetPartial(task.file());
        }
        return OutcomeBuilder.of(task.batch(), task.entry())
                .outcome(Outcome.DOWNLOADED)
                .file(task.file())
                .httpStatus(exchange.getProperty(FetchProps.STATUS, Integer.class))
                .body(body.bytes(), sha256)
                .response(message.getHeader("Content-Type", String.class), etag, lastModified)
                .attempts(task.attempt())
                .ms(System.currentTimeMillis() - task.startedMillis())
                .node(node)
                .build();
    }

    /** A 304 to our conditional request: the file fetchbox has is current and stays as it is. */
    public Outcome notModified(Exchange exchange) {
        FetchTask task = exchange.getProperty(FetchProps.TASK, FetchTask.class);
        FileRecord known = state.read(task.file()).orElseThrow();
        // a crash after an earlier rename can have left the record of its partial body behind
        state.forgetPartial(task.file());
        return OutcomeBuilder.of(task.batch(), task.entry())
                .outcome(Outcome.NOT_MODIFIED)
                .file(task.file())
                .httpStatus(304)
                .body(known.size(), known.sha256())
                .response(null, known.etag(), known.lastModified())
                .attempts(task.attempt())
                .ms(System.currentTimeMillis() - task.startedMillis())
                .node(node)
                .build();
    }
}
