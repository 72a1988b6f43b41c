package io.fetchbox.fetch;

import io.fetchbox.url.IpAddresses;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;

/**
 * The HTTP client's name resolution with the host policy applied to the result: addresses fetchbox
 * may not connect to are dropped, and a host left with none is refused before any connection is
 * made, for the listed URL and for every redirect alike. An address literal is read by fetchbox's
 * own parser, never by java.net (which reads {@code 0177.0.0.1} as 177.0.0.1), so the connection
 * goes to exactly the canonical address the policy judged (README, "Host policy").
 */
final class GuardedDnsResolver implements DnsResolver {
    private final HostPolicy policy;

    GuardedDnsResolver(HostPolicy policy) {
        this.policy = policy;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress literal = literal(host);
        InetAddress[] all =
                literal != null ? new InetAddress[] {literal} : SystemDefaultDnsResolver.INSTANCE.resolve(host);
        if (!policy.deniesPrivateNetworks()) {
            return all;
        }
        InetAddress[] allowed =
                Arrays.stream(all).filter(a -> !policy.refuses(a)).toArray(InetAddress[]::new);
        if (allowed.length == 0) {
            throw new DeniedAddressException(
                    host + " resolves only to private or local addresses (fetchbox.deny-private-networks)");
        }
        return allowed;
    }

    /** The address a literal host names (with or without brackets), or null for a name. */
    static InetAddress literal(String host) throws UnknownHostException {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        byte[] address = bare.contains(":")
                ? IpAddresses.parseIpv6(bare)
                : !bare.isEmpty() && Character.isDigit(bare.charAt(bare.length() - 1))
                        ? IpAddresses.parseIpv4(bare)
                        : null;
        return address == null ? null : InetAddress.getByAddress(address);
    }

    @Override
    public String resolveCanonicalHostname(String host) throws UnknownHostException {
        return SystemDefaultDnsResolver.INSTANCE.resolveCanonicalHostname(host);
    }
}
