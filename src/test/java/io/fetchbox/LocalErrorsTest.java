package io.fetchbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.fetchbox.testing.TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A failure of this machine is reported as this machine's (README, "Reports"): {@code write_failed}
 * with the operating system's words, never a network error, never retried against the server; and
 * every error carries a sentence in {@code error_detail}.
 */
class LocalErrorsTest {
    @TempDir
    Path dir;

    Path locked;

    @AfterEach
    void unlock() throws Exception {
        if (locked != null) {
            setImmutable(locked, false);
        }
    }

    @Test
    void aFolderThatCannotBeWrittenFailsItsUrlsAsWriteFailedWithoutRetrying() throws Exception {
        Workspace ws = new Workspace(dir);
        locked = Files.createDirectories(ws.output.resolve("b"));
        assumeTrue(setImmutable(locked, true), "cannot make a folder unwritable here");
        try (TestServer server = TestServer.start()) {
            ws.drop("b.txt", server.url("/f/x1?size=100&seed=1") + "\n" + server.url("/f/x2?size=100&seed=2") + "\n");

            assertThat(ws.once()).isEqualTo(1);

            assertThat(server.count("/f/"))
                    .as("one request per URL: nothing blamed on the server")
                    .isEqualTo(2);
        }
        assertThat(ws.report("b")).hasSize(2).allSatisfy(line -> {
            assertThat(Reports.text(line, "outcome")).isEqualTo("failed");
            assertThat(Reports.text(line, "error")).isEqualTo("write_failed");
            assertThat(line.get("attempts").asInt()).isEqualTo(1);
            assertThat(Reports.text(line, "error_detail")).matches(".*(Operation not permitted|Permission denied).*");
        });
    }

    @Test
    void everyErrorSaysWhyInASentence() {
        Workspace ws = new Workspace(dir);
        try (TestServer server = TestServer.start()) {
            ws.drop(
                    "why.txt",
                    server.url("/status/404") + "\nftp://user:secret@127.0.0.1/x\n" + server.url("/f/ok?size=10")
                            + "\n");

            assertThat(ws.once()).isEqualTo(1);
        }
        Map<Integer, JsonNode> lines = Reports.byLine(ws.report("why"));
        assertThat(Reports.text(lines.get(1), "error_detail")).isEqualTo("server answered 404");
        assertThat(Reports.text(lines.get(2), "error_detail")).contains("unsupported scheme 'ftp'");
        assertThat(lines.get(3).get("error_detail").isNull()).isTrue();
        assertThat(ws.report("why").toString()).doesNotContain("secret");
    }

    /** chattr +i stops even root from creating files in a folder; chmod is enough for anyone else. */
    private static boolean setImmutable(Path folder, boolean on) throws IOException, InterruptedException {
        if (!"root".equals(System.getProperty("user.name"))) {
            return folder.toFile().setWritable(!on, false) && Files.isWritable(folder) != on;
        }
        Process chattr = new ProcessBuilder("chattr", on ? "+i" : "-i", folder.toString())
                .redirectErrorStream(true)
                .start();
        return chattr.waitFor(10, TimeUnit.SECONDS) && chattr.exitValue() == 0;
    }
}
