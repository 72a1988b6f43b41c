package io.fetchbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fetchbox.testing.Bodies;
import io.fetchbox.testing.TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole service in this JVM, in one-shot mode, against a real local HTTP server. */
class OnceRunTest {
    @TempDir
    Path dir;

    TestServer server;
    Workspace ws;

    @BeforeEach
    void start() {
        server = TestServer.start();
        ws = new Workspace(dir);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void downloadsEveryUrlOfAListAndReportsEachLineOnce() throws IOException {
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            list.append(server.url("/f/file" + i + ".bin?size=" + (i * 1000) + "&seed=" + i))
                    .append('\n');
        }
        ws.drop("basic.txt", list.toString());

        assertThat(ws.once()).isEqualTo(0);

        for (int i = 0; i < 20; i++) {
            Path file = ws.output.resolve("basic/file" + i + ".bin");
            assertThat(file).exists();
            assertThat(Files.size(file)).isEqualTo(i * 1000L);
            assertThat(Files.getLastModifiedTime(file).toMillis() / 1000).isEqualTo(Bodies.lastModifiedEpochSeconds(i));
        }
        List<JsonNode> report = ws.report("basic");
        assertThat(report).hasSize(20);
        assertThat(report.stream().map(r -> r.get("line").asInt()).sorted().toList())
                .containsExactlyElementsOf(
                        java.util.stream.IntStream.rangeClosed(1, 20).boxed().toList());
        JsonNode third = report.stream()
                .filter(r -> r.get("line").asInt() == 3)
                .findFirst()
                .orElseThrow();
        assertThat(third.get("outcome").asText()).isEqualTo("downloaded");
        assertThat(third.get("file").asText()).isEqualTo("basic/file2.bin");
        assertThat(third.get("sha256").asText()).isEqualTo(Bodies.sha256("file2.bin", 2, 2000));
        assertThat(third.get("etag").asText()).isEqualTo(Bodies.etag("file2.bin", 2, 2000));
        assertThat(third.get("attempts").asInt()).isEqualTo(1);
        assertThat(third.get("error").isNull()).isTrue();

        JsonNode summary = ws.summary("basic");
        assertThat(summary.get("lines").asInt()).isEqualTo(20);
        assertThat(summary.get("outcomes").get("downloaded").asInt()).isEqualTo(20);
        assertThat(ws.inbox.resolve(".done/basic.txt")).exists();
        assertThat(ws.inbox.resolve(".inprogress")).isEmptyDirectory();
        assertThat(server.requests())
                .allSatisfy(r -> assertThat(r.header("user-agent")).startsWith("fetchbox/"));
    }

    @Test
    void invalidDuplicateAndFailedLinesGetTheirOutcomesAndExitOne() {
        String good = server.url("/f/a.bin?size=10&seed=1");
        ws.drop(
                "mixed.txt",
                String.join(
                        "\n",
                        good,
                        "ftp://example.com/x",
                        good,
                        server.url("/status/404"),
                        server.url("/f/a.bin?size=20&seed=2"),
                        ""));

        assertThat(ws.once()).isEqualTo(1);

        Map<Integer, JsonNode> byLine = ws.report("mixed").stream()
                .collect(Collectors.toMap(r -> r.get("line").asInt(), r -> r));
        assertThat(byLine.get(1).get("outcome").asText()).isEqualTo("downloaded");
        assertThat(byLine.get(2).get("outcome").asText()).isEqualTo("invalid");
        assertThat(byLine.get(2).get("error").asText()).isEqualTo("invalid_url");
        assertThat(byLine.get(3).get("outcome").asText()).isEqualTo("duplicate");
        assertThat(byLine.get(3).get("file").asText()).isEqualTo("mixed/a.bin");
        assertThat(byLine.get(4).get("error").asText()).isEqualTo("http_404");
        assertThat(byLine.get(5).get("file").asText()).isEqualTo("mixed/a.1.bin");
        assertThat(server.count("/f/a.bin")).isEqualTo(2);
        // in list order, whatever order the outcomes arrived in
        assertThat(Workspace.read(ws.reports.resolve("mixed.failed.txt")))
                .isEqualTo("# fetchbox: batch=mixed\nftp://example.com/x\n  retry-of-line=2\n"
                        + server.url("/status/404") + "\n  retry-of-line=4\n");
    }

    @Test
    void aFileThatIsNotAListIsRefusedWithAReasonAndExitTwo() throws IOException {
        Files.createDirectories(ws.inbox);
        Files.write(ws.inbox.resolve("binary.txt"), new byte[] {'h', 't', 0, 'p'});

        assertThat(ws.once()).isEqualTo(2);

        assertThat(ws.inbox.resolve(".error/binary.txt")).exists();
        assertThat(Workspace.read(ws.inbox.resolve(".error/binary.txt.error.txt")))
                .contains("NUL");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void aRunThatStallsExitsOneWithItsBatchLeftToResume() {
        ws.drop("stuck.txt", server.url("/f/s.bin?size=10") + "\n");

        assertThat(ws.once("--fetchbox.min-free-disk=1000000GB", "--fetchbox.stall-timeout=1s"))
                .isEqualTo(1);

        assertThat(ws.inbox.resolve(".inprogress/stuck.txt")).exists();
        assertThat(ws.report("stuck")).isEmpty();
        assertThat(ws.summary("stuck")).isNull();
        assertThat(server.requests()).isEmpty();

        assertThat(ws.once()).as("the next start resumes it").isEqualTo(0);
        assertThat(ws.report("stuck"))
                .singleElement()
                .satisfies(line -> assertThat(line.get("outcome").asText()).isEqualTo("downloaded"));
    }
}
