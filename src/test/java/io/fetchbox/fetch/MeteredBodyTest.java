package io.fetchbox.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MeteredBodyTest {
    private static final byte[] HELLO = "hello world".getBytes(StandardCharsets.US_ASCII);

    @Test
    void countsAndDigestsWhatPassesThrough() throws IOException {
        MeteredBody body = new MeteredBody(new ByteArrayInputStream(HELLO), 0, HELLO.length, "MD5", () -> {});

        assertThat(body.readAllBytes()).isEqualTo(HELLO);
        assertThat(body.bytes()).isEqualTo(11);
        String sha256 = body.sha256Hex();
        assertThat(sha256).isEqualTo("b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9");
        assertThat(body.checksumHex(sha256)).isEqualTo("5eb63bbbe01eeed093cb22bb8f5acdc3");
    }

    @Test
    void aBodyGrowingPastTheLimitIsStoppedAsTooLarge() {
        MeteredBody body = new MeteredBody(new ByteArrayInputStream(HELLO), 10, -1, null, () -> {});

        assertThatThrownBy(body::readAllBytes)
                .isInstanceOf(MeteredBody.BodyFailure.class)
                .satisfies(
                        e -> assertThat(((MeteredBody.BodyFailure) e).failure().code())
                                .isEqualTo("too_large"));
    }

    @Test
    void aBodyEndingBeforeItsContentLengthIsTruncated() {
        MeteredBody body = new MeteredBody(new ByteArrayInputStream(HELLO), 0, 20, null, () -> {});

        assertThatThrownBy(body::readAllBytes)
                .isInstanceOf(MeteredBody.BodyFailure.class)
                .satisfies(
                        e -> assertThat(((MeteredBody.BodyFailure) e).failure().code())
                                .isEqualTo("truncated"));
    }

    @Test
    void aFailingReadAbortsAndLaterCloseDoesNotTouchTheStreamAgain() {
        CountingStream failing = new CountingStream();
        MeteredBody body = new MeteredBody(failing, 0, -1, null, () -> {});

        assertThatThrownBy(() -> body.read(new byte[8], 0, 8)).isInstanceOf(IOException.class);
        assertThat(failing.closes).isEqualTo(1);
        assertThatCode(body::close).doesNotThrowAnyException();
        assertThat(failing.closes).isEqualTo(1);
    }

    /** A stream that fails every read and counts how often it is closed. */
    private static final class CountingStream extends InputStream {
        int closes;

        @Override
        public int read() throws IOException {
            throw new IOException("connection reset");
        }

        @Override
        public void close() {
            closes++;
        }
    }
}
