package io.fetchbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fetchbox.testing.RawHeaderServer;
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

    /**
     * Issue 9, finding 10, over real HTTP: an {@code filename*} with a bidi override, and quoted
     * names sent as raw UTF-8 bytes (which camel-http hands over one ISO-8859-1 character per byte)
     * with a zero-width space and a division slash. Before, they became "gnp" U+202E "exe.txt"
     * and the mojibake "con&acirc;__.txt" and "a&acirc;__b.txt".
     */
    @Test
    void invisibleCharactersAndSeparatorLookalikesFromTheServerAreReplacedAndRawUtf8IsReadAsUtf8() {
        try (RawHeaderServer server = RawHeaderServer.start()) {
            Workspace ws = new Workspace(dir);
            String list = String.join(
                    "\n",
                    server.serve(
                            "/rlo", ascii("Content-Disposition: attachment; filename*=UTF-8''gnp%E2%80%AEexe.txt")),
                    server.serve("/zero-width", utf8("Content-Disposition: attachment; filename=\"con\u200b.txt\"")),
                    server.serve("/slash", utf8("Content-Disposition: attachment; filename=\"a\u2215b.txt\"")),
                    server.serve("/raw-rlo", utf8("Content-Disposition: attachment; filename=\"x\u202ey.txt\"")),
                    server.serve(
                            "/fullwidth", utf8("Content-Disposition: attachment; filename=\"..\uff0f..\uff0fup\"")),
                    "");
            ws.drop("cd.txt", list);

            assertThat(ws.once("--fetchbox.content-disposition=true")).isEqualTo(0);

            assertThat(ws.outputFiles())
                    .containsExactlyInAnyOrder(
                            "cd/gnp_exe.txt", "cd/con_.txt", "cd/a_b.txt", "cd/x_y.txt", "cd/_._.._up");
        }
    }

    private static byte[] ascii(String header) {
        return header.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] utf8(String header) {
        return header.getBytes(StandardCharsets.UTF_8);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
