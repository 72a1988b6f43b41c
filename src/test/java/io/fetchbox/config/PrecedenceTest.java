package io.fetchbox.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** README, "Configuration": arguments, then system properties, environment, ./application.properties, packaged defaults. */
class PrecedenceTest {

    @ParameterizedTest(name = "{0} beats {1}")
    @CsvSource({
        "ARGUMENT,               SYSTEM_PROPERTY",
        "SYSTEM_PROPERTY,        ENVIRONMENT",
        "ENVIRONMENT,            WORKING_DIRECTORY_FILE",
        "WORKING_DIRECTORY_FILE, PACKAGED_DEFAULTS",
    })
    void theHigherSourceWins(Layer higher, Layer lower) throws ConfigException {
        TestSources sources = TestSources.sources();
        lower.set(sources, "fetchbox.layout", "mirror");
        higher.set(sources, "fetchbox.layout", "flat");
        lower.set(sources, "fetchbox.max-bytes", "1KB");
        higher.set(sources, "fetchbox.max-bytes", "2KB");

        Settings settings = sources.load();

        assertThat(settings.layout()).isEqualTo("flat");
        assertThat(settings.maxBytes()).isEqualTo(2048);
    }

    /** config.py: application.properties says layout=weird, -Dfetchbox.layout=flat overrides it. */
    @ParameterizedTest(name = "a bad value in {1} is hidden by {0}")
    @CsvSource({
        "ARGUMENT,               SYSTEM_PROPERTY",
        "SYSTEM_PROPERTY,        ENVIRONMENT",
        "SYSTEM_PROPERTY,        WORKING_DIRECTORY_FILE",
        "ENVIRONMENT,            WORKING_DIRECTORY_FILE",
        "WORKING_DIRECTORY_FILE, PACKAGED_DEFAULTS",
    })
    void onlyTheEffectiveValueIsValidated(Layer higher, Layer lower) throws ConfigException {
        TestSources sources = TestSources.sources();
        lower.set(sources, "fetchbox.layout", "weird");
        higher.set(sources, "fetchbox.layout", "flat");

        assertThat(sources.load().layout()).isEqualTo("flat");
    }

    @ParameterizedTest(name = "from {0}")
    @CsvSource({"ARGUMENT", "SYSTEM_PROPERTY", "ENVIRONMENT", "WORKING_DIRECTORY_FILE"})
    void aValueFromAnySourceButTheDefaultsIsExplicit(Layer layer) throws ConfigException {
        TestSources sources = TestSources.sources();
        layer.set(sources, "fetchbox.http-port", "8080");

        Settings settings = sources.load();

        assertThat(settings.explicitlySet("fetchbox.http-port")).isTrue();
        assertThat(settings.explicitlySet("fetchbox.concurrency")).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "--fetchbox.retries=1, --fetchbox.retries=2 | 2",
                "--fetchbox.retries=2, --fetchbox.retries=1 | 1",
            })
    void theLastOfRepeatedArgumentsWins(String arguments, int retries) throws ConfigException {
        Settings settings =
                TestSources.sources().argument(arguments.split(",\\s*")).load();

        assertThat(settings.retries()).isEqualTo(retries);
    }
}
