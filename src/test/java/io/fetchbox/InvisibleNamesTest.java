package io.fetchbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fetchbox.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9, finding 10, end to end: a list whose file name holds a bidi override, a URL path, an
 * {@code out=} and a {@code dir=} with invisible characters and a division slash. No file, folder,
 * batch or report name keeps any of them, and nothing becomes a real folder.
 */
class InvisibleNamesTest {
    @TempDir
    Path dir;

    @Test
    void noFileFolderBatchOrReportNameKeepsAnInvisibleCharacterOrALookalikeSlash() throws Exception {
        try (TestServer server = TestServer.start()) {
            Workspace ws = new Workspace(dir);
            String list = String.join(
                    "\n",
                    server.url("/f/gnp%E2%80%AEexe.bin?size=10&seed=1"),
                    server.url("/f/one.bin?size=11&seed=2"),
                    "  out=con\u200b.txt",
                    server.url("/f/two.bin?size=12&seed=3"),
                    "  dir=x\u202ey\u2215z",
                    "");
            ws.drop("pics\u202etxt.exe.txt", list);

            assertThat(ws.once()).isEqualTo(0);

            String batch = "pics_txt.exe";
            assertThat(ws.hasSummary(batch)).isTrue();
            assertThat(ws.summary(batch).path("batch").asText()).isEqualTo(batch);
            List<String> files = ws.report(batch).stream()
                    .map(line -> line.path("file").asText())
                    .toList();
            assertThat(files)
                    .containsExactlyInAnyOrder(batch + "/gnp_exe.bin", batch + "/con_.txt", batch + "/x_y_z/two.bin");
            assertThat(ws.outputFiles()).containsExactlyInAnyOrderElementsOf(files);
            for (Path root : List.of(ws.output, ws.reports)) {
                try (Stream<Path> all = Files.walk(root)) {
                    assertThat(all.map(p -> p.getFileName().toString())).noneMatch(name -> name.codePoints()
                            .anyMatch(c -> c == 0x202e || c == 0x200b || c == 0x2215));
                }
            }
            JsonNode first = ws.report(batch).get(0);
            assertThat(first.path("outcome").asText()).isEqualTo("downloaded");
        }
    }
}
