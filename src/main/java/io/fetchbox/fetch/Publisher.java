package io.fetchbox.fetch;

import io.fetchbox.list.UrlEntry;
import io.fetchbox.logging.BatchField;
import io.fetchbox.report.Outcome;
import io.fetchbox.report.OutcomeBuilder;
import io.fetchbox.url.ParsedUrl;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last step of a download: the complete body in its temporary file is checked to be the file
 * fetchbox created, verified against the list's checksum, given the server's Last-Modified time,
 * recorded under {@code reports/.state/}, and put in place in one atomic step that never replaces
 * a file fetchbox did not write (README, "Security"): a name taken meanwhile sends the body to the
 * next number, with a warning in the report line.
 */
public final class Publisher {
    private static final Logger LOG = LoggerFactory.getLogger(Publisher.class);
    /** Names tried before giving up; each one taken means someone is racing fetchbox for names. */
    private static final int MAX_NAMES = 20;

    private final OutputFolder output;
    private final FileState state;
    private final Renumbering renumbering;
    private final String node;

    public Publisher(OutputFolder output, FileState state, Renumbering renumbering, String node) {
        this.output = output;
        this.state = state;
        this.renumbering = renumbering;
        this.node = node;
    }

    public Outcome publish(Exchange exchange) throws FetchFailure {
        try {
            return publishWritten(exchange);
        } catch (IOException | UncheckedIOException e) {
            FetchTask task = exchange.getProperty(FetchProps.TASK, FetchTask.class);
            throw FetchFailure.writeFailed("cannot put " + task.file() + " in place", e);
        }
    }

    private Outcome publishWritten(Exchange exchange) throws FetchFailure, IOException {
        FetchTask task = exchange.getProperty(FetchProps.TASK, FetchTask.class);
        MeteredBody body = exchange.getProperty(FetchProps.BODY, MeteredBody.class);
        Message message = exchange.getMessage();
        Integer status = exchange.getProperty(FetchProps.STATUS, Integer.class);
        String temp = exchange.getProperty(FetchProps.TEMP, String.class);
        BasicFileAttributes written = checkStillOurs(exchange, temp, status);
        String sha256 = body.sha256Hex();
        UrlEntry.Checksum expected = task.entry().checksum();
        if (expected != null && !expected.hex().equalsIgnoreCase(body.checksumHex(sha256))) {
            output.deleteTemporary(temp);
            throw new FetchFailure(
                    "checksum_mismatch", status, expected.algorithm() + " of the body is not " + expected.hex());
        }
        String etag = message.getHeader("ETag", String.class);
        String lastModified = message.getHeader("Last-Modified", String.class);
        Instant modified = HttpDates.parse(lastModified);
        long mtimeMillis = written.lastModifiedTime().toMillis();
        if (modified != null) {
            Instant time = modified.isBefore(Instant.EPOCH) ? Instant.EPOCH : modified;
            output.setModified(temp, time);
            mtimeMillis = time.toEpochMilli();
        }
        String url = task.entry().url();
        FileRecord record = new FileRecord(
                FileState.urlKey(exchange, task),
                ParsedUrl.redact(url),
                etag,
                lastModified,
                written.size(),
                sha256,
                mtimeMillis);
        List<String> warnings = new ArrayList<>();
        String file = putInPlace(task, temp, record, warnings);
        if (exchange.getProperty(FetchProps.PARTIAL_RECORDED, false, Boolean.class)) {
            state.forgetPartial(task.file());
        }
        OutcomeBuilder outcome = OutcomeBuilder.of(task.batch(), task.entry())
                .outcome(Outcome.DOWNLOADED)
                .file(file)
                .httpStatus(status)
                .body(body.bytes(), sha256)
                .response(message.getHeader("Content-Type", String.class), etag, lastModified)
                .detectedType(exchange.getProperty(FetchProps.DETECTED_TYPE, String.class))
                .attempts(task.attempt())
                .ms(System.currentTimeMillis() - task.startedMillis())
                .node(node);
        warnings.forEach(outcome::warning);
        return outcome.build();
    }

    /**
     * The record first, then the file: a crash right after the file appears must not leave a file
     * that looks like someone else's (the next run would number its own file instead of
     * revalidating it). A name someone else holds is not touched, its record neither; a name that
     * turns out to be taken meanwhile has the record just written taken back.
     */
    private String putInPlace(FetchTask task, String temp, FileRecord record, List<String> warnings)
            throws FetchFailure, IOException {
        String file = task.file();
        for (int tries = 1; ; tries++) {
            if (place(temp, file, record)) {
                return file;
            }
            if (tries == MAX_NAMES) {
                output.deleteTemporary(temp);
                throw new FetchFailure(
                        "unsafe_path", null, MAX_NAMES + " names in a row were taken while being published");
            }
            String next = renumbering.next(task, file);
            String why = file + " is taken by a file or link fetchbox did not put there (made during the download,"
                    + " or a link to nothing); left as it is, this body is saved as " + next;
            try (BatchField.Scope scope = BatchField.of(task.batch())) {
                LOG.warn("{} line {}: {}", task.batch(), task.entry().line(), why);
            }
            warnings.add(why);
            file = next;
        }
    }

    /** Puts the body at {@code file}: new, or over fetchbox's own unchanged earlier file; false when taken. */
    private boolean place(String temp, String file, FileRecord record) throws IOException {
        Optional<FileRecord> earlier = Optional.empty();
        // the state is asked only when something is there: asking loads the folder's records
        if (output.attributesIfPresent(file) != null) {
            earlier = state.read(file).filter(r -> r.urlKey().equals(record.urlKey()));
            if (earlier.isEmpty()) {
                return false; // a person's file, a link, another URL's file
            }
        }
        state.write(file, earlier.map(record::replacing).orElse(record));
        boolean placed =
                earlier.isPresent() ? output.replaceOwn(temp, file, earlier.get()) : output.publishNew(temp, file);
        if (!placed) {
            state.disown(file);
        }
        return placed;
    }

    /**
     * The temporary file must still be the one fetchbox created: never publish a file someone put
     * in its place. Returns its attributes as written.
     */
    private BasicFileAttributes checkStillOurs(Exchange exchange, String temp, Integer status)
            throws FetchFailure, IOException {
        BasicFileAttributes now = output.attributesOrNull(temp);
        Object created = exchange.getProperty(FetchProps.TEMP_FILE_KEY);
        if (now == null || !now.isRegularFile() || !Objects.equals(now.fileKey(), created)) {
            if (now != null && !now.isRegularFile()) {
                Files.deleteIfExists(output.resolve(temp)); // the link itself, never what it points to
            }
            throw new FetchFailure(
                    "unsafe_path", status, "the temporary file " + temp + " was replaced during the download");
        }
        return now;
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
