package io.fetchbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fetchbox.testing.TestServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** fetchbox.content-disposition=true: the server names the file, but never outside the output folder. */
class ContentDispositionTest {
    @TempDir
    Path dir;

    @Test
    void theServersNameIsUsedMadeSafeAndNumberedOnCollision() {
        try (TestServer server = TestServer.start()) {
            Workspace ws = new Workspace(dir);
            String evil = server.url("/disposition?size=16&filename=" + enc("../../evil.sh"));
            String clash = server.url("/disposition?size=20&filename=" + enc("evil.sh"));
            String plain = server.url("/f/plain.bin?size=10&seed=1");
            ws.drop("cd.txt", evil + "\n" + clash + "\n" + evil + "\n" + plain + "\n");

            assertThat(ws.once("--fetchbox.content-disposition=true")).isEqualTo(0);

            Map<Integer, JsonNode> lines = Reports.byLine(ws.report("cd"));
            assertThat(ws.outputFiles()).containsExactlyInAnyOrder("cd/evil.sh", "cd/evil.1.sh", "cd/plain.bin");
            assertThat(Reports.text(lines.get(3), "outcome")).isEqualTo("duplicate");
            assertThat(Reports.text(lines.get(3), "file")).isEqualTo(Reports.text(lines.get(1), "file"));
            assertThat(dir.resolve("evil.sh")).doesNotExist();
            assertThat(server.count("/disposition")).isEqualTo(2);
        }
    }

    @Test
    void withoutTheOptionTheHeaderIsIgnored() {
        try (TestServer server = TestServer.start()) {
            Workspace ws = new Workspace(dir);
            ws.drop("off.txt", server.url("/disposition?size=16&filename=x.sh") + "\n");

            assertThat(ws.once()).isEqualTo(0);

            assertThat(ws.outputFiles()).containsExactly("off/disposition");
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
