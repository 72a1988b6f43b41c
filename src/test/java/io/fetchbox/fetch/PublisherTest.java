package io.fetchbox.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.fetchbox.list.UrlEntry;
import io.fetchbox.report.Outcome;
import io.fetchbox.testing.Exchanges;
import io.fetchbox.testing.SpecialFiles;
import io.fetchbox.url.ParsedUrl;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * publisher.publish and publisher.notModified as the fetch route calls them: the body has gone
 * through its {@link MeteredBody} into the temporary file bodies.meter created (as Camel's file
 * producer writes it), the response headers are still on the message.
 */
class PublisherTest {
    private static final String URL = "http://example.org/a.bin";
    private static final String FILE = "b/a.bin";
    private static final String LAST_MODIFIED = "Wed, 21 Oct 2015 07:28:00 GMT";
    private static final byte[] CONTENT = "the new body".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    OutputFolder output;
    FileState state;
    Publisher publisher;
    /** What the batch's name planner was asked for: each name that was taken. */
    final List<String> renumbered = new ArrayList<>();

    @BeforeEach
    void beans() {
        output = new OutputFolder(dir.resolve("output"));
        state = new FileState(dir.resolve("reports"));
        publisher = new Publisher(
                output,
                state,
                (task, taken) -> {
                    renumbered.add(taken);
                    return "b/a." + renumbered.size() + ".bin";
                },
                "node-7");
    }

    @Test
    void aCompleteBodyIsPutInPlaceWithTheServersTimeAndRecorded() throws Exception {
        Exchange exchange = written(task(null), CONTENT);
        String temp = exchange.getProperty(FetchProps.TEMP, String.class);
        exchange.getMessage().setHeader("Last-Modified", LAST_MODIFIED);
        exchange.getMessage().setHeader("ETag", "\"v1\"");
        exchange.getMessage().setHeader("Content-Type", "application/octet-stream");

        Outcome outcome = publisher.publish(exchange);

        Path file = output.resolve(FILE);
        assertThat(file).hasBinaryContent(CONTENT);
        Instant modified = Instant.parse("2015-10-21T07:28:00Z");
        assertThat(Files.getLastModifiedTime(file).toInstant()).isEqualTo(modified);
        assertThat(output.resolve(temp)).doesNotExist();
        assertThat(outcome.batch()).isEqualTo("b");
        assertThat(outcome.outcome()).isEqualTo(Outcome.DOWNLOADED);
        assertThat(outcome.file()).isEqualTo(FILE);
        assertThat(outcome.url()).isEqualTo(URL);
        assertThat(outcome.httpStatus()).isEqualTo(200);
        assertThat(outcome.bytes()).isEqualTo(CONTENT.length);
        assertThat(outcome.sha256()).isEqualTo(BodiesTest.sha256(CONTENT));
        assertThat(outcome.contentType()).isEqualTo("application/octet-stream");
        assertThat(outcome.etag()).isEqualTo("\"v1\"");
        assertThat(outcome.lastModified()).isEqualTo(LAST_MODIFIED);
        assertThat(outcome.attempts()).isEqualTo(1);
        assertThat(outcome.node()).isEqualTo("node-7");
        assertThat(outcome.error()).isNull();
        assertThat(outcome.warnings()).isEmpty();
        assertThat(state.read(FILE))
                .contains(new FileRecord(
                        FileState.urlKey(URL),
                        URL,
                        "\"v1\"",
                        LAST_MODIFIED,
                        CONTENT.length,
                        BodiesTest.sha256(CONTENT),
                        modified.toEpochMilli()));
        assertThat(renumbered).isEmpty();
    }

    @Test
    void withoutLastModifiedTheFileKeepsTheTimeItWasWrittenAtAndTheRecordSaysWhich() throws Exception {
        Exchange exchange = written(task(null), CONTENT);
        Instant writtenAt = Instant.parse("2024-02-03T04:05:06.789Z");
        Files.setLastModifiedTime(
                output.resolve(exchange.getProperty(FetchProps.TEMP, String.class)), FileTime.from(writtenAt));

        Outcome outcome = publisher.publish(exchange);

        assertThat(Files.getLastModifiedTime(output.resolve(FILE)).toInstant()).isEqualTo(writtenAt);
        assertThat(state.read(FILE).orElseThrow().mtimeMillis()).isEqualTo(writtenAt.toEpochMilli());
        assertThat(outcome.lastModified()).isNull();
    }

