package io.fetchbox.url;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One canonical host (README, "Host policy"): every spelling of an address that browsers and curl
 * read as one address comes out as that address's one spelling, in the host, the host key and the
 * request URI alike. Parsing only: nothing here goes to the network.
 */
class CanonicalHostTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # as written                | canonical
            example.com                 | example.com
            Example.COM                 | example.com
            example.com.                | example.com
            localhost.                  | localhost
            LOCALHOST                   | localhost
            bücher.de                   | xn--bcher-kva.de
            BÜCHER.de.                  | xn--bcher-kva.de
            １２７．０．０．１          | 127.0.0.1
            127.0.0.1                   | 127.0.0.1
            127.0.0.1.                  | 127.0.0.1
            127.1                       | 127.0.0.1
            127.0.1                     | 127.0.0.1
            2130706433                  | 127.0.0.1
            0x7f000001                  | 127.0.0.1
            0X7F.1                      | 127.0.0.1
            0x7f.1                      | 127.0.0.1
            0177.0.0.1                  | 127.0.0.1
            0177.1                      | 127.0.0.1
            017700000001                | 127.0.0.1
            127.000.000.001             | 127.0.0.1
            127.0x0.0.01                | 127.0.0.1
            0                           | 0.0.0.0
            0x                          | 0.0.0.0
            00                          | 0.0.0.0
            4294967295                  | 255.255.255.255
            1.16777215                  | 1.255.255.255
            1.2.65535                   | 1.2.255.255
            10.0.0.0011                 | 10.0.0.9
            192.168.257                 | 192.168.1.1
            [::1]                       | [::1]
            [0:0:0:0:0:0:0:1]           | [::1]
            [::0:1]                     | [::1]
            [::]                        | [::]
            [0::0]                      | [::]
            [2001:DB8::1]               | [2001:db8::1]
            [2001:0db8:0000:0000:0000:0000:0000:0001] | [2001:db8::1]
            [2001:db8:0:0:1:0:0:1]      | [2001:db8::1:0:0:1]
            [2001:0:0:1:0:0:0:1]        | [2001:0:0:1::1]
            [2001:db8::0:1:0:1]         | [2001:db8::1:0:1]
            [2001:db8:1:1:1:1:1:0]      | [2001:db8:1:1:1:1:1:0]
            [2001:db8:0:1:1:1:1:1]      | [2001:db8:0:1:1:1:1:1]
            [fe80::]                    | [fe80::]
            [::ffff:127.0.0.1]          | [::ffff:7f00:1]
            [::FFFF:7F00:1]             | [::ffff:7f00:1]
            [::127.0.0.1]               | [::7f00:1]
            [64:ff9b::127.0.0.1]        | [64:ff9b::7f00:1]
            [1:2:3:4:5:6:1.2.3.4]       | [1:2:3:4:5:6:102:304]
            """)
    void everySpellingOfAHostHasOneCanonicalForm(String given, String canonical) {
        ParsedUrl url = ParsedUrl.parse("http://" + given + ":8080/x");

        assertThat(url.host()).isEqualTo(canonical);
        assertThat(url.hostKey()).isEqualTo("http://" + canonical + ":8080");
        assertThat(url.requestUri()).hasToString("http://" + canonical + ":8080/x");
        assertThat(url.requestUri().getHost()).isEqualTo(canonical);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # a numeric last label that is not a WHATWG IPv4 address makes the host invalid
            4294967296                  | unparseable URL: bad IPv4 address
            256.0.0.1                   | unparseable URL: bad IPv4 address
            127.0.0.256                 | unparseable URL: bad IPv4 address
            1.2.3.4.5                   | unparseable URL: bad IPv4 address
            1.256.65536                 | unparseable URL: bad IPv4 address
            1.2.3.09                    | unparseable URL: bad IPv4 address
            08                          | unparseable URL: bad IPv4 address
            0x7g.0.0.1                  | unparseable URL: bad IPv4 address
            127..1                      | unparseable URL: bad IPv4 address
            example.1                   | unparseable URL: bad IPv4 address
            example.com.0x              | unparseable URL: bad IPv4 address
            1.2.3.4..                   | unparseable URL: bad host name
            a..b                        | unparseable URL: bad host name
            .example.com                | unparseable URL: bad host name
            .                           | unparseable URL: bad host name
            exa mple.com                | unparseable URL: bad host name
            ex%41mple.com               | unparseable URL: bad host name
            [::1                        | unparseable URL: bad IPv6 address
            [zz::1]                     | unparseable URL: bad IPv6 address
            [1:2:3:4:5:6:7:8:9]         | unparseable URL: bad IPv6 address
            [1:2:3:4:5:6:7]             | unparseable URL: bad IPv6 address
            [1::2::3]                   | unparseable URL: bad IPv6 address
            [:1]                        | unparseable URL: bad IPv6 address
            [1:]                        | unparseable URL: bad IPv6 address
            [12345::1]                  | unparseable URL: bad IPv6 address
            [fe80::1%25eth0]            | unparseable URL: bad IPv6 address
            [::ffff:127.0.0.01]         | unparseable URL: bad IPv6 address
            [::ffff:127.1]              | unparseable URL: bad IPv6 address
            [::ffff:256.0.0.1]          | unparseable URL: bad IPv6 address
            [1:2:3:4:5:6:7:1.2.3.4]     | unparseable URL: bad IPv6 address
            [127.0.0.1]                 | unparseable URL: bad IPv6 address
            """)
    void aHostThatIsNoAddressAndNoNameIsInvalid(String given, String reason) {
        assertThat(ParsedUrl.problem("http://" + given + "/x")).isEqualTo(reason);
    }
}
