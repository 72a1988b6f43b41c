package io.fetchbox.list;

import java.util.regex.Pattern;

/** RFC 7230 header names: a token, so a list cannot smuggle a malformed header into a request. */
final class HeaderName {

    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    private HeaderName() {}

    static boolean isToken(String name) {
        return name != null && TOKEN.matcher(name).matches();
    }
}
