package io.fetchbox.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Host policy lists (SPEC 5): comma-separated globs of host characters and {@code *}. Matching is
 * done elsewhere; here a list is only checked and normalised (trimmed, lower case, empties dropped).
 */
final class HostGlobs {

    static final String ACCEPTED =
            "use host names or addresses, with * matching any run of characters, separated by commas"
                    + " (for example *.example.com,10.0.0.*)";

    // Letters, digits, dots, dashes, underscores and *: no scheme, port, path or spaces.
    private static final Pattern GLOB = Pattern.compile("[a-z0-9._*-]+");

    private HostGlobs() {}

    static List<String> parse(String text) {
        List<String> globs = new ArrayList<>();
        for (String entry : text.split(",")) {
            String glob = entry.trim().toLowerCase(Locale.ROOT);
            if (glob.isEmpty()) {
                continue;
            }
            if (!GLOB.matcher(glob).matches()) {
                throw new IllegalArgumentException("\"" + entry.trim() + "\" is not a host glob; " + ACCEPTED);
            }
            globs.add(glob);
        }
        return List.copyOf(globs);
    }
}
