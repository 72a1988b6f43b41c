package io.fetchbox.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HostPolicyTest {
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                // allow | deny | host | allowed
                "                  |                 | anything.org      | true",
                "*.example.com     |                 | a.b.example.com   | true",
                "*.example.com     |                 | example.com       | false",
                "*.example.com     |                 | EXAMPLE.COM.evil  | false",
                "                  | *.example.com   | CDN.Example.com   | false",
                "*.example.com     | bad.example.com | bad.example.com   | false",
                "example.com,*.org |                 | x.org             | true",
                "                  | 127.*           | 127.0.0.1         | false",
                // the canonical host is judged, however the URL spelled it
                "                  | localhost       | localhost.        | false",
                "                  | localhost       | LocalHost.        | false",
                "                  | 127.0.0.1       | 2130706433        | false",
                "                  | 127.0.0.1       | 127.000.000.001   | false",
                "                  | 127.0.0.1       | 127.0.0.1.        | false",
                "                  | 127.0.0.1       | 127.1             | false",
                "                  | 127.0.0.1       | 0x7f.1            | false",
                "                  | 127.0.0.1       | 0177.0.0.1        | false",
                "                  | 127.0.0.1       | 0177.1            | false",
                "                  | 127.0.0.1       | [::ffff:127.0.0.1] | false",
                "                  | 127.0.0.1       | [::ffff:7f00:1]   | false",
                "                  | 127.0.0.1       | [::127.0.0.1]     | false",
                "                  | 127.0.0.1       | [64:ff9b::7f00:1] | false",
                "                  | 127.*           | [::ffff:7f00:1]   | false",
                "                  | 177.0.0.1       | 0177.0.0.1        | true",
                "                  | 127.0.0.1       | 127.0.0.2         | true",
                "                  | 127.0.0.1       | [::1]             | true",
                "                  | [::1]           | [0:0:0:0:0:0:0:1] | false",
                "                  | [::1]           | [::1]             | false",
                "127.0.0.1         |                 | [::ffff:127.0.0.1] | true",
                "example.com       |                 | EXAMPLE.com.      | true"
            })
    void globsAllowAndDenyHostsDenyWinning(String allow, String deny, String host, boolean allowed) {
        HostPolicy policy = new HostPolicy(globs(allow), globs(deny), false);

        assertThat(policy.problemWithName(host) == null).isEqualTo(allowed);
    }

    @ParameterizedTest
    @CsvSource({
        "127.0.0.1, true",
        "10.1.2.3, true",
        "172.16.0.1, true",
        "192.168.1.1, true",
        "169.254.169.254, true",
        "0.0.0.0, true",
        "100.64.0.1, true",
        "8.8.8.8, false",
        "::1, true",
        "fe80::1, true",
        "fd00::1, true",
        "::ffff:10.0.0.1, true",
        "2001:4860:4860::8888, false",
        // every special-purpose range that is not globally reachable, at both of its ends
        "0.0.0.0, true",
        "0.255.255.255, true",
        "1.0.0.0, false",
        "9.255.255.255, false",
        "10.0.0.0, true",
        "10.255.255.255, true",
        "11.0.0.0, false",
        "100.63.255.255, false",
        "100.64.0.0, true",
        "100.127.255.255, true",
        "100.128.0.0, false",
        "126.255.255.255, false",
        "127.0.0.0, true",
        "127.255.255.255, true",
        "128.0.0.0, false",
        "169.253.255.255, false",
        "169.254.0.0, true",
        "169.254.255.255, true",
        "169.255.0.0, false",
        "172.15.255.255, false",
        "172.16.0.0, true",
        "172.31.255.255, true",
        "172.32.0.0, false",
        "192.0.0.0, true",
        "192.0.0.255, true",
        "192.0.1.0, false",
        "192.0.2.0, true",
        "192.0.2.255, true",
        "192.0.3.0, false",
        "192.167.255.255, false",
        "192.168.0.0, true",
        "192.168.255.255, true",
        "192.169.0.0, false",
        "198.17.255.255, false",
        "198.18.0.0, true",
        "198.19.255.255, true",
        "198.20.0.0, false",
        "198.51.99.255, false",
        "198.51.100.0, true",
        "198.51.100.255, true",
        "198.51.101.0, false",
        "203.0.112.255, false",
        "203.0.113.0, true",
        "203.0.113.255, true",
        "203.0.114.0, false",
        "223.255.255.255, false",
        "224.0.0.0, true",
        "239.255.255.255, true",
        "240.0.0.0, true",
        "255.255.255.255, true",
        "::, true",
        "::1, true",
        "::2, true",
        "fc00::, true",
        "fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff, true",
        "fbff:ffff:ffff:ffff:ffff:ffff:ffff:ffff, false",
        "fe00::, false",
        "fe80::, true",
        "febf:ffff:ffff:ffff:ffff:ffff:ffff:ffff, true",
        "ff00::, true",
        "ff02::1, true",
        "2001:db8::, true",
        "2001:db8:ffff:ffff:ffff:ffff:ffff:ffff, true",
        "2001:db9::, false",
        "100::, true",
        "100::ffff:ffff:ffff:ffff, true",
        "100:0:0:1::, false",
        "2606:4700::1111, false",
        // an IPv6 address that carries an IPv4 address is judged by it
        "::ffff:127.0.0.1, true",
        "::ffff:8.8.8.8, false",
        "::127.0.0.1, true",
        "::10.0.0.1, true",
        "::8.8.8.8, false",
        "64:ff9b::7f00:1, true",
        "64:ff9b::a9fe:a9fe, true",
        "64:ff9b::808:808, false",
        "64:ff9b:1::808:808, true"
    })
    void privateAndLocalAddressesAreRefused(String address, boolean refused) throws UnknownHostException {
        HostPolicy policy = new HostPolicy(List.of(), List.of(), true);

        assertThat(policy.refuses(InetAddress.getByName(address))).isEqualTo(refused);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                // a literal address is refused before any connection, however it is spelled
                "127.0.0.1             | true",
                "2130706433            | true",
                "127.000.000.001       | true",
                "127.0.0.1.            | true",
                "0177.0.0.1            | true",
                "0x7f.1                | true",
                "[::1]                 | true",
                "[::ffff:127.0.0.1]    | true",
                "[::127.0.0.1]         | true",
                "[64:ff9b::7f00:1]     | true",
                "[64:ff9b::a9fe:a9fe]  | true",
                "169.254.169.254       | true",
                "0                     | true",
                "8.8.8.8               | false",
                "[2606:4700::1111]     | false",
                "example.com           | false"
            })
    void privateLiteralHostsAreRefusedByName(String host, boolean refused) {
        HostPolicy policy = new HostPolicy(List.of(), List.of(), true);
        HostPolicy open = new HostPolicy(List.of(), List.of(), false);

        assertThat(policy.problemWithName(host) != null).isEqualTo(refused);
        assertThat(open.problemWithName(host)).isNull();
    }

    private static List<String> globs(String commaList) {
        return commaList == null ? List.of() : Arrays.asList(commaList.split(","));
    }
}
