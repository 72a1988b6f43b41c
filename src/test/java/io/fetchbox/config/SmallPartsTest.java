package io.fetchbox.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SmallPartsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "tcp://broker:61616                              | tcp://broker:61616",
                "tcp://admin:secret@broker:61616                 | tcp://***@broker:61616",
                "tcp://broker:61616?user=admin&password=secret   | tcp://broker:61616?user=***&password=***",
                "(tcp://a:p@b1:61616,tcp://c:q@b2:61616)?ha=true | (tcp://***@b1:61616,tcp://***@b2:61616)?ha=true",
            })
    void brokerCredentialsAreRedacted(String url, String shown) {
        assertThat(Redaction.redact(url)).isEqualTo(shown);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "fetchbox.max-bytes            | FETCHBOX_MAX_BYTES",
                "fetchbox.deny-private-networks | FETCHBOX_DENY_PRIVATE_NETWORKS",
                "fetchbox.inbox                | FETCHBOX_INBOX",
            })
    void environmentNames(String key, String variable) {
        assertThat(Key.toEnvName(key)).isEqualTo(variable);
        assertThat(Key.byEnvName(variable).map(k -> k.name)).contains(key);
    }
}
