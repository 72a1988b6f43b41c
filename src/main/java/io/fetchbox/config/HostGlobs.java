package io.fetchbox.config;

import io.fetchbox.url.CanonicalHost;
import io.fetchbox.url.InvalidUrlException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Host policy lists (README, "Host policy"): comma-separated globs of host characters and
 * {@code *}. Matching is done elsewhere, on the canonical host; here a list is only checked and
 * written in the same canonical form: an entry without {@code *} is a host and becomes its
 * canonical spelling ({@code LOCALHOST.} is {@code localhost}, {@code 127.1} is {@code 127.0.0.1},
 * {@code [0:0::1]} or {@code ::1} is {@code [::1]}); a glob is lower-cased, a trailing dot dropped.
 */
final class HostGlobs {

    static final String ACCEPTED = "use host names or addresses, with * matching any run of characters, separated"
            + " by commas (for example *.example.com,10.0.0.*,[::1])";

    // A glob: letters, digits, dots, dashes, underscores, *, and an IPv6 address's colons and
    // brackets; no scheme, port, path or spaces.
    private static final Pattern GLOB = Pattern.compile("[a-z0-9._*:\\[\\]-]+");

    private HostGlobs() {}

    static List<String> parse(String text) {
        List<String> globs = new ArrayList<>();
        for (String entry : text.split(",")) {
            String glob = entry.trim().toLowerCase(Locale.ROOT);
            if (glob.isEmpty()) {
                continue;
            }
            String canonical = canonical(glob);
            if (canonical == null) {
                throw new IllegalArgumentException("\"" + entry.trim() + "\" is not a host glob; " + ACCEPTED);
            }
            globs.add(canonical);
        }
        return List.copyOf(globs);
    }

    /** The entry in the form hosts are matched in, or null when it cannot match any host. */
    private static String canonical(String glob) {
        if (glob.contains("*")) {
            if (!GLOB.matcher(glob).matches()) {
                return null;
            }
            return glob.endsWith(".") ? glob.substring(0, glob.length() - 1) : glob;
        }
        if (glob.startsWith("[") != glob.endsWith("]")) {
            return null;
        }
        try {
            return CanonicalHost.of(glob.contains(":") && !glob.startsWith("[") ? "[" + glob + "]" : glob);
        } catch (InvalidUrlException e) {
            return null;
        }
    }
}
