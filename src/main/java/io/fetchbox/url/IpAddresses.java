package io.fetchbox.url;

import java.util.ArrayList;
import java.util.List;

/**
 * IP address literals read as the WHATWG URL standard (and curl) read them, never by java.net, which
 * reads {@code 0177.0.0.1} as 177.0.0.1 where browsers and curl connect to 127.0.0.1 (README, "Host
 * policy").
 */
public final class IpAddresses {

    private IpAddresses() {}

    /**
     * Whether a lower-case host "ends in a number" (WHATWG): then it must be an IPv4 address, and a
     * host such as {@code foo.1} or {@code 1.2.3.09} is no host at all.
     */
    static boolean endsInNumber(String host) {
        List<String> parts = split(host);
        if (parts.get(parts.size() - 1).isEmpty()) {
            if (parts.size() == 1) {
                return false;
            }
            parts.remove(parts.size() - 1);
        }
        String last = parts.get(parts.size() - 1);
        return !last.isEmpty() && (last.chars().allMatch(c -> c >= '0' && c <= '9') || number(last) >= 0);
    }

    /**
     * An IPv4 address of 1 to 4 parts, each decimal, octal (a leading 0) or hex ({@code 0x}), the
     * last filling the remaining bytes: {@code 127.1}, {@code 2130706433} and {@code 0x7f.0.0.1} are
     * all 127.0.0.1. Returns the 4 bytes, or null when it is not one (a part too large included).
     */
    public static byte[] parseIpv4(String text) {
        List<String> parts = split(text);
        if (parts.get(parts.size() - 1).isEmpty() && parts.size() > 1) {
            parts.remove(parts.size() - 1); // one trailing dot: 127.0.0.1.
        }
        if (parts.size() > 4) {
            return null;
        }
        long[] numbers = new long[parts.size()];
        for (int i = 0; i < numbers.length; i++) {
            numbers[i] = number(parts.get(i));
            if (numbers[i] < 0 || (i < numbers.length - 1 && numbers[i] > 255)) {
                return null;
            }
        }
        long last = numbers[numbers.length - 1];
        if (last >= 1L << (8 * (5 - numbers.length))) {
            return null;
        }
        long address = last;
        for (int i = 0; i < numbers.length - 1; i++) {
            address += numbers[i] << (8 * (3 - i));
        }
        return new byte[] {(byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) address};
    }

    /** One IPv4 part, or -1; values over 2^32 are cut at 2^32 (too large either way). */
    private static long number(String part) {
        if (part.isEmpty()) {
            return -1;
        }
        int radix = 10;
        String digits = part;
        if (part.startsWith("0x") || part.startsWith("0X")) {
            radix = 16;
            digits = part.substring(2);
        } else if (part.length() > 1 && part.charAt(0) == '0') {
            radix = 8;
            digits = part.substring(1);
        }
        long value = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = Character.digit(digits.charAt(i), radix);
            if (digit < 0 || digits.charAt(i) > 'z') {
                return -1;
            }
            value = Math.min(value * radix + digit, 1L << 32);
        }
        return value;
    }

    private static List<String> split(String text) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int dot; (dot = text.indexOf('.', start)) >= 0; start = dot + 1) {
            parts.add(text.substring(start, dot));
        }
        parts.add(text.substring(start));
        return parts;
    }

    /** {@code 127.0.0.1}. */
    public static String formatIpv4(byte[] address, int offset) {
        return (address[offset] & 0xff) + "." + (address[offset + 1] & 0xff) + "." + (address[offset + 2] & 0xff) + "."
                + (address[offset + 3] & 0xff);
    }

    /**
     * An IPv6 address without brackets as the WHATWG URL standard reads it: eight hex pieces, one
     * {@code ::}, an IPv4 tail in strict dotted decimal; no zone. Returns the 16 bytes, or null.
     */
    public static byte[] parseIpv6(String text) {
        int[] pieces = new int[8];
        int piece = 0;
        int compress = -1;
        int p = 0;
        int length = text.length();
        if (p < length && text.charAt(p) == ':') {
            if (p + 1 >= length || text.charAt(p + 1) != ':') {
                return null;
            }
            p += 2;
            piece++;
            compress = piece;
        }
        while (p < length) {
            if (piece == 8) {
                return null;
            }
            if (text.charAt(p) == ':') {
                if (compress != -1) {
                    return null;
                }
                p++;
                piece++;
                compress = piece;
                continue;
            }
            int value = 0;
            int digits = 0;
            while (digits < 4 && p < length && Character.digit(text.charAt(p), 16) >= 0 && text.charAt(p) < 128) {
                value = value * 16 + Character.digit(text.charAt(p), 16);
                p++;
                digits++;
            }
            if (p < length && text.charAt(p) == '.') {
                if (digits == 0 || piece > 6) {
                    return null;
                }
                p -= digits;
                if (!ipv4Tail(text, p, pieces, piece)) {
                    return null;
                }
                piece += 2;
                p = length;
                break;
            } else if (p < length && text.charAt(p) == ':') {
                p++;
                if (p >= length) {
                    return null;
                }
            } else if (p < length) {
                return null;
            }
            pieces[piece++] = value;
        }
        if (compress != -1) {
            int swaps = piece - compress;
            piece = 7;
            while (piece != 0 && swaps > 0) {
                int held = pieces[piece];
                pieces[piece] = pieces[compress + swaps - 1];
                pieces[compress + swaps - 1] = held;
                piece--;
                swaps--;
            }
        } else if (piece != 8) {
            return null;
        }
        byte[] bytes = new byte[16];
        for (int i = 0; i < 8; i++) {
            bytes[2 * i] = (byte) (pieces[i] >>> 8);
            bytes[2 * i + 1] = (byte) pieces[i];
        }
        return bytes;
    }

    /** Four decimal numbers 0-255 without leading zeros, into pieces[at] and pieces[at + 1]. */
    private static boolean ipv4Tail(String text, int p, int[] pieces, int at) {
        String[] numbers = text.substring(p).split("\\.", -1);
        if (numbers.length != 4) {
            return false;
        }
        int[] bytes = new int[4];
        for (int i = 0; i < 4; i++) {
            String n = numbers[i];
            if (n.isEmpty() || n.length() > 3 || (n.length() > 1 && n.charAt(0) == '0')) {
                return false;
            }
            for (int j = 0; j < n.length(); j++) {
                if (n.charAt(j) < '0' || n.charAt(j) > '9') {
                    return false;
                }
            }
            bytes[i] = Integer.parseInt(n);
            if (bytes[i] > 255) {
                return false;
            }
        }
        pieces[at] = bytes[0] << 8 | bytes[1];
        pieces[at + 1] = bytes[2] << 8 | bytes[3];
        return true;
    }

    /**
     * RFC 5952 section 4 text (the WHATWG serialisation): lower-case hex without leading zeros, the
     * longest run of two or more zero pieces (the first of equal ones) as {@code ::}, no dotted tail.
     */
    public static String formatIpv6(byte[] address) {
        int[] pieces = new int[8];
        for (int i = 0; i < 8; i++) {
            pieces[i] = (address[2 * i] & 0xff) << 8 | (address[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && pieces[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append(i == 0 ? "::" : ":");
                i += bestLength - 1;
                continue;
            }
            out.append(Integer.toHexString(pieces[i]));
            if (i < 7) {
                out.append(':');
            }
        }
        return out.toString();
    }
}
