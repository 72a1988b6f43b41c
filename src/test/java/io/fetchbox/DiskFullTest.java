package io.fetchbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.fetchbox.testing.TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk is this machine's trouble, not the URL's nor its server's (README, "Operating
 * fetchbox"): the output folder is a real 1 MiB tmpfs, so "No space left on device" comes from the
 * kernel as it would in production. Downloads pause with the reason shown, nothing fails, and when the
 * file system grows the batch completes.
 */
class DiskFullTest {
    private static final int FILES = 6;
    private static final int SIZE = 400 * 1024;

    @TempDir
    Path dir;

    private Path mounted;

    @AfterEach
    void unmount() throws Exception {
        if (mounted != null) {
            run("umount", "-l", mounted.toString());
        }
    }

    @Test
    void aFullDiskPausesDownloadsWithoutFailingAnyAndTheyGoOnWhenSpaceReturns() throws Exception {
        Workspace ws = new Workspace(dir);
        Files.createDirectories(ws.output);
        assumeTrue(
                run("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", ws.output.toString()),
                "cannot mount a tmpfs here");
        mounted = ws.output;
        int port = WebClient.freePort();
        try (TestServer server = TestServer.start();
                ServiceRun service =
                        new ServiceRun(ws.args("--fetchbox.http-port=" + port, "--fetchbox.min-free-disk=0"))) {
            WebClient http = new WebClient(port);
            ws.drop(
                    "big.txt",
                    IntStream.rangeClosed(1, FILES)
                            .mapToObj(i -> server.url("/f/b" + i + ".bin?size=" + SIZE + "&seed=" + i))
                            .collect(Collectors.joining("\n", "", "\n")));

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> http.get("/api/batches/big").statusCode() == 200
                            && "paused"
                                    .equals(http.json("/api/batches/big")
                                            .path("state")
                                            .asText()));
            JsonNode batch = http.json("/api/batches/big");
            assertThat(batch.path("paused_reason").asText()).startsWith("disk full: No space left on device, ");
            assertThat(http.get("/observe/health/ready").statusCode()).isEqualTo(503);
            assertThat(ws.report("big")).as("nothing failed for want of space").allSatisfy(line -> assertThat(
                            Reports.text(line, "outcome"))
                    .isEqualTo("downloaded"));
            assertThat(http.json("/api/hosts").toString()).doesNotContain("paused_until\":\"");

            assertThat(run("mount", "-o", "remount,size=16m", ws.output.toString()))
                    .isTrue();

            await().atMost(Duration.ofSeconds(30)).until(() -> ws.summary("big") != null);
        }
        assertThat(ws.report("big")).hasSize(FILES).allSatisfy(line -> {
            assertThat(Reports.text(line, "outcome")).isEqualTo("downloaded");
            assertThat(line.get("bytes").asLong()).isEqualTo(SIZE);
        });
        assertThat(ws.outputFiles()).hasSize(FILES).noneMatch(name -> name.contains("fetchbox-part"));
    }

    private static boolean run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        boolean ended = process.waitFor(10, TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly();
        }
        return ended && process.exitValue() == 0;
    }
}
