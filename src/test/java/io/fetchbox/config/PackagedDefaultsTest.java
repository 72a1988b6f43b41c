package io.fetchbox.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The top-level application.properties and Settings must agree on the keys, and the file on the README's key table. */
class PackagedDefaultsTest {

    private final Map<String, String> defaults = TestSources.projectDefaults();

    @Test
    void theFileAndSettingsListExactlyTheSameKeys() {
        List<String> fileKeys = defaults.keySet().stream()
                .filter(k -> k.startsWith("fetchbox."))
                .toList();
        assertThat(fileKeys).containsExactlyInAnyOrderElementsOf(Settings.knownKeys());
    }

    @Test
    void everyKeyHasAOneLineCommentAboveIt() throws IOException {
        List<String> lines = Files.readAllLines(TestSources.PROJECT_ROOT.resolve("application.properties"));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("fetchbox.")) {
                assertThat(lines.get(i - 1))
                        .as("comment above %s", lines.get(i))
                        .startsWith("# ");
            }
        }
    }

    @Test
    void theDefaultsAreThoseOfTheReadmesConfigurationTable() {
        Map<String, String> spec = Map.ofEntries(
                Map.entry("fetchbox.inbox", "inbox"),
                Map.entry("fetchbox.output", "output"),
                Map.entry("fetchbox.reports", "reports"),
                Map.entry("fetchbox.once", "false"),
                Map.entry("fetchbox.layout", "batch"),
                Map.entry("fetchbox.concurrency", "16"),
                Map.entry("fetchbox.per-host", "6"),
                Map.entry("fetchbox.per-host-rate", "0"),
                Map.entry("fetchbox.connect-timeout", "10s"),
                Map.entry("fetchbox.read-timeout", "30s"),
                Map.entry("fetchbox.retries", "3"),
                Map.entry("fetchbox.retry-delay", "1s"),
                Map.entry("fetchbox.retry-max-delay", "60s"),
                Map.entry("fetchbox.max-redirects", "10"),
                Map.entry("fetchbox.max-bytes", "0"),
                Map.entry("fetchbox.max-list-bytes", "1GB"),
                Map.entry("fetchbox.existing", "revalidate"),
                Map.entry("fetchbox.content-disposition", "false"),
                Map.entry("fetchbox.allow-hosts", ""),
                Map.entry("fetchbox.deny-hosts", ""),
                Map.entry("fetchbox.deny-private-networks", "false"),
                Map.entry("fetchbox.user-agent", ""),
                Map.entry("fetchbox.inbox-settle", "1s"),
                Map.entry("fetchbox.progress-interval", "5s"),
                Map.entry("fetchbox.log-format", "text"),
                Map.entry("fetchbox.shutdown-timeout", "30s"),
                Map.entry("fetchbox.stall-timeout", "10m"),
                Map.entry("fetchbox.min-free-disk", "1GB"),
                Map.entry("fetchbox.http-host", "127.0.0.1"),
                Map.entry("fetchbox.http-port", "8080"),
                Map.entry("fetchbox.notify", ""),
                Map.entry("fetchbox.broker-url", ""),
                Map.entry("fetchbox.broker-user", ""),
                Map.entry("fetchbox.broker-password", ""),
                Map.entry("fetchbox.node-id", ""));
        spec.forEach((key, value) -> assertThat(defaults).containsEntry(key, value));
    }

    @Test
    void bodiesAreNotStreamCached() {
        assertThat(defaults).containsEntry("camel.main.stream-caching-enabled", "false");
    }

    @Test
    void anUnknownKeyInThePackagedDefaultsIsRefused() {
        String error =
                TestSources.sources().packagedDefault("fetchbox.forgotten", "1").error();
        assertThat(error).contains("unknown configuration key fetchbox.forgotten", "packaged defaults");
    }

    @Test
    void aKeyMissingFromThePackagedDefaultsIsRefused() {
        String error =
                TestSources.sources().withoutPackagedDefault("fetchbox.retries").error();
        assertThat(error).contains("packaged defaults", "fetchbox.retries");
    }
}
