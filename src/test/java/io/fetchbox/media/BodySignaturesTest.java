package io.fetchbox.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The signature table: first bytes (hex, or text after {@code t:}) and what they show. */
class BodySignaturesTest {

    static Stream<Arguments> table() {
        return Stream.of(
                hex("ffd8ffe000104a464946", "image/jpeg"),
                hex("ffd8ffdb", "image/jpeg"),
                hex("ffd8", null),
                hex("89504e470d0a1a0a0000000d49484452", "image/png"),
                hex("89504e470d0a1a", null),
                text("GIF89a\u0001\u0000", "image/gif"),
                text("GIF87a", "image/gif"),
                text("GIF88a", "text/plain"),
                hex("524946460000000057454250565038", "image/webp"),
                hex("524946460000000057415645666d74", null),
                hex("0000001c667479706176696600000000617669666d696631", "image/avif"),
                hex("0000001c667479706d69663100000000617669666d696631", "image/avif"),
                hex("00000018667479706865696300000000", "image/heif"),
                hex("000000186674797069736f6d00000000", null),
                hex("424d3a00000000000000360000002800", "image/bmp"),
                hex("424d", "text/plain"),
                hex("49492a0008000000", "image/tiff"),
                hex("4d4d002a00000008", "image/tiff"),
                hex("00000100010010100000", "image/vnd.microsoft.icon"),
                hex("000001000000", null),
                text("%PDF-1.7", "application/pdf"),
                text(" %PDF-1.7", "text/plain"),
                hex("504b0304140000000800", "application/zip"),
                hex("504b0506000000000000", "application/zip"),
                hex("1f8b0800000000000003", "application/gzip"),
                text("<svg xmlns='http://www.w3.org/2000/svg'/>", "image/svg+xml"),
                text(
                        "<?xml version='1.0'?>\n<!-- made by hand -->\n<!DOCTYPE svg PUBLIC '-//W3C//DTD SVG 1.1//EN' 'x'>\n<svg/>",
                        "image/svg+xml"),
                text(
                        "\ufeff<?xml version='1.0' encoding='UTF-8'?><svg:svg xmlns:svg='http://www.w3.org/2000/svg'/>",
                        "image/svg+xml"),
                text("<?xml version='1.0'?><rss version='2.0'/>", "application/xml"),
                text("<?xml version='1.0'?><html xmlns='http://www.w3.org/1999/xhtml'/>", "application/xml"),
                text("<!DOCTYPE html><html><body>Not found</body></html>", "text/html"),
                text("\n\n   <HTML lang=en>", "text/html"),
                text("<head><title>Sign in</title>", "text/html"),
                text("<!-- login --><div>x</div>", "text/html"),
                text("<p>Sorry", "text/html"),
                text("<rss version='2.0'>", "application/xml"),
                text("{\"error\":\"not found\"}", "application/json"),
                text("  [1, 2]", "application/json"),
                text("Not Found", "text/plain"),
                text("  \n", "text/plain"),
                text("<", "text/plain"),
                hex("0102030405c8c90708", null),
                text("caf\u00e9 cr\u00e8me", "text/plain"),
                hex("636166e92063", null), // Latin-1, not guessed at
                hex("7b226e223a22e282", "application/json"), // a character cut at the end of the head
                hex("", null));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("table")
    void firstBytesShowTheirType(String shown, byte[] head, String type) {
        assertThat(BodySignatures.detect(head, head.length)).isEqualTo(type);
    }

    private static Arguments text(String text, String type) {
        return Arguments.of(text, text.getBytes(StandardCharsets.UTF_8), type);
    }

    private static Arguments hex(String hex, String type) {
        return Arguments.of(hex, HexFormat.of().parseHex(hex), type);
    }

    @ParameterizedTest
    @CsvSource({"3, image/jpeg", "2, null"})
    void onlyTheGivenLengthIsLookedAt(int length, String type) {
        byte[] head = HexFormat.of().parseHex("ffd8ff0000");
        assertThat(BodySignatures.detect(head, length)).isEqualTo("null".equals(type) ? null : type);
    }
}
