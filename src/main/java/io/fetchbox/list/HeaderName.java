package io.fetchbox.list;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which header names a list may set: an RFC 7230 token, so a list cannot smuggle a malformed header
 * into a request; not one of Camel's own ({@code Camel*}), which steer the HTTP and file components
 * (method, URI, file name) rather than reach the server; and not one that frames the message, which
 * the HTTP client owns.
 */
final class HeaderName {

    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final Set<String> FRAMING =
            Set.of("content-length", "transfer-encoding", "connection", "keep-alive", "upgrade", "te", "trailer");

    private HeaderName() {}

    static boolean isToken(String name) {
        return name != null && TOKEN.matcher(name).matches();
    }

    /** Null when the list may set this header, else why not. */
    static String problem(String name) {
        if (!isToken(name)) {
            return "not a valid header name";
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.startsWith("camel")) {
            return "Camel's internal headers cannot be set from a list";
        }
        if (FRAMING.contains(lower)) {
            return "the HTTP client sets this header itself";
        }
        return null;
    }
}