    @Test
    void aLastModifiedBeforeTheEpochIsSetAsTheEpoch() throws Exception {
        Exchange exchange = written(task(null), CONTENT);
        exchange.getMessage().setHeader("Last-Modified", "Fri, 01 Jan 1960 00:00:00 GMT");

        publisher.publish(exchange);

        assertThat(Files.getLastModifiedTime(output.resolve(FILE)).toInstant()).isEqualTo(Instant.EPOCH);
        assertThat(state.read(FILE).orElseThrow().mtimeMillis()).isZero();
    }

    @Test
    void aBodyThatDoesNotMatchTheListsChecksumIsThrownAwayAndNothingIsPublished() throws Exception {
        String wrong = "00".repeat(32);
        Exchange exchange = written(task(new UrlEntry.Checksum("SHA-256", wrong)), CONTENT);
        String temp = exchange.getProperty(FetchProps.TEMP, String.class);

        FetchFailure failure = catchThrowableOfType(FetchFailure.class, () -> publisher.publish(exchange));

        assertThat(failure.code()).isEqualTo("checksum_mismatch");
        assertThat(failure.httpStatus()).isEqualTo(200);
        assertThat(failure.getMessage()).isEqualTo("SHA-256 of the body is not " + wrong);
        assertThat(output.resolve(temp)).doesNotExist();
        assertThat(output.resolve(FILE)).doesNotExist();
        assertThat(state.read(FILE)).isEmpty();
    }

    @Test
    void aBodyMatchingTheListsChecksumInAnotherAlgorithmIsPublished() throws Exception {
        // MD5 of "hello"; the checksum of the list may be in upper case
        Exchange exchange = written(
                task(new UrlEntry.Checksum("MD5", "5D41402ABC4B2A76B9719D911017C592")),
                "hello".getBytes(StandardCharsets.UTF_8));

        Outcome outcome = publisher.publish(exchange);

        assertThat(outcome.outcome()).isEqualTo(Outcome.DOWNLOADED);
        assertThat(output.resolve(FILE)).hasContent("hello");
    }

    @Test
    void aPersonsFileAtTheTargetIsLeftAndTheBodyGoesToTheNextNumberWithAWarning() throws Exception {
        Exchange exchange = written(task(null), CONTENT);
        Files.writeString(output.resolve(FILE), "a person's file");

        Outcome outcome = publisher.publish(exchange);

        assertThat(output.resolve(FILE)).hasContent("a person's file");
        assertThat(output.resolve("b/a.1.bin")).hasBinaryContent(CONTENT);
        assertThat(renumbered).containsExactly(FILE);
        assertThat(outcome.file()).isEqualTo("b/a.1.bin");
        assertThat(outcome.warnings())
                .containsExactly("b/a.bin is taken by a file or link fetchbox did not put there (made during the"
                        + " download, or a link to nothing); left as it is, this body is saved as b/a.1.bin");
        assertThat(state.read(FILE)).isEmpty();
        assertThat(state.read("b/a.1.bin").orElseThrow().urlKey()).isEqualTo(FileState.urlKey(URL));
    }

    @Test
    void aLinkAtTheTargetIsNeverFollowedNorReplaced(@TempDir Path elsewhere) throws Exception {
        Exchange exchange = written(task(null), CONTENT);
        Path victim = Files.writeString(elsewhere.resolve("victim"), "keep");
        SpecialFiles.symlink(output.resolve(FILE), victim);

        Outcome outcome = publisher.publish(exchange);

        assertThat(victim).hasContent("keep");
        assertThat(Files.isSymbolicLink(output.resolve(FILE))).isTrue();
        assertThat(outcome.file()).isEqualTo("b/a.1.bin");
    }

    @Test
    void fetchboxsOwnUnchangedEarlierFileIsReplacedInPlace() throws Exception {
        FileRecord earlier = earlierFile("the old body");
        Exchange exchange = written(task(null), CONTENT);

        Outcome outcome = publisher.publish(exchange);

        assertThat(output.resolve(FILE)).hasBinaryContent(CONTENT);
        assertThat(outcome.file()).isEqualTo(FILE);
        assertThat(outcome.warnings()).isEmpty();
        assertThat(renumbered).isEmpty();
        FileRecord now = state.read(FILE).orElseThrow();
        assertThat(now.size()).isEqualTo(CONTENT.length);
        assertThat(now.replaced()).isEqualTo(new FileRecord.Replaced(earlier.size(), earlier.mtimeMillis()));
    }

