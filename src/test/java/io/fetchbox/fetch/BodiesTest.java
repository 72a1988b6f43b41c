package io.fetchbox.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.fetchbox.list.UrlEntry;
import io.fetchbox.testing.Exchanges;
import io.fetchbox.testing.SpecialFiles;
import io.fetchbox.url.ParsedUrl;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bodies.meter as the fetch route calls it after responses.inspect: the response body still a stream,
 * {@code Content-Length} and the validators as headers, the status, the partial body to continue and
 * its temporary file as properties (requests.prepare set those).
 */
class BodiesTest {
    private static final String URL = "http://example.org/a.bin";
    private static final String FILE = "b/a.bin";
    private static final long MAX_BYTES = 100_000;

    @TempDir
    Path dir;

    OutputFolder output;
    FileState state;
    Bodies bodies;
    final AtomicInteger arrivals = new AtomicInteger();
    final ClosingBody raw = new ClosingBody(new byte[] {1, 2, 3});

    @BeforeEach
    void beans() {
        output = new OutputFolder(dir.resolve("output"));
        state = new FileState(dir.resolve("reports"));
        bodies = new Bodies(MAX_BYTES, output, state, arrivals::incrementAndGet);
    }

    @Test
    void aBodyAnnouncedLargerThanMaxBytesIsRefusedBeforeAnythingIsCreated() throws IOException {
        Exchange exchange = answered(raw, MAX_BYTES + 1);

        FetchFailure failure = catchThrowableOfType(FetchFailure.class, () -> bodies.meter(exchange));

        assertThat(failure.code()).isEqualTo("too_large");
        assertThat(failure.httpStatus()).isEqualTo(200);
        assertThat(failure.getMessage()).isEqualTo("announced 100001 bytes, over fetchbox.max-bytes (100000 bytes)");
        assertThat(raw.closed).isTrue();
        assertThat(filesUnder(output.root())).isEmpty();
        assertThat(exchange.getProperty(FetchProps.TEMP)).isNull();
        assertThat(state.readPartial(FILE)).isEmpty();
    }

    @Test
    void theRestOfAPartialBodyCountsWhatIsAlreadyThereAgainstMaxBytes() throws Exception {
        String temp = output.createTemporary(FILE);
        Files.write(output.resolve(temp), new byte[60_000]);
        Exchange exchange = answered(raw, 40_001);
        continuing(exchange, temp, 60_000);

        FetchFailure failure = catchThrowableOfType(FetchFailure.class, () -> bodies.meter(exchange));

        assertThat(failure.code()).isEqualTo("too_large");
        assertThat(failure.httpStatus()).isEqualTo(206);
        assertThat(failure.getMessage()).startsWith("announced 100001 bytes");
        assertThat(raw.closed).isTrue();
        assertThat(output.resolve(temp)).hasSize(60_000);
    }

    @Test
    void aBodyAnnouncedAtExactlyMaxBytesIsTaken() throws Exception {
        Exchange exchange = answered(raw, MAX_BYTES);

        bodies.meter(exchange);

        assertThat(exchange.getMessage().getBody()).isInstanceOf(MeteredBody.class);
        assertThat(raw.closed).isFalse();
    }

    @Test
    void aSmallBodyGetsANewHiddenTemporaryFileBesideItsTargetAndNoPartialRecord() throws Exception {
        Exchange exchange = answered(raw, 3);

        bodies.meter(exchange);

        String temp = exchange.getProperty(FetchProps.TEMP, String.class);
        assertThat(temp).startsWith("b/.a.bin.").endsWith(".fetchbox-part");
        assertThat(TempFiles.isTemporary(temp.substring(2))).isTrue();
        Path file = output.resolve(temp);
        assertThat(file).isRegularFile().isEmptyFile();
        assertThat(exchange.getProperty(FetchProps.TEMP_FILE_KEY))
                .isNotNull()
                .isEqualTo(output.attributesOrNull(temp).fileKey());
        assertThat(exchange.getMessage().getHeader(Exchange.FILE_NAME)).isEqualTo(temp);
        assertThat(exchange.getMessage().getBody())
                .isInstanceOf(MeteredBody.class)
                .isSameAs(exchange.getProperty(FetchProps.BODY));
        assertThat(exchange.getProperty(FetchProps.PARTIAL_RECORDED)).isNull();
        assertThat(state.readPartial(FILE)).isEmpty();
        assertThat(output.resolve(FILE)).doesNotExist();
    }

    @Test
    void everyBodyGetsATemporaryFileOfItsOwn() throws Exception {
        Exchange first = answered(raw, 3);
        Exchange second = answered(new ClosingBody(new byte[] {4}), 1);

        bodies.meter(first);
        bodies.meter(second);

        assertThat(first.getProperty(FetchProps.TEMP)).isNotEqualTo(second.getProperty(FetchProps.TEMP));
        assertThat(filesUnder(output.resolve("b"))).hasSize(2);
    }

