package io.fetchbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fetchbox.testing.TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** failed.txt dropped back puts its files beside the ones that did not fail (README, "Reports"). */
class RetryInPlaceTest {
    @TempDir
    Path dir;

    @Test
    void aDroppedBackFailedListWritesIntoItsBatchsFolderAndSaysWhichLineItRetries() throws IOException {
        Workspace ws = new Workspace(dir);
        try (TestServer server = TestServer.start()) {
            ws.drop(
                    "mixed.txt",
                    server.url("/f/a.bin?size=10") + "\n" + server.url("/flaky/retry-in-place/1/500") + "\n"
                            + server.url("/f/c.bin?size=10") + "\n");
            assertThat(ws.once("--fetchbox.retries=0")).isEqualTo(1);
            String failed = Files.readString(ws.reports.resolve("mixed.failed.txt"));
            assertThat(failed)
                    .startsWith("# fetchbox: batch=mixed\n")
                    .contains("/flaky/retry-in-place/1/500\n  retry-of-line=2\n");

            ws.drop("mixed.failed.txt", failed);
            assertThat(ws.once("--fetchbox.retries=0")).isZero();
        }
        JsonNode retried = ws.report("mixed.failed").get(0);
        assertThat(Reports.text(retried, "outcome")).isEqualTo("downloaded");
        assertThat(retried.get("line").asInt()).isEqualTo(2);
        assertThat(retried.get("retry_of_line").asInt()).isEqualTo(2);
        assertThat(Reports.text(retried, "file")).isEqualTo("mixed/500");
        assertThat(ws.outputFiles()).containsExactly("mixed/500", "mixed/a.bin", "mixed/c.bin");
        assertThat(ws.report("mixed").get(0).has("retry_of_line")).isFalse();
    }
}
