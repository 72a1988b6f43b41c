package io.fetchbox.fetch;

import io.fetchbox.url.CanonicalHost;
import io.fetchbox.url.InvalidUrlException;
import io.fetchbox.url.IpAddresses;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which hosts may be asked (README, "Host policy"), always judged on the canonical host
 * ({@link CanonicalHost}), the one the connection goes to: {@code allow-hosts} and
 * {@code deny-hosts} globs ({@code *} matches any run of characters, dots included; deny wins),
 * where an IPv6 address that carries an IPv4 address is also matched as that IPv4 address; and,
 * with {@code deny-private-networks}, no address of a range that is not globally reachable
 * ({@link SpecialPurposeAddresses}), judged on the address itself when the host is one, and on the
 * addresses a name resolves to ({@link GuardedDnsResolver}) so that a public name pointing inward
 * is refused too.
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

    /** Null when the host may be asked, else why not. */
    public String problemWithName(String host) {
        if (deny.isEmpty() && allow.isEmpty() && !denyPrivateNetworks) {
            return null;
        }
        String canonical;
        try {
            canonical = CanonicalHost.of(host);
        } catch (InvalidUrlException e) {
            return "host is not valid: " + e.getMessage();
        }
        byte[] address = CanonicalHost.address(canonical);
        List<String> candidates = candidates(canonical, address);
        if (candidates.stream().anyMatch(c -> matchesAny(deny, c))) {
            return "host " + canonical + " matches fetchbox.deny-hosts";
        }
        if (!allow.isEmpty() && candidates.stream().noneMatch(c -> matchesAny(allow, c))) {
            return "host " + canonical + " is not in fetchbox.allow-hosts";
        }
        if (denyPrivateNetworks && address != null && SpecialPurposeAddresses.isNotGlobal(address)) {
            return "host " + canonical + " is not a globally reachable address (fetchbox.deny-private-networks)";
        }
        return null;
    }

    /** The canonical host without brackets, and the IPv4 address an IPv6 one carries. */
    private static List<String> candidates(String canonical, byte[] address) {
        List<String> candidates = new ArrayList<>(2);
        candidates.add(canonical.startsWith("[") ? canonical.substring(1, canonical.length() - 1) : canonical);
        byte[] embedded = address == null ? null : CanonicalHost.embeddedIpv4(address);
        if (embedded != null) {
            candidates.add(IpAddresses.formatIpv4(embedded, 0));
        }
        return candidates;
    }

    private static boolean matchesAny(List<Pattern> globs, String candidate) {
        return globs.stream().anyMatch(p -> p.matcher(candidate).matches());
    }

    public boolean deniesPrivateNetworks() {
        return denyPrivateNetworks;
    }

    /** Whether connecting to this address is refused. */
    public boolean refuses(InetAddress address) {
        return denyPrivateNetworks && SpecialPurposeAddresses.isNotGlobal(address.getAddress());
    }

    private static Pattern glob(String glob) {
        StringBuilder regex = new StringBuilder();
        String lower = glob.toLowerCase(Locale.ROOT);
        if (lower.startsWith("[") && lower.endsWith("]")) {
            lower = lower.substring(1, lower.length() - 1);
        }
        for (char c : lower.toCharArray()) {
            regex.append(c == '*' ? ".*" : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(regex.toString());
    }
}
