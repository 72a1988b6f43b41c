package io.fetchbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fetchbox.testing.Bodies;
import io.fetchbox.testing.TestServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A body that is too large, cut short or not what the list expects never lands under its name. */
class BodyChecksTest {
    @TempDir
    Path dir;

    @Test
    void maxBytesRefusesAnnouncedAndEndlessBodies() {
        try (TestServer server = TestServer.start()) {
            Workspace ws = new Workspace(dir);
            ws.drop(
                    "limits.txt",
                    server.url("/f/small.bin?size=1024&seed=1") + "\n"
                            + server.url("/f/big.bin?size=5000&seed=2") + "\n"
                            + server.url("/huge") + "\n");

            assertThat(ws.once("--fetchbox.max-bytes=1KB")).isEqualTo(1);

            Map<Integer, JsonNode> lines = Reports.byLine(ws.report("limits"));
            assertThat(Reports.text(lines.get(1), "outcome")).isEqualTo("downloaded");
            assertThat(Reports.text(lines.get(2), "error")).isEqualTo("too_large");
            assertThat(Reports.text(lines.get(3), "error")).isEqualTo("too_large");
            assertThat(ws.outputFiles()).containsExactly("limits/small.bin");
        }
    }

    @Test
    void aBodyShorterThanItsContentLengthIsTruncatedAndLeavesNoFile() {
        try (TestServer server = TestServer.start()) {
            Workspace ws = new Workspace(dir);
            ws.drop("short.txt", server.url("/truncate?size=100000") + "\n");

            assertThat(ws.once("--fetchbox.retries=0")).isEqualTo(1);

            assertThat(Reports.text(ws.report("short").get(0), "error")).isEqualTo("truncated");
            assertThat(ws.outputFiles()).isEmpty();
        }
    }

    @Test
    void checksumsFromTheListAreVerifiedBeforeTheFileAppears() {
        try (TestServer server = TestServer.start()) {
            Workspace ws = new Workspace(dir);
            String sha = Bodies.sha256("ok.bin", 1, 500);
            ws.drop(
                    "sums.txt",
                    server.url("/f/ok.bin?size=500&seed=1") + "\n  checksum=sha-256=" + sha + "\n"
                            + server.url("/f/bad.bin?size=500&seed=2") + "\n  checksum=sha-256=" + sha + "\n"
                            + server.url("/f/empty.bin?size=0&seed=3") + "\n");

            assertThat(ws.once()).isEqualTo(1);

            Map<Integer, JsonNode> lines = Reports.byLine(ws.report("sums"));
            assertThat(Reports.text(lines.get(1), "outcome")).isEqualTo("downloaded");
            assertThat(Reports.text(lines.get(3), "error")).isEqualTo("checksum_mismatch");
            assertThat(lines.get(5).get("bytes").asLong()).isZero();
            assertThat(ws.outputFiles()).containsExactly("sums/empty.bin", "sums/ok.bin");
        }
    }
}
