package io.fetchbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fetchbox.testing.TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Credentials in a URL are used as Basic auth and written nowhere but the list's own failed.txt. */
class CredentialsTest {
    @TempDir
    Path dir;

    @Test
    void credentialsAuthenticateAndAreRedactedInReports() throws IOException {
        try (TestServer server = TestServer.start()) {
            Workspace ws = new Workspace(dir);
            String hostPort = "127.0.0.1:" + server.port();
            String good = "http://user:secret-pa55@" + hostPort + "/auth/s.bin?size=100&seed=1";
            String bad = "http://user:wrong-pa55@" + hostPort + "/auth/t.bin?size=100&seed=2";
            ws.drop("auth.txt", good + "\n" + bad + "\n");

            assertThat(ws.once()).isEqualTo(1);

            Map<Integer, JsonNode> lines = Reports.byLine(ws.report("auth"));
            assertThat(Reports.text(lines.get(1), "outcome")).isEqualTo("downloaded");
            assertThat(Reports.text(lines.get(1), "url"))
                    .isEqualTo("http://***@" + hostPort + "/auth/s.bin?size=100&seed=1");
            assertThat(Reports.text(lines.get(2), "error")).isEqualTo("http_401");
            assertThat(ws.output.resolve("auth/s.bin")).exists();

            for (String report : new String[] {"auth.jsonl", "auth.summary.json"}) {
                assertThat(Workspace.read(ws.reports.resolve(report)))
                        .doesNotContain("secret-pa55")
                        .doesNotContain("wrong-pa55");
            }
            try (var state = Files.walk(ws.reports.resolve(".state"))) {
                state.filter(Files::isRegularFile)
                        .forEach(f -> assertThat(Workspace.read(f)).doesNotContain("secret-pa55"));
            }
            Path failed = ws.reports.resolve("auth.failed.txt");
            assertThat(Workspace.read(failed))
                    .matches("# fetchbox: batch=auth\n" + Pattern.quote(bad) + "\n  retry-of-line=\\d+\n");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(failed)))
                    .isEqualTo("rw-------");
            assertThat(server.requests())
                    .allSatisfy(r -> assertThat(r.path()).doesNotContain("pa55"))
                    .anySatisfy(r -> assertThat(r.header("authorization")).startsWith("Basic "));
        }
    }
}
