package io.fetchbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fetchbox.testing.TestServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The host policy and the connection use one canonical host (README, "Host policy"), so a host
 * spelled another way is neither let past a glob nor misread as a connection error. Only spellings
 * that are loopback under every reading go to the network here; the short, octal and hex forms
 * ({@code 127.1}, {@code 0177.0.0.1}, {@code 0x7f.1}) are tested as parsing only
 * ({@code CanonicalHostTest}, {@code HostPolicyTest}).
 */
class HostSpellingsTest {
    @TempDir
    Path dir;

    @Test
    void deniedHostsAreDeniedHoweverTheyAreSpelledAndGetNoRequest() {
        try (TestServer server = TestServer.start()) {
            Workspace ws = new Workspace(dir);
            int port = server.port();
            ws.drop(
                    "spelled.txt",
                    String.join(
                            "\n",
                            "http://2130706433:" + port + "/f/a.bin?size=10",
                            "http://127.000.000.001:" + port + "/f/b.bin?size=10",
                            "http://[::ffff:127.0.0.1]:" + port + "/f/c.bin?size=10",
                            "http://localhost.:" + port + "/f/d.bin?size=10",
                            "http://LOCALHOST:" + port + "/f/e.bin?size=10",
                            "http://127.0.0.1.:" + port + "/f/f.bin?size=10",
                            ""));

            assertThat(ws.once("--fetchbox.deny-hosts=localhost,127.0.0.1")).isEqualTo(1);

            assertThat(ws.report("spelled"))
                    .hasSize(6)
                    .allSatisfy(l -> assertThat(Reports.text(l, "outcome")).isEqualTo("failed"))
                    .allSatisfy(l -> assertThat(Reports.text(l, "error")).isEqualTo("denied"));
            assertThat(server.requests()).isEmpty();
        }
    }

    @Test
    void numericAndTrailingDotSpellingsOfLoopbackAreFetchedFromThatAddress() {
        try (TestServer server = TestServer.start()) {
            Workspace ws = new Workspace(dir);
            int port = server.port();
            ws.drop(
                    "numeric.txt",
                    String.join(
                            "\n",
                            "http://127.0.0.1.:" + port + "/f/a.bin?size=10",
                            "http://2130706433:" + port + "/f/b.bin?size=10",
                            "http://127.000.000.001:" + port + "/f/c.bin?size=10",
                            ""));

            assertThat(ws.once("--fetchbox.retries=0")).isEqualTo(0);

            Map<Integer, JsonNode> lines = Reports.byLine(ws.report("numeric"));
            assertThat(lines.values()).hasSize(3).allSatisfy(l -> assertThat(Reports.text(l, "outcome"))
                    .isEqualTo("downloaded"));
            // the request went to the canonical host, and says so in its Host header
            assertThat(server.requests()).hasSize(3).allSatisfy(r -> assertThat(r.header("host"))
                    .isEqualTo("127.0.0.1:" + port));
            // the report keeps the line as the list wrote it
            assertThat(Reports.text(lines.get(2), "url")).isEqualTo("http://2130706433:" + port + "/f/b.bin?size=10");
        }
    }

    @Test
    void privateNetworksAreRefusedOnTheLiteralHoweverItIsSpelled() {
        try (TestServer server = TestServer.start()) {
            Workspace ws = new Workspace(dir);
            int port = server.port();
            ws.drop(
                    "private.txt",
                    String.join(
                            "\n",
                            "http://2130706433:" + port + "/f/a.bin?size=10",
                            "http://127.000.000.001:" + port + "/f/b.bin?size=10",
                            "http://127.0.0.1.:" + port + "/f/c.bin?size=10",
                            "http://[::1]:" + port + "/f/d.bin?size=10",
                            "http://[::ffff:127.0.0.1]:" + port + "/f/e.bin?size=10",
                            ""));

            assertThat(ws.once("--fetchbox.deny-private-networks=true")).isEqualTo(1);

            assertThat(ws.report("private"))
                    .hasSize(5)
                    .allSatisfy(l -> assertThat(Reports.text(l, "error")).isEqualTo("denied"))
                    .allSatisfy(l -> assertThat(l.get("attempts").asInt()).isEqualTo(1));
            assertThat(server.requests()).isEmpty();
        }
    }
}
