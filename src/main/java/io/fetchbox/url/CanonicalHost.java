package io.fetchbox.url;

import java.net.IDN;
import java.util.Arrays;
import java.util.Locale;

/**
 * The one spelling of a host that host keys, the host policy and the connection all use (README,
 * "Host policy"): lower case, no trailing dot, an international name in its ASCII form, an IPv4
 * address in dotted decimal however it was written, an IPv6 address compressed in brackets.
 */
public final class CanonicalHost {

    private static final String BAD_NAME = "unparseable URL: bad host name";
    private static final String BAD_IPV4 = "unparseable URL: bad IPv4 address";
    private static final String BAD_IPV6 = "unparseable URL: bad IPv6 address";

    private static final byte[] IPV4_MAPPED_PREFIX = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff};
    private static final byte[] IPV4_COMPATIBLE_PREFIX = new byte[12];
    private static final byte[] NAT64_PREFIX = {0, 0x64, (byte) 0xff, (byte) 0x9b, 0, 0, 0, 0, 0, 0, 0, 0};

    private CanonicalHost() {}

    /** The canonical form of a URL's host as written (brackets around IPv6), or why it is no host. */
    public static String of(String given) throws InvalidUrlException {
        if (given.isEmpty()) {
            throw new InvalidUrlException("no host");
        }
        if (given.startsWith("[")) {
            byte[] address = given.endsWith("]") ? IpAddresses.parseIpv6(given.substring(1, given.length() - 1)) : null;
            if (address == null) {
                throw new InvalidUrlException(BAD_IPV6);
            }
            return "[" + IpAddresses.formatIpv6(address) + "]";
        }
        String ascii = given;
        if (!isAscii(given)) {
            try {
                ascii = IDN.toASCII(given, IDN.ALLOW_UNASSIGNED);
            } catch (IllegalArgumentException e) {
                throw new InvalidUrlException(BAD_NAME);
            }
        }
        String lower = ascii.toLowerCase(Locale.ROOT);
        if (IpAddresses.endsInNumber(lower)) {
            byte[] address = IpAddresses.parseIpv4(lower);
            if (address == null) {
                throw new InvalidUrlException(BAD_IPV4);
            }
            return IpAddresses.formatIpv4(address, 0);
        }
        String name = lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
        if (!isHostName(name)) {
            throw new InvalidUrlException(BAD_NAME);
        }
        return name;
    }

    /** The address of a canonical host that is an IP literal (4 or 16 bytes), or null for a name. */
    public static byte[] address(String canonical) {
        if (canonical.startsWith("[")) {
            return IpAddresses.parseIpv6(canonical.substring(1, canonical.length() - 1));
        }
        return !canonical.isEmpty() && IpAddresses.endsInNumber(canonical) ? IpAddresses.parseIpv4(canonical) : null;
    }

    /**
     * The IPv4 address an IPv6 address carries (IPv4-mapped {@code ::ffff:0:0/96}, IPv4-compatible
     * {@code ::/96}, NAT64 {@code 64:ff9b::/96}) as 4 bytes, or null: such a host reaches that IPv4
     * address, so it is judged as it.
     */
    public static byte[] embeddedIpv4(byte[] ipv6) {
        if (ipv6.length != 16) {
            return null;
        }
        byte[] prefix = Arrays.copyOf(ipv6, 12);
        if (Arrays.equals(prefix, IPV4_MAPPED_PREFIX)
                || Arrays.equals(prefix, IPV4_COMPATIBLE_PREFIX)
                || Arrays.equals(prefix, NAT64_PREFIX)) {
            return Arrays.copyOfRange(ipv6, 12, 16);
        }
        return null;
    }

    /** Dot-separated labels of letters, digits, '-' and '_' (curl and browsers accept '_'). */
    private static boolean isHostName(String lower) {
        boolean labelStart = true;
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (c == '.') {
                if (labelStart) {
                    return false; // an empty label: ".x", "a..b"
                }
                labelStart = true;
            } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_') {
                labelStart = false;
            } else {
                return false;
            }
        }
        return !labelStart;
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 128) {
                return false;
            }
        }
        return true;
    }
}
