package io.fetchbox.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An address literal is read by fetchbox's parser, never by java.net, and judged without any name
 * lookup (README, "Host policy"). Parsing only: nothing here connects.
 */
class GuardedDnsResolverTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            127.0.0.1           | 127.0.0.1
            0177.0.0.1          | 127.0.0.1
            2130706433          | 127.0.0.1
            8.8.8.8             | 8.8.8.8
            [::1]               | 0:0:0:0:0:0:0:1
            ::1                 | 0:0:0:0:0:0:0:1
            [::ffff:7f00:1]     | 127.0.0.1
            [2001:db8::1]       | 2001:db8:0:0:0:0:0:1
            example.com         | null
            host1               | null
            """)
    void aLiteralIsReadByFetchboxsOwnParser(String host, String address) throws UnknownHostException {
        InetAddress literal = GuardedDnsResolver.literal(host);

        assertThat(literal == null ? null : literal.getHostAddress()).isEqualTo(address);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"127.0.0.1", "0177.0.0.1", "[::1]", "[::ffff:7f00:1]", "[::7f00:1]", "[64:ff9b::7f00:1]", "10.1.2.3"})
    void aPrivateLiteralIsRefusedWithoutALookup(String host) {
        GuardedDnsResolver resolver = new GuardedDnsResolver(new HostPolicy(List.of(), List.of(), true));

        assertThatThrownBy(() -> resolver.resolve(host)).isInstanceOf(DeniedAddressException.class);
    }
}
