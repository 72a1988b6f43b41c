package io.fetchbox.url;

import java.util.Locale;

/**
 * Writes the user info of every URL in a text as {@code ***} (README, "Credentials"), found by
 * reading each URL's authority, not by a pattern of characters a password might hold:
 *
 * <ul>
 *   <li>a URL starts at {@code scheme://}; at the very start of the text also at {@code //}, and at
 *       {@code http:} or {@code https:} followed by any slashes or backslashes (browsers read
 *       {@code http:\\user:pass@host} as a URL with credentials);
 *   <li>its authority runs to the first {@code /}, {@code ?} or {@code #}, and the user info is
 *       everything before the authority's last {@code @} (a raw {@code @} may be in a password);
 *   <li>when the authority has no {@code @} but the URL is invalid and an {@code @} comes later (a
 *       password holding {@code /}, {@code ?} or {@code #}), everything up to the text's last
 *       {@code @} is hidden. A valid URL with an {@code @} in its path
 *       ({@code https://mastodon.social/@user}) is left as it is.
 * </ul>
 *
 * Tabs and line breaks are dropped first, as the URL parser drops them.
 */
public final class Credentials {

    static final String HIDDEN = "***";

    private Credentials() {}

    /** The text with the user info of each URL in it written {@code ***}; text without '@' unchanged. */
    public static String redact(String text) {
        if (text == null || text.indexOf('@') < 0) {
            return text;
        }
        String clean = UrlText.withoutTabsAndNewlines(text);
        StringBuilder out = new StringBuilder(clean.length());
        int copied = 0;
        for (int url = firstUrl(clean); url >= 0; ) {
            int authority = authorityStart(clean, url);
            int at = userInfoEnd(clean, url, authority);
            int resume;
            if (at >= 0) {
                out.append(clean, copied, authority).append(HIDDEN);
                copied = at;
                resume = at + 1;
            } else {
                resume = authorityEnd(clean, authority);
            }
            url = nextUrl(clean, resume);
        }
        return out.append(clean, copied, clean.length()).toString();
    }

    /** Where the authority of the URL the text starts with begins, or -1 when it starts with none. */
    static int leadingAuthority(String text) {
        return firstUrl(text) == 0 ? authorityStart(text, 0) : -1;
    }

    /** The '@' that ends the user info of the URL starting at {@code url}, or -1 when it has none. */
    private static int userInfoEnd(String text, int url, int authority) {
        int end = authorityEnd(text, authority);
        int at = text.lastIndexOf('@', end - 1);
        if (at >= authority) {
            return at;
        }
        int last = text.lastIndexOf('@');
        return last >= authority && ParsedUrl.problem(text.substring(url)) != null ? last : -1;
    }

    private static int authorityEnd(String text, int authority) {
        int end = authority;
        while (end < text.length() && "/?#".indexOf(text.charAt(end)) < 0) {
            end++;
        }
        return end;
    }

    private static int firstUrl(String text) {
        if (text.startsWith("//")) {
            return 0;
        }
        int colon = text.indexOf(':');
        if (colon > 0 && schemeStart(text, colon) == 0) {
            String scheme = text.substring(0, colon).toLowerCase(Locale.ROOT);
            if (scheme.equals("http") || scheme.equals("https")) {
                return 0;
            }
        }
        return nextUrl(text, 0);
    }

    /** Where the next {@code scheme://} at or after {@code from} starts, or -1. */
    private static int nextUrl(String text, int from) {
        for (int colon = text.indexOf("://", from); colon >= 0; colon = text.indexOf("://", colon + 1)) {
            int scheme = schemeStart(text, colon);
            if (scheme >= from) {
                return scheme;
            }
        }
        return -1;
    }

    /** The start of the scheme ending at {@code colon} (a letter, then letters, digits, + . -), or -1. */
    private static int schemeStart(String text, int colon) {
        int start = colon;
        while (start > 0 && isSchemeChar(text.charAt(start - 1))) {
            start--;
        }
        while (start < colon && !isLetter(text.charAt(start))) {
            start++; // "1http:" or "+http:": the scheme is what starts with a letter
        }
        return start < colon ? start : -1;
    }

    /** After {@code scheme:} and any slashes and backslashes (or after a leading {@code //}). */
    private static int authorityStart(String text, int url) {
        int i = text.startsWith("//", url) ? url : text.indexOf(':', url) + 1;
        while (i < text.length() && (text.charAt(i) == '/' || text.charAt(i) == '\\')) {
            i++;
        }
        return i;
    }

    private static boolean isSchemeChar(char c) {
        return isLetter(c) || (c >= '0' && c <= '9') || c == '+' || c == '.' || c == '-';
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