    @Test
    void fetchboxsOwnEarlierFileChangedByAPersonIsLeftAndTheBodyIsRenumbered() throws Exception {
        earlierFile("the old body");
        Files.writeString(output.resolve(FILE), "edited by hand", StandardOpenOption.APPEND);
        Exchange exchange = written(task(null), CONTENT);

        Outcome outcome = publisher.publish(exchange);

        assertThat(output.resolve(FILE)).hasContent("the old bodyedited by hand");
        assertThat(outcome.file()).isEqualTo("b/a.1.bin");
        assertThat(outcome.warnings()).hasSize(1);
        assertThat(state.read(FILE))
                .as("the record of a file someone changed is taken back")
                .isEmpty();
    }

    @Test
    void anotherUrlsFileAtTheTargetIsLeftAndTheBodyIsRenumbered() throws Exception {
        Files.createDirectories(output.resolve("b"));
        Files.writeString(output.resolve(FILE), "other");
        Path target = output.resolve(FILE);
        state.write(
                FILE,
                new FileRecord(
                        FileState.urlKey("http://example.org/other.bin"),
                        "http://example.org/other.bin",
                        null,
                        null,
                        5,
                        "00",
                        Files.getLastModifiedTime(target).toMillis()));
        Exchange exchange = written(task(null), CONTENT);

        Outcome outcome = publisher.publish(exchange);

        assertThat(target).hasContent("other");
        assertThat(outcome.file()).isEqualTo("b/a.1.bin");
        assertThat(state.read(FILE).orElseThrow().url()).isEqualTo("http://example.org/other.bin");
    }

    @Test
    void twentyNamesTakenInARowIsAnUnsafePathAndTheTemporaryFileGoes() throws Exception {
        Exchange exchange = written(task(null), CONTENT);
        String temp = exchange.getProperty(FetchProps.TEMP, String.class);
        Files.writeString(output.resolve(FILE), "taken");
        for (int n = 1; n < 20; n++) {
            Files.writeString(output.resolve("b/a." + n + ".bin"), "taken");
        }

        FetchFailure failure = catchThrowableOfType(FetchFailure.class, () -> publisher.publish(exchange));

        assertThat(failure.code()).isEqualTo("unsafe_path");
        assertThat(failure.getMessage()).isEqualTo("20 names in a row were taken while being published");
        assertThat(renumbered).hasSize(19);
        assertThat(output.resolve(temp)).doesNotExist();
    }

    @Test
    void aTemporaryFileReplacedDuringTheDownloadIsNeverPublished() throws Exception {
        Exchange exchange = written(task(null), CONTENT);
        Path temp = output.resolve(exchange.getProperty(FetchProps.TEMP, String.class));
        // another file of the same content moved over it: a new inode (a file deleted first could give its inode back)
        Path other = Files.write(output.resolve("b/other"), CONTENT);
        Files.move(other, temp, StandardCopyOption.REPLACE_EXISTING);

        FetchFailure failure = catchThrowableOfType(FetchFailure.class, () -> publisher.publish(exchange));

        assertThat(failure.code()).isEqualTo("unsafe_path");
        assertThat(failure.httpStatus()).isEqualTo(200);
        assertThat(failure.getMessage()).endsWith(" was replaced during the download");
        assertThat(output.resolve(FILE)).doesNotExist();
        assertThat(state.read(FILE)).isEmpty();
    }

