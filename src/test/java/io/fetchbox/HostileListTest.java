package io.fetchbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.fetchbox.testing.TestServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whatever a list asks for, every file lands inside the output folder under a safe name. */
class HostileListTest {
    @TempDir
    Path dir;

    @Test
    void hostileNamesAndFoldersStayInsideTheOutputFolder() throws IOException {
        try (TestServer server = TestServer.start()) {
            Workspace ws = new Workspace(dir.resolve("a/b/run"));
            String url = server.url("/f/x.bin?size=10&seed=1");
            List<String> objects = List.of(
                    "{\"url\":\"" + server.url("/f/%2e%2e%2f%2e%2e%2fescape?size=1") + "\"}",
                    "{\"url\":\"" + url + "&n=1\",\"name\":\"../../../pwned\"}",
                    "{\"url\":\"" + url + "&n=2\",\"name\":\"/etc/passwd\"}",
                    "{\"url\":\"" + url + "&n=3\",\"dir\":\"/etc\"}",
                    "{\"url\":\"" + url + "&n=4\",\"dir\":\"..\\\\..\\\\win\"}",
                    "{\"url\":\"" + url + "&n=5\",\"name\":\"CON.txt\"}",
                    "{\"url\":\"" + url + "&n=6\",\"name\":\"bell\\u0007and\\u0000nul\"}",
                    "{\"url\":\"" + url + "&n=7\",\"name\":\"-rf\"}",
                    "{\"url\":\"" + url + "&n=8\",\"name\":\"" + "x".repeat(1000) + ".bin\"}",
                    "{\"url\":\"" + url + "&n=9\",\"name\":\"a:b|c?.txt\"}");
            ws.drop("hostile.jsonl", String.join("\n", objects) + "\n");

            ws.once();

            assertThat(ws.report("hostile")).hasSize(objects.size());
            try (Stream<Path> all = Files.walk(dir)) {
                List<Path> files = all.filter(Files::isRegularFile).toList();
                assertThat(files).allSatisfy(f -> assertThat(
                                f.startsWith(ws.inbox) || f.startsWith(ws.output) || f.startsWith(ws.reports))
                        .as("%s is inside the workspace", f)
                        .isTrue());
                assertThat(files.stream().filter(f -> f.startsWith(ws.output)))
                        .hasSize(objects.size())
                        .allSatisfy(HostileListTest::isSafeName);
            }
        }
    }

    private static void isSafeName(Path file) {
        String name = file.getFileName().toString();
        assertThat(name).doesNotStartWith(".").doesNotStartWith("-");
        assertThat(name.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(200);
        assertThat(name.chars()).noneMatch(c -> c < 0x20 || "<>:\"|?*\\".indexOf(c) >= 0);
        assertThat(name.split("\\.", 2)[0].toUpperCase()).isNotIn("CON", "PRN", "AUX", "NUL");
    }
}
