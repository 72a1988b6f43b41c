package io.fetchbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fetchbox.testing.TestServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * README, "Image batches": accepted types, and bodies that must agree with their type, against a
 * local server that lies about what it sends.
 */
class ImageBatchesTest {
    private static final long BIG_PAGE = 20_000_000;

    @TempDir
    Path dir;

    @Test
    void onlyAcceptedTypesAreKeptAndABodyThatContradictsItsTypeIsRefused() {
        try (TestServer server = TestServer.start()) {
            Workspace ws = new Workspace(dir);
            String list = String.join(
                    "\n",
                    server.url("/typed/jpeg"),
                    server.url("/typed/html?ctype=image/jpeg"),
                    server.url("/typed/png?ctype=application/octet-stream"),
                    server.url("/typed/jpeg?ctype=" + enc("image/jpeg; charset=binary")),
                    server.url("/typed/png?ctype=none"),
                    server.url("/typed/short"),
                    server.url("/typed/html?size=" + BIG_PAGE),
                    server.url("/typed/json?ctype=image/png"),
                    server.url("/typed/json") + "\n  accept=application/json",
                    server.url("/typed/html?ctype=none"),
                    "");
            ws.drop("pics.txt", list);

            assertThat(ws.once("--fetchbox.accept-types=image/*")).isEqualTo(1);

            Map<Integer, JsonNode> r = Reports.byLine(ws.report("pics"));
            SoftAssertions soft = new SoftAssertions();
            kept(soft, r.get(1), "image/jpeg", "image/jpeg");
            refused(
                    soft,
                    r.get(2),
                    "type_mismatch",
                    "Content-Type image/jpeg, but the body's first bytes show text/html");
            kept(soft, r.get(3), "application/octet-stream", "image/png");
            kept(soft, r.get(4), "image/jpeg; charset=binary", "image/jpeg");
            kept(soft, r.get(5), null, "image/png");
            refused(soft, r.get(6), "type_mismatch", "are not those of image/jpeg (2 bytes looked at)");
            refused(
                    soft,
                    r.get(7),
                    "unexpected_type",
                    "Content-Type text/html is not among the accepted types image/*");
            refused(soft, r.get(8), "type_mismatch", "show application/json");
            kept(soft, r.get(9), "application/json", "application/json");
            refused(soft, r.get(11), "unexpected_type", "no Content-Type, and the body's first bytes show text/html");
            soft.assertThat(ws.outputFiles())
                    // names are planned in list order: line 8 had "json" before it was refused
                    .containsExactlyInAnyOrder("pics/jpeg", "pics/png", "pics/jpeg.1", "pics/png.1", "pics/json.1");
            // refused on its headers: the connection dropped, the 20 MB page not read to its end
            soft.assertThat(server.requests("/typed/html").stream()
                            .filter(q -> q.path().contains("size="))
                            .mapToLong(TestServer.Request::bodyBytes)
                            .max()
                            .orElseThrow())
                    .isLessThan(BIG_PAGE);
            soft.assertAll();
        }
    }

    @Test
    void withoutAcceptedTypesNothingIsLookedAt() {
        try (TestServer server = TestServer.start()) {
            Workspace ws = new Workspace(dir);
            ws.drop("any.txt", server.url("/typed/html?ctype=image/jpeg") + "\n");

            assertThat(ws.once()).isEqualTo(0);

            JsonNode line = ws.report("any").get(0);
            assertThat(Reports.text(line, "outcome")).isEqualTo("downloaded");
            assertThat(line.has("detected_type")).isFalse();
        }
    }

    @Test
    void aLineWhoseAcceptIsNoTypeIsInvalidNotAcceptingEverything() {
        try (TestServer server = TestServer.start()) {
            Workspace ws = new Workspace(dir);
            ws.drop("bad.txt", server.url("/typed/jpeg") + "\n  accept=jpeg\n");

            assertThat(ws.once()).isEqualTo(1);

            JsonNode line = ws.report("bad").get(0);
            assertThat(Reports.text(line, "outcome")).isEqualTo("invalid");
            assertThat(Reports.text(line, "error_detail")).contains("bad accept option: 'jpeg' is not a media type");
            assertThat(server.count("/typed/")).isZero();
        }
    }

