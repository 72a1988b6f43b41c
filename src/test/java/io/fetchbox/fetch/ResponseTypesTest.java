package io.fetchbox.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.fetchbox.list.UrlEntry;
import io.fetchbox.media.AcceptedTypes;
import io.fetchbox.testing.Exchanges;
import io.fetchbox.url.ParsedUrl;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** responseTypes.check as the fetch route calls it after responses.inspect, on a plain exchange. */
class ResponseTypesTest {
    private static final String URL = "http://example.org/a";
    private static final byte[] PNG = png(5000);

    @TempDir
    Path dir;

    OutputFolder output;
    ResponseTypes types;

    @BeforeEach
    void beans() {
        output = new OutputFolder(dir.resolve("output"));
        types = new ResponseTypes(AcceptedTypes.parse("image/*"), output);
    }

    @Test
    void theBodyIsGivenOnWholeAfterItsFirstBytesWereLookedAt() throws Exception {
        BodiesTest.ClosingBody raw = new BodiesTest.ClosingBody(PNG);
        Exchange exchange = answered(raw, "image/png", null);

        types.check(exchange);

        assertThat(exchange.getProperty(FetchProps.DETECTED_TYPE)).isEqualTo("image/png");
        assertThat(exchange.getProperty(FetchProps.RESPONSE_TYPE)).isEqualTo("image/png");
        try (InputStream body = exchange.getMessage().getBody(InputStream.class)) {
            assertThat(body.readAllBytes()).isEqualTo(PNG);
        }
    }

    @Test
    void aRefusedBodyDropsTheConnectionAndLeavesNoBody() {
        BodiesTest.ClosingBody raw = new BodiesTest.ClosingBody(PNG);
        Exchange exchange = answered(raw, "image/jpeg", null);

        FetchFailure failure = catchThrowableOfType(FetchFailure.class, () -> types.check(exchange));

        assertThat(failure.code()).isEqualTo("type_mismatch");
        assertThat(failure.httpStatus()).isEqualTo(200);
        assertThat(raw.closed).isTrue();
        assertThat(exchange.getMessage().getBody()).isNull();
        assertThat(exchange.getProperty(FetchProps.DETECTED_TYPE)).isEqualTo("image/png");
    }

    @Test
    void aLinesOwnAcceptReplacesTheServicesAndNoneLooksAtNothing() throws Exception {
        BodiesTest.ClosingBody raw = new BodiesTest.ClosingBody(PNG);
        Exchange exchange = answered(raw, "image/png", "application/pdf");

        FetchFailure failure = catchThrowableOfType(FetchFailure.class, () -> types.check(exchange));
        assertThat(failure.code()).isEqualTo("unexpected_type");
        assertThat(raw.reads).as("refused on its headers").isZero();

        BodiesTest.ClosingBody untouched = new BodiesTest.ClosingBody(PNG);
        Exchange unchecked = answered(untouched, "text/html", null);
        new ResponseTypes(AcceptedTypes.ANY, output).check(unchecked);
        assertThat(unchecked.getMessage().getBody()).isSameAs(untouched);
        assertThat(unchecked.getProperty(FetchProps.DETECTED_TYPE)).isNull();
    }

    @Test
    void theRestOfAPartialBodyIsJudgedByThePartAlreadyOnDisk() throws Exception {
        String temp = output.createTemporary("b/a");
        Files.write(output.resolve(temp), Arrays.copyOf(PNG, 3000));
        BodiesTest.ClosingBody rest = new BodiesTest.ClosingBody(Arrays.copyOfRange(PNG, 3000, PNG.length));
        Exchange exchange = answered(rest, "image/png", null);
        exchange.setProperty(FetchProps.APPEND, true);
        exchange.setProperty(FetchProps.TEMP, temp);

        types.check(exchange);

        assertThat(exchange.getProperty(FetchProps.DETECTED_TYPE)).isEqualTo("image/png");
        assertThat(exchange.getMessage().getBody()).as("the rest untouched").isSameAs(rest);
    }

    @Test
    void aPartialBodyThatIsNoLongerAFileIsLeftToTheBodyStep() throws Exception {
        String temp = output.createTemporary("b/a");
        Files.delete(output.resolve(temp));
        Files.createSymbolicLink(output.resolve(temp), dir.resolve("elsewhere"));
        Files.write(dir.resolve("elsewhere"), "<html>".getBytes());
        BodiesTest.ClosingBody rest = new BodiesTest.ClosingBody(new byte[10]);
        Exchange exchange = answered(rest, "image/png", null);
        exchange.setProperty(FetchProps.APPEND, true);
        exchange.setProperty(FetchProps.TEMP, temp);

        types.check(exchange);

        assertThat(exchange.getProperty(FetchProps.DETECTED_TYPE)).isNull();
        assertThat(exchange.getProperty(FetchProps.RESPONSE_TYPE)).isEqualTo("image/png");
    }

    @Test
    void aReadThatFailsWhileLookingDropsTheConnection() {
        final class FailingBody extends InputStream {
            boolean closed;

            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }

            @Override
            public void close() {
                closed = true;
            }
        }
        FailingBody failing = new FailingBody();
        Exchange exchange = answered(failing, "image/png", null);

        IOException thrown = catchThrowableOfType(IOException.class, () -> types.check(exchange));

        assertThat(thrown).hasMessage("connection reset");
        assertThat(failing.closed).isTrue();
    }

    private static Exchange answered(InputStream body, String contentType, String accept) {
        Exchange exchange = Exchanges.create();
        UrlEntry entry = new UrlEntry(1, URL, null, null, null, null, null, null, null, accept);
        exchange.setProperty(
                FetchProps.TASK,
                new FetchTask("b", entry, "b/a", ParsedUrl.parse(URL).hostKey()));
        exchange.setProperty(FetchProps.STATUS, 200);
        exchange.getMessage().setHeader("Content-Type", contentType);
        exchange.getMessage().setBody(body);
        return exchange;
    }

    private static byte[] png(int size) {
        byte[] png = new byte[size];
        byte[] signature = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
        System.arraycopy(signature, 0, png, 0, signature.length);
        for (int i = signature.length; i < size; i++) {
            png[i] = (byte) (i * 31);
        }
        return png;
    }
}
