package io.fetchbox.media;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Tika's registry as fetchbox uses it: names, kinds and extensions. */
class TypeRegistryTest {
    private final TypeRegistry types = TypeRegistry.get();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            nullValues = "null",
            value = {
                "image/jpeg, .jpg",
                "image/jpg, .jpg",
                "image/pjpeg, .jpg",
                "image/png, .png",
                "image/x-png, .png",
                "image/gif, .gif",
                "image/webp, .webp",
                "image/avif, .avif",
                "image/heic, .heic",
                "image/svg+xml, .svg",
                "image/x-icon, .ico",
                "image/bmp, .bmp",
                "image/tiff, .tiff",
                "application/pdf, .pdf",
                "application/zip, .zip",
                "application/gzip, .gz",
                "text/html, .html",
                "application/json, .json",
                "text/plain, .txt",
                "application/x-made-up, null",
            })
    void theUsualExtensionOfAType(String type, String extension) {
        assertThat(types.extension(type)).isEqualTo(extension);
    }

    @Test
    void everyExtensionATypeGoesBy() {
        assertThat(types.extensions("image/jpeg")).contains(".jpg", ".jpeg", ".jpe");
        assertThat(types.extensions("text/html")).contains(".html", ".htm");
        assertThat(types.extensions("application/x-made-up")).isEmpty();
    }

    @ParameterizedTest(name = "{0} is a kind of {1}: {2}")
    @CsvSource({
        "image/svg+xml, application/xml, true",
        "application/xml, image/svg+xml, false",
        "image/heic, image/heif, true",
        "application/epub+zip, application/zip, true",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document, application/zip, true",
        "text/html, text/plain, true",
        "application/json, text/plain, true",
        "image/png, image/jpeg, false",
        "image/jpg, image/jpeg, true",
        "image/x-icon, image/vnd.microsoft.icon, true",
        "application/x-made-up, application/x-made-up, true",
        "application/x-made-up, application/octet-stream, false",
    })
    void kindsOfTypes(String type, String ofType, boolean kind) {
        assertThat(types.isKindOf(type, ofType)).isEqualTo(kind);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            nullValues = "null",
            value = {
                "image/jpeg, image/jpeg",
                "'IMAGE/JPEG; charset=binary', image/jpeg",
                "' text/html ;charset=utf-8', text/html",
                "text, null",
                "/png, null",
                "image/, null",
                "image/png/x, null",
                "'image/p ng', null",
                "null, null",
            })
    void theBareTypeOfAContentType(String contentType, String bare) {
        assertThat(TypeRegistry.bare(contentType)).isEqualTo(bare);
    }

    /** Servers choose the names; Tika would keep every one it is asked about. */
    @Test
    void namesTikaDoesNotKnowAreAnsweredWithoutIt() {
        for (int i = 0; i < 1000; i++) {
            String made = "application/x-hostile-" + i;
            assertThat(types.canonical(made)).isEqualTo(made);
            assertThat(types.extension(made)).isNull();
            assertThat(types.isKindOf(made, "application/octet-stream")).isFalse();
        }
        assertThat(org.apache.tika.mime.MimeTypes.getDefaultMimeTypes().getMediaTypeRegistry().getTypes().stream()
                        .map(Object::toString))
                .noneMatch(t -> t.startsWith("application/x-hostile-"));
    }
}
