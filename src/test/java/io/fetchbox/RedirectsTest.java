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

/** Redirects are followed to http and https only, a limited number of times; the name comes from the listed URL. */
class RedirectsTest {
    @TempDir
    Path dir;

    @Test
    void redirectsAreFollowedCheckedAndLimited() {
        try (TestServer server = TestServer.start()) {
            Workspace ws = new Workspace(dir);
            String target = URLEncoder.encode(server.url("/f/target.bin?size=10&seed=1"), StandardCharsets.UTF_8);
            ws.drop(
                    "hops.txt",
                    server.url("/redirect?to=" + target) + "\n"
                            + server.url("/loop/0") + "\n"
                            + server.url("/to-file") + "\n");

            assertThat(ws.once("--fetchbox.max-redirects=3")).isEqualTo(1);

            Map<Integer, JsonNode> lines = Reports.byLine(ws.report("hops"));
            assertThat(Reports.text(lines.get(1), "outcome")).isEqualTo("downloaded");
            assertThat(Reports.text(lines.get(1), "file")).isEqualTo("hops/redirect");
            assertThat(Reports.text(lines.get(2), "error")).isEqualTo("redirect_loop");
            assertThat(Reports.text(lines.get(3), "error")).isEqualTo("bad_redirect");
            // the listed request and three redirects; the fourth is not followed
            assertThat(server.count("/loop/")).isEqualTo(4);
            assertThat(ws.outputFiles()).containsExactly("hops/redirect");
        }
    }
}
