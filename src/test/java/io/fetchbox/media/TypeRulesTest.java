package io.fetchbox.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Accepted types and bodies that must agree with theirs, as a table: what the server says, what it sends. */
class TypeRulesTest {
    private static final String JPEG = "hex:ffd8ffe000104a464946";
    private static final String PNG = "hex:89504e470d0a1a0a0000000d49484452";
    private static final String HEIF = "hex:0000001866747970" + "6d69663100000000" + "6d69663168656963";
    private static final String ZIP = "hex:504b0304140000000800";
    private final TypeRules rules = new TypeRules(TypeRegistry.get());

    @ParameterizedTest(name = "[{0}] {1} with {2}: {3}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            nullValues = "null",
            value = {
                // accept | Content-Type | body | error | type taken | detected
                "image/* | image/jpeg | " + JPEG + " | null | image/jpeg | image/jpeg",
                "image/* | image/jpg | " + JPEG + " | null | image/jpeg | image/jpeg",
                "image/* | image/jpeg; charset=binary | " + JPEG + " | null | image/jpeg | image/jpeg",
                "image/* | image/jpeg | <!DOCTYPE html><p>Sign in | type_mismatch | image/jpeg | text/html",
                "image/* | image/jpeg | {\"error\": 404} | type_mismatch | image/jpeg | application/json",
                "image/* | image/jpeg | hex:ffd8 | type_mismatch | image/jpeg | null",
                "image/* | image/jpeg | " + PNG + " | type_mismatch | image/jpeg | image/png",
                "image/* | image/heic | " + HEIF + " | null | image/heic | image/heif",
                "image/* | image/svg+xml | <svg xmlns='http://www.w3.org/2000/svg'/> | null | image/svg+xml | image/svg+xml",
                "image/* | image/svg+xml | <?xml version='1.0'?><rss/> | type_mismatch | image/svg+xml | application/xml",
                "image/* | image/x-unheard-of | hex:00010203 | null | image/x-unheard-of | null",
                "image/* | text/html | <html> | unexpected_type | text/html | null",
                "image/* | application/octet-stream | " + PNG + " | null | image/png | image/png",
                "image/* | null | " + PNG + " | null | image/png | image/png",
                "image/* | garbage | " + PNG + " | null | image/png | image/png",
                "image/* | application/octet-stream | <html><body>x | unexpected_type | text/html | text/html",
                "image/* | null | hex:00010203 | unexpected_type | null | null",
                "*/* | application/octet-stream | hex:00010203 | null | null | null",
                "*/* | text/html | Hello <b>you</b> | null | text/html | text/plain",
                "*/* | text/html | " + PNG + " | type_mismatch | text/html | image/png",
                "*/* | application/epub+zip | " + ZIP + " | null | application/epub+zip | application/zip",
                "*/* | application/pdf | " + ZIP + " | type_mismatch | application/pdf | application/zip",
                "application/json | application/json | [1] | null | application/json | application/json",
            })
    void table(String accept, String contentType, String body, String error, String type, String detected) {
        byte[] head = body.startsWith("hex:")
                ? HexFormat.of().parseHex(body.substring(4))
                : body.getBytes(StandardCharsets.UTF_8);
        AcceptedTypes accepted = AcceptedTypes.parse(accept);

        TypeRules.Verdict verdict = rules.onHeaders(accepted, contentType);
        if (verdict == null) {
            verdict = rules.onHead(accepted, contentType, head, head.length);
        }

        assertThat(verdict.error()).isEqualTo(error);
        assertThat(verdict.type()).isEqualTo(type);
        assertThat(verdict.detected()).isEqualTo(detected);
        assertThat(verdict.detail() == null).isEqualTo(error == null);
    }

    @Test
    void aRefusalNamesWhatWasSentAndWhatIsAccepted() {
        AcceptedTypes images = AcceptedTypes.parse("image/*,application/pdf");
        assertThat(rules.onHeaders(images, "text/html; charset=utf-8").detail())
                .isEqualTo("Content-Type text/html is not among the accepted types image/*,application/pdf");
        byte[] page = "<html>".getBytes(StandardCharsets.UTF_8);
        assertThat(rules.onHead(images, null, page, page.length).detail())
                .isEqualTo("no Content-Type, and the body's first bytes show text/html,"
                        + " not among the accepted types image/*,application/pdf");
        assertThat(rules.onHead(images, "image/png", new byte[] {1, 2}, 2).detail())
                .isEqualTo("Content-Type image/png, but the body's first bytes are not those of image/png (2 bytes"
                        + " looked at)");
    }
}
