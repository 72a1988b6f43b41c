package io.fetchbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fetchbox.fetch.FileState;
import io.fetchbox.fetch.PartialRecord;
import io.fetchbox.testing.Bodies;
import io.fetchbox.testing.TestServer;
import io.fetchbox.url.ParsedUrl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The states a crash can leave on disk between the steps of one download, rebuilt by hand from a
 * finished run, and what the next start makes of each: every line once, right bytes, no stray files.
 * (Process-level kill -9 tests are in it/CrashRecoveryIT.)
 */
class CrashWindowsTest {
    @TempDir
    Path dir;

    TestServer server;
    Workspace ws;
    String url;

    @BeforeEach
    void finishedRun() {
        server = TestServer.start();
        ws = new Workspace(dir);
        url = server.url("/f/a.bin?size=5000&seed=7");
        ws.drop("w.txt", url + "\n");
        assertThat(ws.once()).isEqualTo(0);
        server.reset();
    }

    @Test
    void aWholeBodyStillInItsTemporaryFileIsFetchedAfreshWhenTheServerCannotContinueIt() throws IOException {
        // crashed after the body was written, before the rename: the temporary file is complete
        Path file = ws.output.resolve("w/a.bin");
        String temporary = "w/.a.bin.0123456789abcdef.fetchbox-part";
        Files.move(file, ws.output.resolve(temporary));
        new FileState(ws.reports)
                .writePartial(
                        "w/a.bin",
                        new PartialRecord(
                                FileState.urlKey(ParsedUrl.parse(url).normalized()),
                                Bodies.etag("a.bin", 7, 5000),
                                temporary));
        interruptRun();

        assertThat(ws.once()).isEqualTo(0);

        JsonNode line = ws.report("w").get(0);
        assertThat(Reports.text(line, "sha256")).isEqualTo(Bodies.sha256("a.bin", 7, 5000));
        assertThat(server.requests("/f/a.bin").get(0).header("range")).isEqualTo("bytes=5000-");
        assertThat(ws.outputFiles()).containsExactly("w/a.bin");
        assertThat(ws.report("w")).hasSize(1);
    }

    @Test
    void aFileRenamedBeforeItsReportLineIsRevalidatedNotFetchedTwice() throws IOException {
        // crashed after the rename, before the journal line
        interruptRun();

        assertThat(ws.once()).isEqualTo(0);

        assertThat(ws.report("w")).singleElement().satisfies(l -> assertThat(Reports.text(l, "outcome"))
                .isEqualTo("not_modified"));
        assertThat(ws.outputFiles()).containsExactly("w/a.bin");
        assertThat(server.requests("/f/a.bin").get(0).bodyBytes()).isZero();
    }

    @Test
    void aReportLineTornByTheCrashIsWrittenAgainOnce() throws IOException {
        interruptRun();
        Files.writeString(ws.reports.resolve("w.jsonl"), "{\"line\":1,\"url\":\"http://12");

        assertThat(ws.once()).isEqualTo(0);

        assertThat(Files.readAllLines(ws.reports.resolve("w.jsonl"))).hasSize(1);
        assertThat(ws.summary("w").get("lines").asInt()).isEqualTo(1);
    }

    /** Puts the list back in .inprogress/ and the journal back to before the line's outcome. */
    private void interruptRun() throws IOException {
        Files.createDirectories(ws.inbox.resolve(".inprogress"));
        Files.move(ws.inbox.resolve(".done/w.txt"), ws.inbox.resolve(".inprogress/w.txt"));
        Files.delete(ws.reports.resolve("w.summary.json"));
        Files.writeString(ws.reports.resolve("w.jsonl"), "");
    }
}
