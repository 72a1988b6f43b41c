package io.fetchbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.fetchbox.testing.TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A list dropped again: earlier reports go to history, files fetchbox wrote are refetched or kept, others' files are never touched. */
class ReRunTest {
    @TempDir
    Path dir;

    @Test
    void aSecondRunMovesTheFirstRunsReportsToHistory() throws IOException {
        try (TestServer server = TestServer.start()) {
            Workspace ws = new Workspace(dir);
            String list = server.url("/f/a.bin?size=10&seed=1") + "\n";
            ws.drop("again.txt", list);
            assertThat(ws.once()).isEqualTo(0);
            ws.drop("again.txt", list);

            assertThat(ws.once()).isEqualTo(0);

            try (var history = Files.list(ws.reports.resolve("history"))) {
                assertThat(history.map(p -> p.getFileName().toString()).sorted())
                        .hasSize(2)
                        .allMatch(name -> name.matches("again\\.\\d{8}T\\d{6}Z\\.(jsonl|summary\\.json)"));
            }
            assertThat(ws.report("again")).hasSize(1);
            // the file is ours from the same URL: fetched again under the same name
            assertThat(ws.outputFiles()).containsExactly("again/a.bin");
            assertThat(server.count("/f/a.bin")).isEqualTo(2);
            assertThat(ws.inbox.resolve(".done"))
                    .isDirectoryContaining(p -> p.getFileName().toString().matches("again\\.\\d{8}T\\d{6}Z\\.txt"));
        }
    }

    @Test
    void existingSkipDoesNotAskTheServerAgain() {
        try (TestServer server = TestServer.start()) {
            Workspace ws = new Workspace(dir);
            String list = server.url("/f/a.bin?size=10&seed=1") + "\n";
            ws.drop("keep.txt", list);
            assertThat(ws.once()).isEqualTo(0);
            ws.drop("keep.txt", list);

            assertThat(ws.once("--fetchbox.existing=skip")).isEqualTo(0);

            assertThat(Reports.text(ws.report("keep").get(0), "outcome")).isEqualTo("skipped");
            assertThat(server.count("/f/a.bin")).isEqualTo(1);
        }
    }

    @Test
    void aFileFetchboxDidNotWriteIsNeverOverwritten() throws IOException {
        try (TestServer server = TestServer.start()) {
            Workspace ws = new Workspace(dir);
            Files.createDirectories(ws.output.resolve("mine"));
            Files.writeString(ws.output.resolve("mine/a.bin"), "a person's file");
            ws.drop("mine.txt", server.url("/f/a.bin?size=10&seed=1") + "\n");

            assertThat(ws.once("--fetchbox.existing=overwrite")).isEqualTo(0);

            assertThat(Workspace.read(ws.output.resolve("mine/a.bin"))).isEqualTo("a person's file");
            assertThat(Reports.text(ws.report("mine").get(0), "file")).isEqualTo("mine/a.1.bin");
        }
    }
}
