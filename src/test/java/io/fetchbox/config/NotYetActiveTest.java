package io.fetchbox.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NotYetActiveTest {
    @Test
    void aKeyForLaterWorkThatIsSetIsNamedInAWarning() throws ConfigException {
        Settings settings = Settings.load(TestSources.sources()
                .argument("--fetchbox.broker-url=tcp://broker:61616", "--fetchbox.retries=5")
                .build());

        assertThat(NotYetActive.warnings(settings))
                .containsExactly(
                        "fetchbox.broker-url is accepted but not active in this version; it has no effect yet");
    }

    @Test
    void theHttpServerAndFreeDiskKeysAreActive() throws ConfigException {
        Settings settings = Settings.load(TestSources.sources()
                .argument("--fetchbox.http-port=9000", "--fetchbox.http-host=0.0.0.0", "--fetchbox.min-free-disk=2GB")
                .build());

        assertThat(NotYetActive.warnings(settings)).isEmpty();
    }

    @Test
    void theDefaultsWarnOfNothing() throws ConfigException {
        assertThat(NotYetActive.warnings(Settings.load(TestSources.sources().build())))
                .isEmpty();
    }
}