    @Test
    void adjustExtensionGivesANameItsTypesExtensionNumberedInArrivalOrderOnCollision() {
        try (TestServer server = TestServer.start()) {
            Workspace ws = new Workspace(dir);
            String list = String.join(
                    "\n",
                    server.url("/typed/jpeg"),
                    server.url("/f/photo.php?size=100&seed=1&ctype=image/jpeg"),
                    server.url("/f/a.jpg?size=100&seed=2&ctype=image/jpeg"),
                    server.url("/f/view?size=100&seed=3&ctype=" + enc("text/html; charset=utf-8")),
                    server.url("/f/data?size=100&seed=4&ctype=application/octet-stream"),
                    server.url("/f/mine?size=100&seed=5&ctype=image/png"),
                    "  out=kept-as-given",
                    server.url("/typed/jpeg?ctype=" + enc("image/jpeg; charset=binary")),
                    server.url("/typed/jpeg"),
                    "");
            ws.drop("adj.txt", list);

            assertThat(ws.once("--fetchbox.adjust-extension=true")).isEqualTo(0);

            Map<Integer, JsonNode> r = Reports.byLine(ws.report("adj"));
            assertThat(Reports.text(r.get(2), "file")).isEqualTo("adj/photo.php.jpg");
            assertThat(Reports.text(r.get(3), "file")).isEqualTo("adj/a.jpg");
            assertThat(Reports.text(r.get(4), "file")).isEqualTo("adj/view.html");
            // a generic type says nothing: the name stays
            assertThat(Reports.text(r.get(5), "file")).isEqualTo("adj/data");
            assertThat(Reports.text(r.get(6), "file")).isEqualTo("adj/kept-as-given");
            // two URLs wanting jpeg.jpg: the one whose response arrived second is numbered, as
            // Content-Disposition names are (lines 1 and 8 download at once, either may be first)
            assertThat(List.of(Reports.text(r.get(1), "file"), Reports.text(r.get(8), "file")))
                    .containsExactlyInAnyOrder("adj/jpeg.jpg", "adj/jpeg.1.jpg");
            assertThat(Reports.text(r.get(9), "outcome")).isEqualTo("duplicate");
            assertThat(Reports.text(r.get(9), "file")).isEqualTo(Reports.text(r.get(1), "file"));
            assertThat(ws.outputFiles())
                    .containsExactlyInAnyOrder(
                            "adj/jpeg.jpg",
                            "adj/photo.php.jpg",
                            "adj/a.jpg",
                            "adj/view.html",
                            "adj/data",
                            "adj/kept-as-given",
                            "adj/jpeg.1.jpg");
        }
    }

    @Test
    void withAcceptedTypesTheNameFollowsWhatTheBodyShowedForAGenericType() {
        try (TestServer server = TestServer.start()) {
            Workspace ws = new Workspace(dir);
            ws.drop("gen.txt", server.url("/typed/png?ctype=application/octet-stream") + "\n");

            assertThat(ws.once("--fetchbox.adjust-extension=true", "--fetchbox.accept-types=image/*"))
                    .isEqualTo(0);

            assertThat(ws.outputFiles()).containsExactly("gen/png.png");
        }
    }

    private static void kept(SoftAssertions soft, JsonNode line, String contentType, String detected) {
        soft.assertThat(Reports.text(line, "outcome")).as("%s", line).isEqualTo("downloaded");
        soft.assertThat(
                        line.path("content_type").isNull()
                                ? null
                                : line.path("content_type").asText())
                .as("content_type of %s", line)
                .isEqualTo(contentType);
        soft.assertThat(Reports.text(line, "detected_type"))
                .as("detected_type of %s", line)
                .isEqualTo(detected);
    }

    private static void refused(SoftAssertions soft, JsonNode line, String error, String detail) {
        soft.assertThat(Reports.text(line, "outcome")).as("%s", line).isEqualTo("failed");
        soft.assertThat(Reports.text(line, "error")).as("%s", line).isEqualTo(error);
        soft.assertThat(Reports.text(line, "error_detail")).as("%s", line).contains(detail);
        soft.assertThat(line.path("attempts").asInt())
                .as("not retried: %s", line)
                .isEqualTo(1);
        soft.assertThat(line.path("file").isNull()).as("no file: %s", line).isTrue();
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