    @Test
    void aLargeBodyHasItsPartialRecordWrittenBeforeItsFirstByte() throws Exception {
        Exchange exchange = answered(raw, Bodies.RESUMABLE_BYTES);
        exchange.getMessage().setHeader("ETag", " \"v1\" ");
        exchange.getMessage().setHeader("Last-Modified", "Wed, 21 Oct 2015 07:28:00 GMT");

        bodies.meter(exchange);

        String temp = exchange.getProperty(FetchProps.TEMP, String.class);
        assertThat(state.readPartial(FILE))
                .contains(
                        new PartialRecord(FileState.urlKey(ParsedUrl.parse(URL).normalized()), "\"v1\"", temp));
        assertThat(exchange.getProperty(FetchProps.PARTIAL_RECORDED)).isEqualTo(true);
        assertThat(raw.reads).as("bytes read before the record").isZero();
    }

    @Test
    void aBodyJustBelowTheResumableSizeHasNoPartialRecord() throws Exception {
        Exchange exchange = answered(raw, Bodies.RESUMABLE_BYTES - 1);
        exchange.getMessage().setHeader("ETag", "\"v1\"");

        bodies.meter(exchange);

        assertThat(state.readPartial(FILE)).isEmpty();
        assertThat(exchange.getProperty(FetchProps.PARTIAL_RECORDED)).isNull();
    }

    @Test
    void aBodyOfUnknownLengthIsRecordedWithTheDateWhenTheEtagIsWeak() throws Exception {
        Exchange exchange = answered(raw, -1);
        exchange.getMessage().setHeader("ETag", "W/\"weak\"");
        exchange.getMessage().setHeader("Last-Modified", "Wed, 21 Oct 2015 07:28:00 GMT");

        bodies.meter(exchange);

        assertThat(state.readPartial(FILE).orElseThrow().validator()).isEqualTo("Wed, 21 Oct 2015 07:28:00 GMT");
        assertThat(exchange.getProperty(FetchProps.PARTIAL_RECORDED)).isEqualTo(true);
    }

    @Test
    void theRestOfAPartialBodyIsAppendedToItsTemporaryFileAndDigestedWhole() throws Exception {
        byte[] start = "0123456789".getBytes();
        byte[] rest = "abcdef".getBytes();
        String temp = output.createTemporary(FILE);
        Files.write(output.resolve(temp), start);
        Exchange exchange = answered(new ClosingBody(rest), rest.length);
        continuing(exchange, temp, start.length);
        exchange.getMessage().setHeader("ETag", "\"v2\"");

        bodies.meter(exchange);

        assertThat(exchange.getMessage().getHeader(Exchange.FILE_NAME)).isEqualTo(temp);
        assertThat(exchange.getProperty(FetchProps.TEMP)).isEqualTo(temp);
        assertThat(exchange.getProperty(FetchProps.TEMP_FILE_KEY))
                .isEqualTo(output.attributesOrNull(temp).fileKey());
        assertThat(filesUnder(output.resolve("b"))).containsExactly(output.resolve(temp));
        MeteredBody body = exchange.getProperty(FetchProps.BODY, MeteredBody.class);
        assertThat(body.bytes()).as("bytes already on disk").isEqualTo(10);
        assertThat(body.readAllBytes()).isEqualTo(rest);
        assertThat(body.bytes()).isEqualTo(16);
        assertThat(body.sha256Hex()).isEqualTo(sha256("0123456789abcdef".getBytes()));
        assertThat(state.readPartial(FILE).orElseThrow())
                .isEqualTo(new PartialRecord(FileState.urlKey(URL), "\"v2\"", temp));
        assertThat(exchange.getProperty(FetchProps.PARTIAL_RECORDED)).isEqualTo(true);
        assertThat(arrivals.get()).isPositive();
    }

    @Test
    void continuingAPartialBodyWhoseTemporaryFileIsGoneStartsOver() throws Exception {
        String temp = output.createTemporary(FILE);
        Files.delete(output.resolve(temp));
        Exchange exchange = answered(raw, 3);
        continuing(exchange, temp, 10);

        FetchFailure failure = catchThrowableOfType(FetchFailure.class, () -> bodies.meter(exchange));

        assertThat(failure.code()).isEqualTo("truncated");
        assertThat(failure.httpStatus()).isEqualTo(206);
        assertThat(failure.getMessage()).isEqualTo("the partial body to continue is gone");
        assertThat(exchange.getProperty(FetchProps.START_OVER)).isEqualTo(true);
        assertThat(raw.closed).isTrue();
        assertThat(output.resolve(temp)).doesNotExist();
    }

