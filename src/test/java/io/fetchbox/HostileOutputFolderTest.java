package io.fetchbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.fetchbox.testing.Bodies;
import io.fetchbox.testing.TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The output folder as a careless neighbour or an attacker leaves it (README, "Security"): links
 * planted where fetchbox writes, a folder that is a link, a person's file appearing during a
 * download, a downloaded file changed locally. Nothing outside the output folder is ever written,
 * and no file fetchbox did not write is ever replaced.
 */
class HostileOutputFolderTest {
    @TempDir
    Path dir;

    Workspace ws;
    Path outside;

    @BeforeEach
    void folders() throws IOException {
        ws = new Workspace(dir.resolve("run"));
        outside = Files.createDirectories(dir.resolve("outside"));
        Files.createDirectories(ws.output.resolve("b"));
    }

    @Test
    void aLinkPlantedAtTheOldPredictableTemporaryNameIsNeverWrittenThrough() throws IOException {
        Path victim = Files.writeString(outside.resolve("victim"), "victim");
        Path planted = Files.createSymbolicLink(ws.output.resolve("b/.x1.fetchbox-part"), victim);
        Path dangling = Files.createSymbolicLink(ws.output.resolve("b/.x2.fetchbox-part"), outside.resolve("new"));
        try (TestServer server = TestServer.start()) {
            ws.drop("b.txt", server.url("/f/x1?size=3000&seed=1") + "\n" + server.url("/f/x2?size=3000&seed=2") + "\n");

            assertThat(ws.once()).isZero();
        }

        assertThat(Files.readString(victim)).isEqualTo("victim");
        assertThat(outside.resolve("new")).doesNotExist();
        assertThat(Files.isSymbolicLink(planted)).isTrue();
        assertThat(Files.isSymbolicLink(dangling)).isTrue();
        assertRegularFileWithBody("b/x1", "x1", 1, 3000);
        assertRegularFileWithBody("b/x2", "x2", 2, 3000);
    }

    @Test
    void aLinkAtTheFinalNameIsNeitherFollowedNorReplaced() throws IOException {
        Path victim = Files.writeString(outside.resolve("victim"), "victim");
        Path link = Files.createSymbolicLink(ws.output.resolve("b/x1"), victim);
        Path dangling = Files.createSymbolicLink(ws.output.resolve("b/x2"), outside.resolve("new"));
        try (TestServer server = TestServer.start()) {
            ws.drop("b.txt", server.url("/f/x1?size=3000&seed=1") + "\n" + server.url("/f/x2?size=3000&seed=2") + "\n");

            assertThat(ws.once()).isZero();
        }

        assertThat(Files.readString(victim)).isEqualTo("victim");
        assertThat(outside.resolve("new")).doesNotExist();
        assertThat(Files.readSymbolicLink(link)).isEqualTo(victim);
        assertThat(Files.readSymbolicLink(dangling)).isEqualTo(outside.resolve("new"));
        assertThat(Reports.text(Reports.byLine(ws.report("b")).get(1), "file")).isEqualTo("b/x1.1");
        assertThat(Reports.text(Reports.byLine(ws.report("b")).get(2), "file")).isEqualTo("b/x2.1");
        // the link to nothing is seen only when the body is put in place (link(2) refuses the name)
        assertThat(Reports.byLine(ws.report("b")).get(2).get("warnings").toString())
                .contains("b/x2 is taken by a file or link fetchbox did not put there");
        assertRegularFileWithBody("b/x1.1", "x1", 1, 3000);
        assertRegularFileWithBody("b/x2.1", "x2", 2, 3000);
    }

    @Test
    void aFolderOnTheWayThatIsALinkMakesTheUrlUnsafeAndNoRequestIsSent() throws IOException {
        Files.createSymbolicLink(ws.output.resolve("b/evil"), outside);
        try (TestServer server = TestServer.start()) {
            ws.drop(
                    "b.txt",
                    server.url("/f/e1?size=10&seed=1") + "\n  dir=evil\n"
                            + server.url("/f/e2?size=10&seed=2") + "\n  dir=evil/deeper\n"
                            + server.url("/f/ok?size=10&seed=3") + "\n");

            assertThat(ws.once()).isEqualTo(1);

            assertThat(server.count("/f/e")).isZero();
            assertThat(server.count("/f/ok")).isEqualTo(1);
        }
        var lines = Reports.byLine(ws.report("b"));
        assertThat(Reports.text(lines.get(1), "outcome")).isEqualTo("failed");
        assertThat(Reports.text(lines.get(1), "error")).isEqualTo("unsafe_path");
        assertThat(Reports.text(lines.get(3), "error")).isEqualTo("unsafe_path");
        assertThat(Reports.text(lines.get(5), "outcome")).isEqualTo("downloaded");
        assertThat(outside).isEmptyDirectory();
    }

    @Test
    void aBatchFolderThatIsALinkIsNeverWrittenInto() throws IOException {
        Files.delete(ws.output.resolve("b"));
        Files.createSymbolicLink(ws.output.resolve("b"), outside);
        try (TestServer server = TestServer.start()) {
            ws.drop("b.txt", server.url("/f/x1?size=10&seed=1") + "\n");

            assertThat(ws.once()).isEqualTo(1);

            assertThat(server.count("/f/x1")).isZero();
        }
        assertThat(Reports.text(ws.report("b").get(0), "error")).isEqualTo("unsafe_path");
        assertThat(outside).isEmptyDirectory();
    }

