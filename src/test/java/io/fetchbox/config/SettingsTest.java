package io.fetchbox.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SettingsTest {

    @Test
    void theDefaultsTyped() throws ConfigException {
        Settings s = TestSources.sources().load();

        assertThat(s.inbox()).isEqualTo("inbox");
        assertThat(s.inboxPath()).isEqualTo(TestSources.WORKING_DIRECTORY.resolve("inbox"));
        assertThat(s.outputPath()).isEqualTo(TestSources.WORKING_DIRECTORY.resolve("output"));
        assertThat(s.reportsPath()).isEqualTo(TestSources.WORKING_DIRECTORY.resolve("reports"));
        assertThat(s.once()).isFalse();
        assertThat(s.layout()).isEqualTo("batch");
        assertThat(s.concurrency()).isEqualTo(16);
        assertThat(s.perHost()).isEqualTo(6);
        assertThat(s.perHostRate()).isZero();
        assertThat(s.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(s.readTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.retries()).isEqualTo(3);
        assertThat(s.retryDelay()).isEqualTo(Duration.ofSeconds(1));
        assertThat(s.retryMaxDelay()).isEqualTo(Duration.ofSeconds(60));
        assertThat(s.maxRedirects()).isEqualTo(10);
        assertThat(s.maxBytes()).isZero();
        assertThat(s.maxListBytes()).isEqualTo(1L << 30);
        assertThat(s.existing()).isEqualTo("revalidate");
        assertThat(s.contentDisposition()).isFalse();
        assertThat(s.allowHosts()).isEmpty();
        assertThat(s.denyHosts()).isEmpty();
        assertThat(s.denyPrivateNetworks()).isFalse();
        assertThat(s.userAgent()).isEqualTo("fetchbox/" + s.version());
        assertThat(s.version()).isEqualTo("dev"); // classes, not the jar: no Implementation-Version
        assertThat(s.inboxSettle()).isEqualTo(Duration.ofSeconds(1));
        assertThat(s.progressInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(s.shutdownTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.minFreeDisk()).isEqualTo(1L << 30);
        assertThat(s.httpHost()).isEqualTo("127.0.0.1");
        assertThat(s.httpPort()).isEqualTo(8080);
        assertThat(s.notifyEndpoints()).isEmpty();
        assertThat(s.brokerUrl()).isEmpty();
        assertThat(s.brokerUser()).isEmpty();
        assertThat(s.brokerPassword()).isEmpty();
        assertThat(s.clusterMode()).isFalse();
        assertThat(s.nodeId()).isNotBlank();
        assertThat(s.warnings()).isEmpty();
    }

    @Test
    void foldersKeepTheirTextAndResolveAgainstTheWorkingDirectory() throws ConfigException {
        Settings s = TestSources.sources()
                .argument("--fetchbox.inbox=lists/../in", "--fetchbox.output=/data/out")
                .load();

        assertThat(s.inbox()).isEqualTo("lists/../in");
        assertThat(s.inboxPath()).isEqualTo(TestSources.WORKING_DIRECTORY.resolve("in"));
        assertThat(s.outputPath()).isEqualTo(Path.of("/data/out"));
    }

    @ParameterizedTest(name = "{0}={1} -> placeholder {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "fetchbox.read-timeout        | 1500                      | 1500",
                "fetchbox.read-timeout        | 1.5s                      | 1500",
                "fetchbox.shutdown-timeout    | 1m                        | 60000",
                "fetchbox.retry-max-delay     | 1h                        | 3600000",
                "fetchbox.connect-timeout     | 2000ms                    | 2000",
                "fetchbox.max-bytes           | 2KB                       | 2048",
                "fetchbox.min-free-disk       | 1 gb                      | 1073741824",
                "fetchbox.content-disposition | TRUE                      | true",
                "fetchbox.layout              | Flat                      | flat",
                "fetchbox.existing            | SKIP                      | skip",
                "fetchbox.concurrency         | 0032                      | 32",
                "fetchbox.per-host-rate       | 2.5                       | 2.5",
                "fetchbox.allow-hosts         | ' A.example.com, ,*.b.org' | a.example.com,*.b.org",
                "fetchbox.inbox               | ' lists '                 | lists",
                "fetchbox.broker-url          | tcp://u:p@broker:61616    | tcp://u:p@broker:61616",
                "fetchbox.node-id             | node-7                    | node-7",
                "fetchbox.user-agent          | ' my-bot/2 '              | my-bot/2",
            })
    void placeholderValuesAreNormalised(String key, String given, String placeholder) throws ConfigException {
        Settings s = TestSources.sources().systemProperty(key, given).load();

        assertThat(s.placeholderValues()).containsEntry(key, placeholder);
    }

    @Test
    void placeholderValuesCoverEveryKeyWithDefaultsResolved() throws ConfigException {
        Settings s = TestSources.sources().load();

        assertThat(s.placeholderValues().keySet()).containsExactlyElementsOf(Settings.knownKeys());
        assertThat(s.placeholderValues())
                .containsEntry("fetchbox.connect-timeout", "10000")
                .containsEntry("fetchbox.max-list-bytes", "1073741824")
                .containsEntry("fetchbox.allow-hosts", "")
                .containsEntry("fetchbox.user-agent", "fetchbox/dev")
                .containsEntry("fetchbox.node-id", s.nodeId());
    }

    @Test
    void hostGlobsAreTrimmedLowerCasedAndEmptiesDropped() throws ConfigException {
        Settings s = TestSources.sources()
                .environment("FETCHBOX_DENY_HOSTS", " *.Ads.example , ,10.0.0.*,")
                .load();

        assertThat(s.denyHosts()).isEqualTo(List.of("*.ads.example", "10.0.0.*"));
    }

    @ParameterizedTest(name = "once={0}, port given={1} -> listen on {2}")
    @CsvSource({
        "false, ,     8080", // the service, default port
        "true,  ,     0", // a one-shot run never collides with a running service
        "true,  8080, 8080", // ... unless the port is given, even as the default value
        "true,  9090, 9090",
        "false, 0,    0",
    })
    void theHttpServerIsOffWithOnceUnlessThePortIsExplicit(boolean once, String port, int listen)
            throws ConfigException {
        TestSources sources = TestSources.sources();
        if (once) {
            sources.argument("--once");
        }
        if (port != null) {
            sources.systemProperty("fetchbox.http-port", port);
        }

        Settings s = sources.load();

        assertThat(s.httpServerPort()).isEqualTo(listen);
        assertThat(s.explicitlySet("fetchbox.http-port")).isEqualTo(port != null);
    }

    @Test
    void explicitlySetKnowsOnlyRealKeys() throws ConfigException {
        Settings s = TestSources.sources().load();

        assertThatThrownBy(() -> s.explicitlySet("fetchbox.nonsense"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fetchbox.nonsense");
    }

    @Test
    void describeListsEveryKeyWithItsSourceAndHidesBrokerCredentials() throws ConfigException {
        String text = TestSources.sources()
                .systemProperty("fetchbox.broker-url", "tcp://admin:s3cret@broker:61616?password=s3cret")
                .environment("FETCHBOX_READ_TIMEOUT", "1500")
                .load()
                .describe();

        assertThat(text.lines().skip(1)).hasSize(Settings.knownKeys().size());
        assertThat(text)
                .contains("fetchbox.broker-url", "tcp://***@broker:61616?password=***")
                .doesNotContain("s3cret")
                .containsPattern("fetchbox.read-timeout +=  ?1.5s   \\[environment variable FETCHBOX_READ_TIMEOUT]")
                .containsPattern("fetchbox.max-bytes +=  ?0 \\(no limit\\)")
                .contains("(" + TestSources.WORKING_DIRECTORY.resolve("inbox") + ")");
    }

    @Test
    void clusterModeRefusesWhatOnlyOneNodeCanDo() {
        TestSources sources = TestSources.sources();
        sources.argument("--fetchbox.broker-url=tcp://127.0.0.1:61616");
        sources.argument("--fetchbox.content-disposition=true");
        sources.argument("--fetchbox.adjust-extension=true");
        sources.argument("--once");

        assertThatThrownBy(sources::load)
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("fetchbox.content-disposition=true cannot be used with fetchbox.broker-url")
                .hasMessageContaining("fetchbox.adjust-extension=true cannot be used with fetchbox.broker-url")
                .hasMessageContaining("--once cannot be used with fetchbox.broker-url");
    }

    @Test
    void withoutABrokerBothAreFine() throws ConfigException {
        TestSources sources = TestSources.sources();
        sources.argument("--fetchbox.content-disposition=true");
        sources.argument("--once");

        assertThat(sources.load().clusterMode()).isFalse();
    }
}
