package io.fetchbox.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** fetchbox.broker-user and fetchbox.broker-password: read from every source, and the password never shown. */
class BrokerCredentialsTest {

    private static final String PASSWORD = "pW0 s3cr&t=x@y";

    @Test
    void bothAreEmptyByDefault() throws ConfigException {
        Settings s = TestSources.sources().load();

        assertThat(s.brokerUser()).isEmpty();
        assertThat(s.brokerPassword()).isEmpty();
        assertThat(s.describe())
                .containsPattern("fetchbox.broker-user +=  ?\\(none\\)")
                .containsPattern("fetchbox.broker-password +=  ?\\(none\\)");
    }

    @ParameterizedTest(name = "from {0}")
    @EnumSource(
            value = Layer.class,
            names = {"ARGUMENT", "SYSTEM_PROPERTY", "ENVIRONMENT", "WORKING_DIRECTORY_FILE"})
    void bothAreReadFromEverySource(Layer layer) throws ConfigException {
        TestSources sources = TestSources.sources();
        layer.set(sources, "fetchbox.broker-user", "fetch box");
        layer.set(sources, "fetchbox.broker-password", PASSWORD);

        Settings s = sources.load();

        assertThat(s.brokerUser()).isEqualTo("fetch box");
        assertThat(s.brokerPassword()).isEqualTo(PASSWORD);
        assertThat(s.explicitlySet("fetchbox.broker-user")).isTrue();
        assertThat(s.explicitlySet("fetchbox.broker-password")).isTrue();
    }

    @Test
    void thePasswordIsReadFromItsEnvironmentVariable() throws ConfigException {
        Settings s = TestSources.sources()
                .environment("FETCHBOX_BROKER_PASSWORD", PASSWORD)
                .environment("FETCHBOX_BROKER_USER", "fetchbox")
                .load();

        assertThat(s.brokerPassword()).isEqualTo(PASSWORD);
        assertThat(s.brokerUser()).isEqualTo("fetchbox");
        assertThat(s.warnings()).isEmpty();
        assertThat(s.describe())
                .containsPattern(
                        "fetchbox.broker-password +=  ?\\*\\*\\*   \\[environment variable FETCHBOX_BROKER_PASSWORD]")
                .containsPattern("fetchbox.broker-user +=  ?fetchbox   \\[environment variable FETCHBOX_BROKER_USER]");
    }

    @Test
    void aHigherSourceWinsForThePassword() throws ConfigException {
        Settings s = TestSources.sources()
                .workingDirectoryFile("fetchbox.broker-password", "from-file")
                .environment("FETCHBOX_BROKER_PASSWORD", PASSWORD)
                .load();

        assertThat(s.brokerPassword()).isEqualTo(PASSWORD);
    }

    @ParameterizedTest(name = "from {0}")
    @EnumSource(
            value = Layer.class,
            names = {"ARGUMENT", "SYSTEM_PROPERTY", "ENVIRONMENT", "WORKING_DIRECTORY_FILE"})
    void thePasswordIsNeverShown(Layer layer) throws ConfigException {
        TestSources sources = TestSources.sources();
        layer.set(sources, "fetchbox.broker-password", PASSWORD);
        layer.set(sources, "fetchbox.broker-url", "tcp://broker:61616");

        Settings s = sources.load();

        assertThat(s.describe()).doesNotContain(PASSWORD).doesNotContain("s3cr");
        assertThat(s.toString()).doesNotContain("s3cr");
        assertThat(s.describe()).containsPattern("fetchbox.broker-password +=  ?\\*\\*\\*");
        assertThat(s.warnings()).noneMatch(w -> w.contains("s3cr"));
        assertThat(s.displayValues()).hasSize(Key.values().length).containsEntry(Key.BROKER_PASSWORD, "***");
        assertThat(s.displayValues().values()).noneMatch(v -> v.contains("s3cr"));
        // the placeholder keeps it for the bean that connects, and under its own key only
        Map<String, String> placeholders = s.placeholderValues();
        assertThat(placeholders).containsEntry("fetchbox.broker-password", PASSWORD);
        placeholders.forEach((key, value) -> {
            if (!key.equals("fetchbox.broker-password")) {
                assertThat(value).as(key).doesNotContain("s3cr");
            }
        });
    }

    @Test
    void aMalformedValueElsewhereDoesNotEchoThePassword() {
        String error = TestSources.sources()
                .argument("--fetchbox.broker-password=" + PASSWORD, "--fetchbox.layout=weird")
                .error();

        assertThat(error).contains("fetchbox.layout=weird").doesNotContain("s3cr");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"fetchbox.broker-user", "fetchbox.broker-password"})
    void controlCharactersAreRefusedNamingTheKey(String key) {
        for (String bad : new String[] {"s3cr\nt", "s3cr\tt", "s3cr\u0000t", "s3cr\u007ft", "s3cr\u0085t"}) {
            String error =
                    TestSources.sources().argument("--" + key + "=" + bad).error();

            assertThat(error)
                    .as(
                            "%s=%s",
                            key, bad.codePoints().mapToObj(Integer::toHexString).toList())
                    .startsWith(key + "=")
                    .contains("(argument --" + key + "): contains control characters");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"s3cr\nt", "s3cr\u0000t"})
    void aRefusedPasswordIsNotEchoed(String bad) {
        String error = TestSources.sources()
                .environment("FETCHBOX_BROKER_PASSWORD", bad)
                .error();

        assertThat(error)
                .isEqualTo("fetchbox.broker-password=*** (environment variable FETCHBOX_BROKER_PASSWORD):"
                        + " contains control characters; a broker password is one line of printable text")
                .doesNotContain("s3cr");
    }

    @Test
    void aMistypedKeyNeverEchoesItsValueWhichMayBeThePassword() {
        String error = TestSources.sources()
                .argument("--fetchbox.broker-pasword=s3cr3t-value")
                .error();

        assertThat(error)
                .startsWith(
                        "unknown configuration key fetchbox.broker-pasword (from argument --fetchbox.broker-pasword=…)")
                .contains("did you mean fetchbox.broker-password?")
                .doesNotContain("s3cr3t");
        assertThat(TestSources.sources()
                        .argument("--broker-password=s3cr3t-value")
                        .error())
                .startsWith("unknown argument --broker-password=…;")
                .doesNotContain("s3cr3t");
    }

    @Test
    void aRefusedUserIsNamedAsGiven() {
        String error = TestSources.sources()
                .systemProperty("fetchbox.broker-user", "ad\rmin")
                .error();

        assertThat(error)
                .isEqualTo("fetchbox.broker-user=ad\rmin (system property -Dfetchbox.broker-user):"
                        + " contains control characters; a broker user name is one line of printable text");
    }

    @Test
    void anyPrintableTextIsAccepted() throws ConfigException {
        String user = "Jöns Üser!#$%&*+,/:;<=>?@[]^`{|}~";
        String password = "p:w@d/?#%20\"\\ñ€";

        Settings s = TestSources.sources()
                .systemProperty("fetchbox.broker-user", user)
                .systemProperty("fetchbox.broker-password", password)
                .load();

        assertThat(s.brokerUser()).isEqualTo(user);
        assertThat(s.brokerPassword()).isEqualTo(password);
        assertThat(s.describe()).contains(user).doesNotContain(password);
    }
}
