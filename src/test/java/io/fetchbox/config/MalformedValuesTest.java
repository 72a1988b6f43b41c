package io.fetchbox.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every bad value is named with its key, its source, the value and what would be accepted. */
class MalformedValuesTest {

    /** The malformed cases of the acceptance scenario config.py, with the exact message. */
    @ParameterizedTest(name = "{1}={2} from {0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "SYSTEM_PROPERTY        | fetchbox.concurrency  | abc       | fetchbox.concurrency=abc (system property -Dfetchbox.concurrency): not a whole number; use a whole number from 1 to 10000",
                "SYSTEM_PROPERTY        | fetchbox.layout       | weird     | fetchbox.layout=weird (system property -Dfetchbox.layout): must be one of batch, flat, mirror",
                "ARGUMENT               | fetchbox.existing     | sometimes | fetchbox.existing=sometimes (argument --fetchbox.existing): must be one of revalidate, skip, overwrite",
                "ENVIRONMENT            | fetchbox.max-bytes    | 12XB      | fetchbox.max-bytes=12XB (environment variable FETCHBOX_MAX_BYTES): not a size; use bytes or a number with KB, MB or GB (powers of 1024)",
                "WORKING_DIRECTORY_FILE | fetchbox.read-timeout | soon      | fetchbox.read-timeout=soon (./application.properties): not a duration; use ms, s, m or h, or a plain number of milliseconds",
            })
    void acceptanceCases(Layer layer, String key, String value, String message) {
        assertThat(layer.set(TestSources.sources(), key, value).error()).isEqualTo(message);
    }

    /** Every type once, including the keys for later work, which are validated fully now. */
    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "fetchbox.inbox                 | ''              | must not be empty; give a folder",
                "fetchbox.output                | ''              | must not be empty; give a folder",
                "fetchbox.reports               | ''              | must not be empty; give a folder",
                "fetchbox.once                  | yes             | must be true or false",
                "fetchbox.concurrency           | 0               | out of range; use a whole number from 1 to 10000",
                "fetchbox.concurrency           | 10001           | out of range; use a whole number from 1 to 10000",
                "fetchbox.concurrency           | 1.5             | not a whole number; use a whole number from 1 to 10000",
                "fetchbox.per-host              | 0               | out of range; use a whole number from 1 to 10000",
                "fetchbox.per-host-rate         | -1              | not a number; use 0 (no limit) or a positive number such as 2 or 0.5",
                "fetchbox.per-host-rate         | fast            | not a number; use 0 (no limit) or a positive number such as 2 or 0.5",
                "fetchbox.connect-timeout       | 10 seconds      | not a duration; use ms, s, m or h, or a plain number of milliseconds",
                "fetchbox.retries               | -1              | out of range; use a whole number from 0 to 100",
                "fetchbox.retries               | 101             | out of range; use a whole number from 0 to 100",
                "fetchbox.retry-delay           | 1d              | not a duration; use ms, s, m or h, or a plain number of milliseconds",
                "fetchbox.retry-max-delay       | -1s             | not a duration; use ms, s, m or h, or a plain number of milliseconds",
                "fetchbox.max-redirects         | many            | not a whole number; use a whole number from 0 to 100",
                "fetchbox.max-list-bytes        | 1TB             | not a size; use bytes or a number with KB, MB or GB (powers of 1024)",
                "fetchbox.content-disposition   | on              | must be true or false",
                "fetchbox.adjust-extension      | yes             | must be true or false",
                "fetchbox.accept-types          | jpeg            | 'jpeg' is not a media type: give type/subtype, type/* or */*",
                "fetchbox.accept-types          | 'image/*;q=0.9' | 'image/*;q=0.9' has parameters; give only type/subtype, type/* or */*",
                "fetchbox.allow-hosts           | https://a.com   | \"https://a.com\" is not a host glob; use host names or addresses",
                "fetchbox.deny-hosts            | 'a.com, b c'    | \"b c\" is not a host glob; use host names or addresses",
                "fetchbox.deny-hosts            | a.com:8080      | \"a.com:8080\" is not a host glob; use host names or addresses",
                "fetchbox.deny-private-networks | 1               | must be true or false",
                "fetchbox.inbox-settle          | ''              | not a duration; use ms, s, m or h, or a plain number of milliseconds",
                "fetchbox.progress-interval     | 0s              | must be more than 0; use ms, s, m or h, or a plain number of milliseconds",
                "fetchbox.log-format            | logfmt          | must be one of text, json",
                "fetchbox.shutdown-timeout      | 30 s 5          | not a duration; use ms, s, m or h, or a plain number of milliseconds",
                "fetchbox.min-free-disk         | -1GB            | not a size; use bytes or a number with KB, MB or GB (powers of 1024)",
                "fetchbox.http-host             | ''              | not a host to listen on; use an address or host name",
                "fetchbox.http-host             | 10.0.0.1/8      | not a host to listen on; use an address or host name",
                "fetchbox.http-port             | 65536           | out of range; use a whole number from 0 to 65535",
                "fetchbox.http-port             | http            | not a whole number; use a whole number from 0 to 65535",
                "fetchbox.notify                | 127.0.0.1:9000  | \"127.0.0.1:9000\" is not an endpoint URI; give Camel endpoint URIs separated by commas",
                "fetchbox.notify                | hook            | \"hook\" is not an endpoint URI; give Camel endpoint URIs",
                "fetchbox.notify                | http:hook       | \"http:hook\" is not an endpoint URI; give Camel endpoint URIs",
                "fetchbox.notify                | https:///hook   | \"https:///hook\" is not an endpoint URI; give Camel endpoint URIs",
                "fetchbox.notify                | 'file:a, b c:d' | \"b c:d\" is not an endpoint URI; give Camel endpoint URIs",
                "fetchbox.broker-url            | broker:61616    | not a broker URL; leave it empty for a single node, or give an ActiveMQ Artemis URL such as tcp://broker:61616",
                "fetchbox.node-id               | 'node 1'        | not a node id; use up to 128 letters, digits, dots, dashes or underscores",
            })
    void eachTypeExplainsWhatItAccepts(String key, String value, String reason) {
        String error =
                Layer.SYSTEM_PROPERTY.set(TestSources.sources(), key, value).error();

        assertThat(error).startsWith(key + "=" + value + " (system property -D" + key + "): " + reason);
    }

    @Test
    void aMalformedNotifyEndpointIsNamedWithoutItsCredentials() {
        String error = TestSources.sources()
                .argument(
                        "--fetchbox.notify=http://example.com/a b?authPassword=s3cret,https://hook:s3cret@example.com/")
                .error();

        assertThat(error)
                .startsWith("fetchbox.notify=http://example.com/a b?authPassword=***,https://***@example.com/"
                        + " (argument --fetchbox.notify): \"http://example.com/a b?authPassword=***\" is not an"
                        + " endpoint URI")
                .doesNotContain("s3cret");
    }

    @Test
    void notifyCredentialsBeforeTheHostAreRefusedSinceTheyAreNeverSent() {
        String error = TestSources.sources()
                .argument("--fetchbox.notify=https://hook:s3cret@example.com/")
                .error();

        assertThat(error)
                .endsWith("\"https://***@example.com/\" has credentials before its host, which are never sent;"
                        + " give them as ?authMethod=Basic&authUsername=...&authPassword=...")
                .doesNotContain("s3cret");
    }

    @Test
    void notifyEndpointsAreTrimmedAndBlankEntriesSkipped() throws ConfigException {
        Settings settings = TestSources.sources()
                .argument(
                        "--fetchbox.notify= http://127.0.0.1:9000/hook ,,file:notices?fileName=${header.fetchboxBatch}.json,")
                .load();

        assertThat(settings.notifyEndpoints())
                .containsExactly("http://127.0.0.1:9000/hook", "file:notices?fileName=${header.fetchboxBatch}.json");
    }

    @Test
    void aUserAgentIsOneLine() {
        String error = TestSources.sources()
                .argument("--fetchbox.user-agent=bot\r\nX-Evil: 1")
                .error();

        assertThat(error)
                .contains("fetchbox.user-agent=", "(argument --fetchbox.user-agent): contains control characters");
    }
}
