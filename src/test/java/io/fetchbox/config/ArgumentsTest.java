package io.fetchbox.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The command line: --once and --fetchbox.key=value, nothing else (README, "Configuration"). */
class ArgumentsTest {

    @Test
    void noArgumentsRunTheService() throws ConfigException {
        Settings settings = TestSources.sources().load();

        assertThat(settings.once()).isFalse();
        assertThat(settings.explicitlySet("fetchbox.once")).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"--once", "--fetchbox.once=true", "--fetchbox.once=TRUE"})
    void onceFromTheCommandLine(String argument) throws ConfigException {
        Settings settings = TestSources.sources().argument(argument).load();

        assertThat(settings.once()).isTrue();
        assertThat(settings.explicitlySet("fetchbox.once")).isTrue();
        assertThat(settings.placeholderValues()).containsEntry("fetchbox.once", "true");
    }

    @ParameterizedTest(name = "from {0}")
    @CsvSource({"SYSTEM_PROPERTY", "ENVIRONMENT", "WORKING_DIRECTORY_FILE"})
    void onceFromAnySource(Layer layer) throws ConfigException {
        assertThat(layer.set(TestSources.sources(), "fetchbox.once", "true")
                        .load()
                        .once())
                .isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "--frobnicate      | unknown argument --frobnicate; use --once, --help, --version or --fetchbox.<key>=<value>; fetchbox --help lists every key",
                "-once             | unknown argument -once; use --once, --help, --version or --fetchbox.<key>=<value>; fetchbox --help lists every key",
                "inbox             | unknown argument inbox; use --once, --help, --version or --fetchbox.<key>=<value>; fetchbox --help lists every key",
                "--camel.main.x=1  | unknown argument --camel.main.x=…; use --once, --help, --version or --fetchbox.<key>=<value>; fetchbox --help lists every key",
                "--fetchbox.layout | argument --fetchbox.layout has no value; write it --fetchbox.layout=<value>",
            })
    void anythingElseIsRefusedByName(String argument, String message) {
        assertThat(TestSources.sources().argument(argument).error()).startsWith(message);
    }

    @Test
    void aValueMayContainEqualsSigns() throws ConfigException {
        Settings settings = TestSources.sources()
                .argument("--fetchbox.user-agent=bot/1 (a=b)")
                .load();

        assertThat(settings.userAgent()).isEqualTo("bot/1 (a=b)");
    }
}
