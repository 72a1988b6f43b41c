package io.fetchbox.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** README, "Configuration": an unknown fetchbox.* key stops start-up, except in the environment, where it warns. */
class UnknownKeysTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "ARGUMENT               | unknown configuration key fetchbox.nonsense (from argument --fetchbox.nonsense=…); fetchbox --help lists every key",
                "SYSTEM_PROPERTY        | unknown configuration key fetchbox.nonsense (from system property -Dfetchbox.nonsense); fetchbox --help lists every key",
                "WORKING_DIRECTORY_FILE | unknown configuration key fetchbox.nonsense (in ./application.properties); fetchbox --help lists every key",
                "PACKAGED_DEFAULTS      | unknown configuration key fetchbox.nonsense (in packaged defaults (application.properties in the jar)); fetchbox --help lists every key",
            })
    void isAnError(Layer layer, String message) {
        String error =
                layer.set(TestSources.sources(), "fetchbox.nonsense", "1").error();

        assertThat(error).isEqualTo(message);
    }

    @Test
    void inTheEnvironmentIsOnlyAWarning() throws ConfigException {
        Settings settings =
                TestSources.sources().environment("FETCHBOX_NONSENSE", "1").load();

        assertThat(settings.warnings())
                .singleElement()
                .asString()
                .isEqualTo("ignoring environment variable FETCHBOX_NONSENSE: no key fetchbox.nonsense;"
                        + " fetchbox --help lists every key");
    }

    @Test
    void otherEnvironmentVariablesAndPropertiesAreNotOurs() throws ConfigException {
        Settings settings = TestSources.sources()
                .environment("HOME", "/root")
                .environment("fetchbox_lower_case", "1")
                .systemProperty("java.version", "17")
                .systemProperty("fetchboxes", "1")
                .workingDirectoryFile("camel.main.name", "other")
                .load();

        assertThat(settings.warnings()).isEmpty();
    }

    @Test
    void everyProblemIsReportedAtOnceOnePerLine() {
        String error = TestSources.sources()
                .systemProperty("fetchbox.nonsense", "1")
                .systemProperty("fetchbox.concurrency", "abc")
                .argument("--fetchbox.layout=weird")
                .error();

        assertThat(error.lines())
                .hasSize(3)
                .anySatisfy(line -> assertThat(line).contains("fetchbox.nonsense"))
                .anySatisfy(line -> assertThat(line).startsWith("fetchbox.concurrency=abc"))
                .anySatisfy(line -> assertThat(line).startsWith("fetchbox.layout=weird"));
    }

    /** Issue 10: a typo is answered with the key it most likely meant, wherever it was given. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "ARGUMENT               | unknown configuration key fetchbox.concurency (from argument --fetchbox.concurency=…); did you mean fetchbox.concurrency?",
                "SYSTEM_PROPERTY        | unknown configuration key fetchbox.concurency (from system property -Dfetchbox.concurency); did you mean fetchbox.concurrency?",
                "WORKING_DIRECTORY_FILE | unknown configuration key fetchbox.concurency (in ./application.properties); did you mean fetchbox.concurrency?",
            })
    void aTypoSuggestsTheNearestKey(Layer layer, String message) {
        assertThat(layer.set(TestSources.sources(), "fetchbox.concurency", "4").error())
                .isEqualTo(message);
    }

    @Test
    void aTypoInTheEnvironmentSuggestsTheNearestVariable() throws ConfigException {
        Settings settings =
                TestSources.sources().environment("FETCHBOX_PERHOST", "2").load();

        assertThat(settings.warnings())
                .containsExactly("ignoring environment variable FETCHBOX_PERHOST: no key fetchbox.perhost;"
                        + " did you mean FETCHBOX_PER_HOST (fetchbox.per-host)?");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "fetchbox.ouput,              fetchbox.output",
        "fetchbox.retry_delay,        fetchbox.retry-delay",
        "fetchbox.httpport,           fetchbox.http-port",
        "fetchbox.shutdown-timout,    fetchbox.shutdown-timeout",
        "fetchbox.inbx,               fetchbox.inbox",
    })
    void nearestKnownKey(String typo, String meant) {
        assertThat(NearestKey.to(typo)).contains(meant);
    }

    @Test
    void aDifferentWordGetsNoSuggestion() {
        assertThat(NearestKey.to("fetchbox.colour-scheme")).isEmpty();
    }
}
