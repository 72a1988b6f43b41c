package io.fetchbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.fetchbox.testing.TestServer;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Edge cases of lists and servers that once lost lines, leaked credentials or broke folders. */
class ListEdgeCasesTest {
    @TempDir
    Path dir;

    @Test
    void twoListsOfOneBatchNameRunOneAfterTheOther() throws IOException {
        try (TestServer server = TestServer.start()) {
            Workspace ws = new Workspace(dir);
            ws.drop(
                    "same.txt",
                    server.url("/f/t1.bin?size=10&seed=1") + "\n" + server.url("/f/t2.bin?size=10&seed=2") + "\n");
            ws.drop("same.list", server.url("/f/l1.bin?size=10&seed=3") + "\n");

            assertThat(ws.once()).isEqualTo(0);

            assertThat(ws.inbox.resolve(".done/same.txt")).exists();
            assertThat(ws.inbox.resolve(".done/same.list")).exists();
            assertThat(ws.outputFiles()).containsExactlyInAnyOrder("same/t1.bin", "same/t2.bin", "same/l1.bin");
            try (var history = Files.list(ws.reports.resolve("history"))) {
                assertThat(history.filter(p -> p.toString().endsWith(".jsonl"))).hasSize(1);
            }
            assertThat(ws.summary("same").get("lines").asInt())
                    .isEqualTo(ws.report("same").size());
        }
    }

    @Test
    void aListCannotSteerCamelThroughHeaders() {
        try (TestServer server = TestServer.start()) {
            Workspace ws = new Workspace(dir);
            ws.drop(
                    "steer.txt",
                    server.url("/f/a.bin?size=10&seed=1") + "\n  header=CamelHttpMethod: DELETE\n"
                            + "  header=CamelFileName: ../../escaped.bin\n  header=X-Fine: yes\n");

            assertThat(ws.once()).isEqualTo(0);

            assertThat(server.requests()).singleElement().satisfies(r -> {
                assertThat(r.method()).isEqualTo("GET");
                assertThat(r.header("x-fine")).isEqualTo("yes");
            });
            assertThat(ws.outputFiles()).containsExactly("steer/a.bin");
            assertThat(ws.report("steer").get(0).get("warnings").toString())
                    .contains("CamelHttpMethod")
                    .contains("CamelFileName");
        }
    }

    @Test
    void aListsAuthorizationHeaderStaysWithTheListedHost() {
        try (TestServer listed = TestServer.start();
                TestServer elsewhere = TestServer.start()) {
            Workspace ws = new Workspace(dir);
            String target = URLEncoder.encode(elsewhere.url("/f/t.bin?size=10&seed=1"), StandardCharsets.UTF_8);
            ws.drop("auth.txt", listed.url("/redirect?to=" + target) + "\n  header=Authorization: Bearer s3cret\n");

            assertThat(ws.once()).isEqualTo(0);

            assertThat(listed.requests()).singleElement().satisfies(r -> assertThat(r.header("authorization"))
                    .isEqualTo("Bearer s3cret"));
            assertThat(elsewhere.requests()).singleElement().satisfies(r -> assertThat(r.header("authorization"))
                    .isNull());
        }
    }

    @Test
    void aPersonsFileWhereTheBatchFolderGoesIsLeftAlone() throws IOException {
        try (TestServer server = TestServer.start()) {
            Workspace ws = new Workspace(dir);
            Files.createDirectories(ws.output);
            Files.writeString(ws.output.resolve("clash"), "not a folder");
            ws.drop("clash.txt", server.url("/f/a.bin?size=10&seed=1") + "\n");

            assertThat(ws.once()).isEqualTo(0);

            assertThat(Workspace.read(ws.output.resolve("clash"))).isEqualTo("not a folder");
            assertThat(ws.outputFiles()).containsExactlyInAnyOrder("clash", "clash.1/a.bin");
        }
    }
}
