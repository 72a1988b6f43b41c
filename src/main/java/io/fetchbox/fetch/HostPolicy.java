package io.fetchbox.fetch;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which hosts may be asked (SPEC section 5): {@code allow-hosts} and {@code deny-hosts} globs on the
 * host name ({@code *} matches any run of characters, dots included; deny wins), and, with
 * {@code deny-private-networks}, no loopback, private, link-local, unique-local or unspecified
 * address, judged on the addresses the name resolves to, so that a public name pointing inward is
 * refused too.
 */
public final class HostPolicy {
    private final List<Pattern> allow;
    private final List<Pattern> deny;
    private final boolean denyPrivateNetworks;

    public HostPolicy(List<String> allowGlobs, List<String> denyGlobs, boolean denyPrivateNetworks) {
        this.allow = allowGlobs.stream().map(HostPolicy::glob).toList();
        this.deny = denyGlobs.stream().map(HostPolicy::glob).toList();
        this.denyPrivateNetworks = denyPrivateNetworks;
    }

    /** Null when the host name may be asked, else why not. */
    public String problemWithName(String host) {
        if (deny.isEmpty() && allow.isEmpty()) {
            return null;
        }
        String name = host.toLowerCase(Locale.ROOT);
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        String candidate = name;
        if (deny.stream().anyMatch(p -> p.matcher(candidate).matches())) {
            return "host " + host + " matches fetchbox.deny-hosts";
        }
        if (!allow.isEmpty()
                && allow.stream().noneMatch(p -> p.matcher(candidate).matches())) {
            return "host " + host + " is not in fetchbox.allow-hosts";
        }
        return null;
    }

    public boolean deniesPrivateNetworks() {
        return denyPrivateNetworks;
    }

    /** Whether connecting to this address is refused. */
    public boolean refuses(InetAddress address) {
        return denyPrivateNetworks && isPrivate(address);
    }

    static boolean isPrivate(InetAddress address) {
        if (address.isLoopbackAddress()
                || address.isAnyLocalAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()) {
            return true;
        }
        byte[] raw = address.getAddress();
        if (address instanceof Inet6Address) {
            // fc00::/7 unique-local; an IPv4-mapped address is judged as the IPv4 address
            if ((raw[0] & 0xfe) == 0xfc) {
                return true;
            }
            if (isIpv4Mapped(raw)) {
                try {
                    return isPrivate(InetAddress.getByAddress(java.util.Arrays.copyOfRange(raw, 12, 16)));
                } catch (java.net.UnknownHostException e) {
                    return true;
                }
            }
            return false;
        }
        // 100.64.0.0/10 carrier-grade NAT and 0.0.0.0/8 are not reachable public addresses either
        return (raw[0] & 0xff) == 100 && (raw[1] & 0xc0) == 64 || (raw[0] & 0xff) == 0;
    }

    private static boolean isIpv4Mapped(byte[] raw) {
        for (int i = 0; i < 10; i++) {
            if (raw[i] != 0) {
                return false;
            }
        }
        return (raw[10] & 0xff) == 0xff && (raw[11] & 0xff) == 0xff;
    }

    private static Pattern glob(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toLowerCase(Locale.ROOT).toCharArray()) {
            regex.append(c == '*' ? ".*" : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(regex.toString());
    }
}
