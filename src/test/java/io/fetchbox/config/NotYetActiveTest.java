package io.fetchbox.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NotYetActiveTest {
    @Test
    void aKeyForLaterWorkThatIsSetIsNamedInAWarning() throws ConfigException {
        Settings settings = Settings.load(TestSources.sources()
                .argument("--fetchbox.retries=5", "--fetchbox.existing=overwrite")
                .build());

        assertThat(NotYetActive.warnings(settings))
                .containsExactly("fetchbox.retries is accepted but not active in this version; it has no effect yet");
    }

    @Test
    void theDefaultRevalidateSaysItFetchesAgain() throws ConfigException {
        Settings settings = Settings.load(TestSources.sources().build());

        assertThat(NotYetActive.warnings(settings))
                .singleElement()
                .asString()
                .startsWith("fetchbox.existing=revalidate");
    }
}
