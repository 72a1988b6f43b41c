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
                "ARGUMENT               | unknown configuration key fetchbox.nonsense (from argument --fetchbox.nonsense=1); known keys: fetchbox.inbox, ",
                "SYSTEM_PROPERTY        | unknown configuration key fetchbox.nonsense (from system property -Dfetchbox.nonsense); known keys: fetchbox.inbox, ",
                "WORKING_DIRECTORY_FILE | unknown configuration key fetchbox.nonsense (in ./application.properties); known keys: fetchbox.inbox, ",
                "PACKAGED_DEFAULTS      | unknown configuration key fetchbox.nonsense (in packaged defaults (application.properties in the jar)); known keys: ",
            })
    void isAnError(Layer layer, String message) {
        String error =
                layer.set(TestSources.sources(), "fetchbox.nonsense", "1").error();

        assertThat(error).startsWith(message).contains("fetchbox.node-id");
    }

    @Test
    void inTheEnvironmentIsOnlyAWarning() throws ConfigException {
        Settings settings =
                TestSources.sources().environment("FETCHBOX_NONSENSE", "1").load();

        assertThat(settings.warnings())
                .singleElement()
                .asString()
                .startsWith("ignoring environment variable FETCHBOX_NONSENSE: no key fetchbox.nonsense; known keys: ");
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
}
