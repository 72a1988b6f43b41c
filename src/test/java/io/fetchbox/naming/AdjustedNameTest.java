package io.fetchbox.naming;

import static org.assertj.core.api.Assertions.assertThat;

import io.fetchbox.media.TypeRegistry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** fetchbox.adjust-extension: names and types, with Tika's registry of extensions. */
class AdjustedNameTest {
    private final TypeRegistry types = TypeRegistry.get();

    @ParameterizedTest(name = "{0} as {1} -> {2}")
    @CsvSource({
        "img, image/jpeg, img.jpg",
        "photo.php, image/jpeg, photo.php.jpg",
        "view.aspx, image/webp, view.aspx.webp",
        "run.cgi, text/html, run.cgi.html",
        "a.jpg, image/jpeg, a.jpg",
        "a.JPEG, image/jpeg, a.JPEG",
        "a.jpe, image/jpeg, a.jpe",
        "page.htm, text/html, page.htm",
        "a.png, image/jpeg, a.png.jpg",
        "icon, image/x-icon, icon.ico",
        "data, application/json, data.json",
        "archive.tar.gz, application/gzip, archive.tar.gz",
        "file, application/x-made-up, file",
        ".jpg, image/jpeg, _jpg.jpg",
    })
    void aNameGetsItsTypesExtensionUnlessItHasOne(String name, String type, String adjusted) {
        assertThat(AdjustedName.of(SafeName.of(name), types.extension(type), types.extensions(type)))
                .isEqualTo(adjusted);
    }

    @ParameterizedTest
    @CsvSource({"image/jpeg, .jpg", "text/html, .html"})
    void aLongNameKeepsItsNewExtensionWithinTheLimit(String type, String extension) {
        String adjusted =
                AdjustedName.of("x".repeat(SafeName.MAX_BYTES), types.extension(type), types.extensions(type));
        assertThat(adjusted).endsWith(extension).hasSize(SafeName.MAX_BYTES);
    }
}
