package io.fetchbox.fetch;

import io.fetchbox.url.CanonicalHost;
import io.fetchbox.url.IpAddresses;
import java.util.List;

/**
 * The address ranges of the IANA special-purpose registries (IPv4 and IPv6) that are not globally
 * reachable, which {@code fetchbox.deny-private-networks} refuses (README, "Host policy"). An IPv6
 * address that carries an IPv4 address (IPv4-mapped, IPv4-compatible, NAT64 {@code 64:ff9b::/96})
 * is judged by that IPv4 address, since that is where it leads.
 */
final class SpecialPurposeAddresses {

    /** A prefix: the address bytes and how many leading bits must match. */
    private record Range(byte[] prefix, int bits) {
        boolean contains(byte[] address) {
            if (address.length != prefix.length) {
                return false;
            }
            for (int bit = 0; bit < bits; bit += 8) {
                int mask = bits - bit >= 8 ? 0xff : (0xff << (8 - (bits - bit))) & 0xff;
                if ((address[bit / 8] & mask) != (prefix[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    private static final List<Range> IPV4 = ranges(
            "0.0.0.0/8", // "this network"
            "10.0.0.0/8", // private
            "100.64.0.0/10", // shared address space (carrier-grade NAT)
            "127.0.0.0/8", // loopback
            "169.254.0.0/16", // link-local (cloud metadata services)
            "172.16.0.0/12", // private
            "192.0.0.0/24", // IETF protocol assignments
            "192.0.2.0/24", // documentation
            "192.88.99.0/24", // 6to4 relay anycast (deprecated)
            "192.168.0.0/16", // private
            "198.18.0.0/15", // benchmarking
            "198.51.100.0/24", // documentation
            "203.0.113.0/24", // documentation
            "224.0.0.0/4", // multicast
            "240.0.0.0/4"); // reserved, and 255.255.255.255 broadcast

    private static final List<Range> IPV6 = ranges(
            "::/128", // unspecified
            "::1/128", // loopback
            "100::/64", // discard-only
            "64:ff9b:1::/48", // local-use IPv4/IPv6 translation
            "2001::/23", // IETF protocol assignments, Teredo among them
            "2001:db8::/32", // documentation
            "2002::/16", // 6to4: the address carries an IPv4 address of its own
            "3fff::/20", // documentation
            "5f00::/16", // segment routing SIDs
            "fc00::/7", // unique-local
            "fe80::/10", // link-local
            "fec0::/10", // site-local (deprecated, still routed inward where used)
            "ff00::/8"); // multicast

    private SpecialPurposeAddresses() {}

    /** Whether an address (4 or 16 bytes) is in a range that is not globally reachable. */
    static boolean isNotGlobal(byte[] address) {
        if (address.length == 16) {
            byte[] embedded = CanonicalHost.embeddedIpv4(address);
            if (embedded != null && !isZeroOrOne(address)) {
                return isNotGlobal(embedded);
            }
            return IPV6.stream().anyMatch(r -> r.contains(address));
        }
        return IPV4.stream().anyMatch(r -> r.contains(address));
    }

    /** {@code ::} and {@code ::1} are in ::/96 too, but are IPv6's own unspecified and loopback. */
    private static boolean isZeroOrOne(byte[] address) {
        for (int i = 0; i < 15; i++) {
            if (address[i] != 0) {
                return false;
            }
        }
        return (address[15] & 0xfe) == 0;
    }

    private static List<Range> ranges(String... cidrs) {
        return List.of(cidrs).stream()
                .map(cidr -> {
                    int slash = cidr.indexOf('/');
                    String text = cidr.substring(0, slash);
                    byte[] prefix = text.contains(":") ? IpAddresses.parseIpv6(text) : IpAddresses.parseIpv4(text);
                    return new Range(prefix, Integer.parseInt(cidr.substring(slash + 1)));
                })
                .toList();
    }
}
