package io.fetchbox.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 10: --help lists every key with its default and meaning, read from the packaged application.properties. */
class UsageTest {

    @Test
    void everyKeyIsListedWithItsDefaultAndMeaning() {
        String usage = Usage.text();

        for (Key key : Key.values()) {
            assertThat(usage).as(key.name).contains("  " + key.name + " ");
        }
        assertThat(usage)
                .contains("fetchbox.concurrency ")
                .contains("default: 16")
                .contains("downloads in flight on this node")
                .contains("default: 30s")
                .contains("on SIGTERM, how long transfers in flight may take to finish");
    }

    @Test
    void theBrokerUserAndPasswordAreListedWithTheirMeaning() {
        String usage = Usage.text();

        assertThat(usage)
                .containsPattern("  fetchbox\\.broker-user +default: \\(empty\\)\\R      user name for the broker;"
                        + " empty = none \\(or in the URL\\)")
                .containsPattern("  fetchbox\\.broker-password +default: \\(empty\\)\\R      password for the broker;"
                        + " never logged or shown; prefer the FETCHBOX_BROKER_PASSWORD environment variable");
        assertThat(usage.indexOf("fetchbox.broker-url "))
                .isLessThan(usage.indexOf("fetchbox.broker-user "))
                .isLessThan(usage.indexOf("fetchbox.broker-password "));
        assertThat(usage.indexOf("fetchbox.broker-password ")).isLessThan(usage.indexOf("fetchbox.node-id "));
    }

    @Test
    void everyKeyHasAMeaningInThePackagedFile() {
        Map<Key, String[]> documented =
                Usage.documentedKeys(new String(readPackaged(), java.nio.charset.StandardCharsets.UTF_8));

        assertThat(documented).containsOnlyKeys(Key.values());
        documented.forEach((key, entry) -> assertThat(entry[1]).as(key.name).isNotBlank());
    }

    @Test
    void commandsExitCodesAndExamples() {
        assertThat(Usage.text())
                .contains("--once")
                .contains("--version")
                .contains("exit codes:")
                .contains("  0  ")
                .contains("  1  ")
                .contains("  2  ")
                .contains("examples:");
    }

    @Test
    void aSectionHeadingIsNotPartOfAMeaning() {
        Map<Key, String[]> documented =
                Usage.documentedKeys("## Fetching\n# downloads in flight\nfetchbox.concurrency=16\n");

        assertThat(documented.get(Key.CONCURRENCY)).containsExactly("16", "downloads in flight");
    }

    @Test
    void versionsNameFetchboxCamelAndJava() {
        assertThat(Versions.text())
                .startsWith("fetchbox ")
                .containsPattern("Apache Camel 4\\.\\d+")
                .contains("Java " + Runtime.version());
    }

    private static byte[] readPackaged() {
        try (var in = Sources.class.getClassLoader().getResourceAsStream("application.properties")) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
