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
                "                  | 127.*           | 127.0.0.1         | false"
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
        "2001:4860:4860::8888, false"
    })
    void privateAndLocalAddressesAreRefused(String address, boolean refused) throws UnknownHostException {
        HostPolicy policy = new HostPolicy(List.of(), List.of(), true);

        assertThat(policy.refuses(InetAddress.getByName(address))).isEqualTo(refused);
    }

    private static List<String> globs(String commaList) {
        return commaList == null ? List.of() : Arrays.asList(commaList.split(","));
    }
}
