package io.fetchbox.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Host globs are written in the canonical form hosts are judged in (README, "Host policy"). */
class HostGlobsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            LOCALHOST.          | localhost
            127.1               | 127.0.0.1
            2130706433          | 127.0.0.1
            0177.0.0.1          | 127.0.0.1
            127.0.0.1.          | 127.0.0.1
            [0:0:0:0:0:0:0:1]   | [::1]
            ::1                 | [::1]
            ::FFFF:127.0.0.1    | [::ffff:7f00:1]
            bücher.de           | xn--bcher-kva.de
            *.Example.COM.      | *.example.com
            10.0.0.*            | 10.0.0.*
            """)
    void anEntryIsWrittenAsTheCanonicalHost(String entry, String glob) {
        assertThat(HostGlobs.parse(entry)).isEqualTo(List.of(glob));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a.com:8080
            https://a.com
            256.0.0.1
            foo.1
            [::1
            [localhost]
            a..b
            """)
    void anEntryThatCannotBeAHostIsRefused(String entry) {
        assertThatThrownBy(() -> HostGlobs.parse(entry))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a host glob");
    }
}