    @Test
    void aLinkPutInPlaceOfTheTemporaryFileIsRemovedAndWhatItPointsToKept(@TempDir Path elsewhere) throws Exception {
        Exchange exchange = written(task(null), CONTENT);
        Path temp = output.resolve(exchange.getProperty(FetchProps.TEMP, String.class));
        Files.delete(temp);
        Path victim = Files.writeString(elsewhere.resolve("victim"), "keep");
        SpecialFiles.symlink(temp, victim);

        FetchFailure failure = catchThrowableOfType(FetchFailure.class, () -> publisher.publish(exchange));

        assertThat(failure.code()).isEqualTo("unsafe_path");
        assertThat(Files.exists(temp, LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(victim).hasContent("keep");
        assertThat(output.resolve(FILE)).doesNotExist();
    }

    @Test
    void aTemporaryFileThatVanishedIsAnUnsafePath() throws Exception {
        Exchange exchange = written(task(null), CONTENT);
        Files.delete(output.resolve(exchange.getProperty(FetchProps.TEMP, String.class)));

        FetchFailure failure = catchThrowableOfType(FetchFailure.class, () -> publisher.publish(exchange));

        assertThat(failure.code()).isEqualTo("unsafe_path");
    }

    @Test
    void aLargeBodysPartialRecordIsForgottenOncePublished() throws Exception {
        Exchange exchange = written(task(null), CONTENT);
        String temp = exchange.getProperty(FetchProps.TEMP, String.class);
        state.writePartial(FILE, new PartialRecord(FileState.urlKey(URL), "\"v1\"", temp));
        exchange.setProperty(FetchProps.PARTIAL_RECORDED, true);

        publisher.publish(exchange);

        assertThat(state.readPartial(FILE)).isEmpty();
    }

    @Test
    void aStateThatCannotBeRecordedIsAWriteFailureAndNothingIsPublished() throws Exception {
        Exchange exchange = written(task(null), CONTENT);
        // the folder of the records is a file: the record cannot be written, so the file must not appear
        Files.createDirectories(dir.resolve("reports/.state"));
        Files.writeString(dir.resolve("reports/.state/files"), "not a folder");

        FetchFailure failure = catchThrowableOfType(FetchFailure.class, () -> publisher.publish(exchange));

        assertThat(failure.code()).isEqualTo("write_failed");
        assertThat(failure.getMessage()).startsWith("cannot put b/a.bin in place: cannot record state of b/a.bin");
        assertThat(output.resolve(FILE)).doesNotExist();
    }

    @Test
    void aNotModifiedAnswerKeepsTheFileAndReportsNotModifiedFromItsRecord() throws Exception {
        FileRecord earlier = earlierFile("the old body");
        state.writePartial(
                FILE, new PartialRecord(FileState.urlKey(URL), "\"v0\"", "b/.a.bin.0123456789abcdef.fetchbox-part"));
        Exchange exchange = Exchanges.create();
        exchange.setProperty(FetchProps.TASK, task(null).nextAttempt());
        exchange.setProperty(FetchProps.STATUS, 304);

        Outcome outcome = publisher.notModified(exchange);

        assertThat(output.resolve(FILE)).hasContent("the old body");
        assertThat(outcome.outcome()).isEqualTo(Outcome.NOT_MODIFIED);
        assertThat(outcome.file()).isEqualTo(FILE);
        assertThat(outcome.httpStatus()).isEqualTo(304);
        assertThat(outcome.bytes()).isEqualTo(earlier.size());
        assertThat(outcome.sha256()).isEqualTo(earlier.sha256());
        assertThat(outcome.etag()).isEqualTo("\"v0\"");
        assertThat(outcome.lastModified()).isEqualTo(LAST_MODIFIED);
        assertThat(outcome.contentType()).isNull();
        assertThat(outcome.attempts()).isEqualTo(2);
        assertThat(outcome.node()).isEqualTo("node-7");
        assertThat(state.readPartial(FILE))
                .as("a partial record a crash left behind")
                .isEmpty();
    }

    /** fetchbox's own earlier file of this URL at the target, with its record. */
    private FileRecord earlierFile(String content) throws IOException {
        Path file = output.resolve(FILE);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
        FileRecord record = new FileRecord(
                FileState.urlKey(URL),
                URL,
                "\"v0\"",
                LAST_MODIFIED,
                Files.size(file),
                "ab".repeat(32),
                Files.getLastModifiedTime(file).toMillis());
        state.write(FILE, record);
        return record;
    }

    /** As bodies.meter and the file producer leave a complete 200 body. */
    private Exchange written(FetchTask task, byte[] content) throws Exception {
        String temp = output.createTemporary(task.file());
        String algorithm =
                task.entry().checksum() == null ? null : task.entry().checksum().algorithm();
        MeteredBody body = new MeteredBody(new ByteArrayInputStream(content), 0, content.length, algorithm, () -> {});
        try (OutputStream out = Files.newOutputStream(output.resolve(temp), StandardOpenOption.WRITE)) {
            body.transferTo(out);
        }
        Exchange exchange = Exchanges.create();
        exchange.setProperty(FetchProps.TASK, task.started(System.currentTimeMillis()));
        exchange.setProperty(FetchProps.STATUS, 200);
        exchange.setProperty(FetchProps.TEMP, temp);
        exchange.setProperty(
                FetchProps.TEMP_FILE_KEY, output.attributesOrNull(temp).fileKey());
        exchange.setProperty(FetchProps.BODY, body);
        exchange.getMessage().setBody(body);
        exchange.getMessage().setHeader(Exchange.FILE_NAME, temp);
        return exchange;
    }

    private static FetchTask task(UrlEntry.Checksum checksum) {
        UrlEntry entry = new UrlEntry(4, URL, null, null, checksum, null, null, null);
        return new FetchTask("b", entry, FILE, ParsedUrl.parse(URL).hostKey());
    }
}
