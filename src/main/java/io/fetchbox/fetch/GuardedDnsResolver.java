package io.fetchbox.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;

/**
 * The HTTP client's name resolution with the host policy applied to the result: addresses fetchbox
 * may not connect to are dropped, and a host left with none is refused before any connection is
 * made, for the listed URL and for every redirect alike.
 */
final class GuardedDnsResolver implements DnsResolver {
    private final HostPolicy policy;

    GuardedDnsResolver(HostPolicy policy) {
        this.policy = policy;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress[] all = SystemDefaultDnsResolver.INSTANCE.resolve(host);
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

    @Override
    public String resolveCanonicalHostname(String host) throws UnknownHostException {
        return SystemDefaultDnsResolver.INSTANCE.resolveCanonicalHostname(host);
    }
}