    @Test
    void theOutputRootMayItselfBeALink() throws IOException {
        Path real = Files.createDirectories(dir.resolve("real-output"));
        Files.delete(ws.output.resolve("b"));
        Files.delete(ws.output);
        Files.createSymbolicLink(ws.output, real);
        try (TestServer server = TestServer.start()) {
            ws.drop("b.txt", server.url("/f/x1?size=10&seed=1") + "\n");

            assertThat(ws.once()).isZero();
        }
        assertThat(Files.readAllBytes(real.resolve("b/x1"))).isEqualTo(Bodies.bytes("x1", 1, 10));
    }

    @Test
    void aPersonsFileThatAppearsDuringTheDownloadIsKept() throws Exception {
        try (TestServer server = TestServer.start();
                ServiceRun service = new ServiceRun(ws.args())) {
            ws.drop("b.txt", server.url("/slow/x1?size=200000&seed=1&bps=200000") + "\n");
            await().atMost(Duration.ofSeconds(20)).until(() -> temporaries("b").count() == 1);

            Files.writeString(ws.output.resolve("b/x1"), "a person's file");

            await().atMost(Duration.ofSeconds(20)).until(() -> ws.hasSummary("b"));
        }
        assertThat(Files.readString(ws.output.resolve("b/x1"))).isEqualTo("a person's file");
        JsonNode line = ws.report("b").get(0);
        assertThat(Reports.text(line, "outcome")).isEqualTo("downloaded");
        assertThat(Reports.text(line, "file")).isEqualTo("b/x1.1");
        assertThat(line.get("warnings").toString())
                .contains("b/x1 is taken by a file or link fetchbox did not put there");
        assertRegularFileWithBody("b/x1.1", "x1", 1, 200_000);
        assertThat(temporaries("b")).isEmpty();
    }

    @Test
    void aDownloadedFileChangedLocallyIsNeverReportedNotModifiedNorReplaced() throws IOException {
        try (TestServer server = TestServer.start()) {
            String list = server.url("/f/x1?size=3000&seed=1") + "\n";
            ws.drop("b.txt", list);
            assertThat(ws.once()).isZero();
            Files.writeString(ws.output.resolve("b/x1"), "appended locally", StandardOpenOption.APPEND);
            byte[] changed = Files.readAllBytes(ws.output.resolve("b/x1"));

            ws.drop("b.txt", list);
            assertThat(ws.once()).isZero();

            JsonNode second = ws.report("b").get(0);
            assertThat(Reports.text(second, "outcome")).isEqualTo("downloaded");
            assertThat(Reports.text(second, "file")).isEqualTo("b/x1.1");
            assertThat(Reports.text(second, "sha256")).isEqualTo(Bodies.sha256("x1", 1, 3000));
            assertThat(second.get("warnings").toString()).contains("b/x1 was changed since fetchbox wrote it");
            assertThat(Files.readAllBytes(ws.output.resolve("b/x1"))).isEqualTo(changed);
            assertRegularFileWithBody("b/x1.1", "x1", 1, 3000);

            // from then on the numbered file is the URL's, and it is revalidated as usual
            ws.drop("b.txt", list);
            assertThat(ws.once()).isZero();

            JsonNode third = ws.report("b").get(0);
            assertThat(Reports.text(third, "outcome")).isEqualTo("not_modified");
            assertThat(Reports.text(third, "file")).isEqualTo("b/x1.1");
            assertThat(Reports.text(third, "sha256")).isEqualTo(Bodies.sha256("x1", 1, 3000));
        }
    }

    @Test
    void overwriteNeverReplacesAFileChangedLocally() throws IOException {
        try (TestServer server = TestServer.start()) {
            String list = server.url("/f/x1?size=3000&seed=1") + "\n";
            ws.drop("b.txt", list);
            assertThat(ws.once()).isZero();
            Files.writeString(ws.output.resolve("b/x1"), "rewritten locally");

            ws.drop("b.txt", list);
            assertThat(ws.once("--fetchbox.existing=overwrite")).isZero();
        }
        assertThat(Files.readString(ws.output.resolve("b/x1"))).isEqualTo("rewritten locally");
        assertThat(Reports.text(ws.report("b").get(0), "file")).isEqualTo("b/x1.1");
        assertRegularFileWithBody("b/x1.1", "x1", 1, 3000);
    }

    @Test
    void aRetryThatCannotResumeLeavesNoTemporaryFileBehindInAnyLayout() throws IOException {
        try (TestServer server = TestServer.start()) {
            // cut once, and without a validator the rest cannot be asked for: the body starts over
            ws.drop("b.txt", server.url("/truncate/k/1?size=200000&seed=3&noetag=1&nolm=1") + "\n");

            assertThat(ws.once("--fetchbox.layout=flat", "--fetchbox.retry-delay=10ms"))
                    .isZero();

            assertThat(server.count("/truncate/k/1")).isEqualTo(2);
        }
        try (Stream<Path> files = Files.walk(ws.output)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".fetchbox-part"));
        }
        assertThat(Files.size(ws.output.resolve("1"))).isEqualTo(200_000);
    }

    private void assertRegularFileWithBody(String relative, String name, long seed, long size) throws IOException {
        Path file = ws.output.resolve(relative);
        assertThat(Files.isSymbolicLink(file)).as("%s is a link", relative).isFalse();
        assertThat(Files.readAllBytes(file)).isEqualTo(Bodies.bytes(name, seed, size));
    }

    private Stream<String> temporaries(String folder) throws IOException {
        try (Stream<Path> files = Files.list(ws.output.resolve(folder))) {
            return files
                    .map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".fetchbox-part"))
                    .toList()
                    .stream();
        }
    }
}
