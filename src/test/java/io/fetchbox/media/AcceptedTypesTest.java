package io.fetchbox.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AcceptedTypesTest {

    @ParameterizedTest(name = "{0} accepts {1}: {2}")
    @CsvSource({
        "'image/*',                   image/jpeg,               true",
        "'image/*',                   image/svg+xml,            true",
        "'image/*',                   text/html,                false",
        "'image/*',                   imagex/png,               false",
        "'image/*,application/pdf',   application/pdf,          true",
        "'image/*,application/pdf',   application/pdfx,         false",
        "' Image/PNG , ',             image/png,                true",
        "'image/png',                 image/jpeg,               false",
        "'*/*',                       application/octet-stream, true",
        "'*/*',                       text/plain,               true",
    })
    void patternsMatchTypes(String patterns, String type, boolean accepted) {
        assertThat(AcceptedTypes.parse(patterns).accepts(type)).isEqualTo(accepted);
    }

    @Test
    void noPatternsAcceptEverythingAndCheckNothing() {
        assertThat(AcceptedTypes.parse("").isAny()).isTrue();
        assertThat(AcceptedTypes.parse(" , ").isAny()).isTrue();
        assertThat(AcceptedTypes.parse(null)).isSameAs(AcceptedTypes.ANY);
        assertThat(AcceptedTypes.ANY.accepts(null)).isTrue();
        // */* accepts everything too, but is a choice: bodies are checked
        assertThat(AcceptedTypes.parse("*/*").isAny()).isFalse();
        assertThat(AcceptedTypes.parse("*/*").accepts(null)).isFalse();
    }

    @Test
    void theListIsShownLowerCaseWithoutRepeats() {
        assertThat(AcceptedTypes.parse("IMAGE/*, application/pdf,image/*").toString())
                .isEqualTo("image/*,application/pdf");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "jpeg | 'jpeg' is not a media type",
                "image/ | 'image/' is not a media type",
                "/png | '/png' is not a media type",
                "*/png | '*/png' is not a pattern: a subtype needs its type",
                "image/*png | 'image/*png' is not a pattern: * stands for a whole type or subtype",
                "im*/png | 'im*/png' is not a pattern",
                "image/webp;q=0.8 | 'image/webp;q=0.8' has parameters",
                "image/png/x | 'image/png/x' is not a media type",
                "image/p ng | 'image/p ng' is not a media type",
                "image/png,text | 'text' is not a media type",
            })
    void malformedPatternsAreRefusedByName(String patterns, String message) {
        assertThatThrownBy(() -> AcceptedTypes.parse(patterns))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }
}