    @Test
    void continuingAPartialBodyWhoseTemporaryFileIsNowALinkStartsOverAndWritesNothingThrough(@TempDir Path elsewhere)
            throws Exception {
        String temp = output.createTemporary(FILE);
        Files.delete(output.resolve(temp));
        Path target = Files.writeString(elsewhere.resolve("victim"), "keep");
        SpecialFiles.symlink(output.resolve(temp), target);
        Exchange exchange = answered(raw, 3);
        continuing(exchange, temp, 4);

        FetchFailure failure = catchThrowableOfType(FetchFailure.class, () -> bodies.meter(exchange));

        assertThat(failure.code()).isEqualTo("truncated");
        assertThat(exchange.getProperty(FetchProps.START_OVER)).isEqualTo(true);
        assertThat(target).hasContent("keep");
    }

    @Test
    void aWholeBodyAfterADeclinedResumeRemovesTheEarlierTemporaryFileAndItsRecord() throws Exception {
        String earlier = output.createTemporary(FILE);
        Files.write(output.resolve(earlier), new byte[10]);
        state.writePartial(FILE, new PartialRecord(FileState.urlKey(URL), "\"v1\"", earlier));
        Exchange exchange = answered(raw, 3);
        exchange.setProperty(FetchProps.TEMP, earlier);
        exchange.setProperty(FetchProps.PARTIAL_RECORDED, true);

        bodies.meter(exchange);

        String temp = exchange.getProperty(FetchProps.TEMP, String.class);
        assertThat(temp).isNotEqualTo(earlier);
        assertThat(output.resolve(earlier)).doesNotExist();
        assertThat(output.resolve(temp)).isEmptyFile();
        assertThat(state.readPartial(FILE)).isEmpty();
        assertThat(exchange.getProperty(FetchProps.PARTIAL_RECORDED)).isNull();
    }

    @Test
    void aFolderOnTheWayThatIsAFileIsAnUnsafePathAndTheConnectionIsDropped() throws Exception {
        Files.writeString(output.resolve("b"), "a person's file");
        Exchange exchange = answered(raw, 3);

        FetchFailure failure = catchThrowableOfType(FetchFailure.class, () -> bodies.meter(exchange));

        assertThat(failure.code()).isEqualTo("unsafe_path");
        assertThat(raw.closed).isTrue();
        assertThat(output.resolve("b")).hasContent("a person's file");
    }

    @Test
    void theListsChecksumAlgorithmIsDigestedBesideSha256() throws Exception {
        byte[] content = "hello".getBytes();
        UrlEntry entry = new UrlEntry(1, URL, null, null, new UrlEntry.Checksum("MD5", "ignored"), null, null, null);
        Exchange exchange = answered(new ClosingBody(content), content.length);
        exchange.setProperty(
                FetchProps.TASK,
                new FetchTask("b", entry, FILE, ParsedUrl.parse(URL).hostKey()));

        bodies.meter(exchange);

        MeteredBody body = exchange.getProperty(FetchProps.BODY, MeteredBody.class);
        body.readAllBytes();
        String sha256 = body.sha256Hex();
        assertThat(sha256).isEqualTo(sha256(content));
        assertThat(body.checksumHex(sha256)).isEqualTo("5d41402abc4b2a76b9719d911017c592");
    }

    private Exchange answered(InputStream body, long contentLength) {
        Exchange exchange = Exchanges.create();
        UrlEntry entry = new UrlEntry(1, URL, null, null, null, null, null, null);
        exchange.setProperty(
                FetchProps.TASK,
                new FetchTask("b", entry, FILE, ParsedUrl.parse(URL).hostKey()));
        exchange.setProperty(FetchProps.STATUS, 200);
        if (contentLength >= 0) {
            exchange.getMessage().setHeader("Content-Length", Long.toString(contentLength));
        }
        exchange.getMessage().setBody(body);
        return exchange;
    }

    /** As requests.prepare and responses.inspect leave a 206 that continues the partial body. */
    private static void continuing(Exchange exchange, String temp, long resumeFrom) {
        exchange.setProperty(FetchProps.STATUS, 206);
        exchange.setProperty(FetchProps.TEMP, temp);
        exchange.setProperty(FetchProps.PARTIAL_RECORDED, true);
        exchange.setProperty(FetchProps.RESUME_FROM, resumeFrom);
        exchange.setProperty(FetchProps.APPEND, true);
    }

    private static List<Path> filesUnder(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .toList();
        }
    }

    static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    /** A response body that tells whether it was closed, and whether anything read it. */
    static final class ClosingBody extends ByteArrayInputStream {
        boolean closed;
        int reads;

        ClosingBody(byte[] content) {
            super(content);
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            reads++;
            return super.read(b, off, len);
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
