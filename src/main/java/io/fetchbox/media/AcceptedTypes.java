package io.fetchbox.media;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The media types a download may have (README, "Image batches"): {@code fetchbox.accept-types} or a
 * line's {@code accept}, a comma list of patterns such as {@code image/*,application/pdf} or {@code
 * *}{@code /*}. None (the default) accepts everything without looking; any pattern, {@code *}{@code /*}
 * included, also has each body's first bytes checked against its type.
 */
public final class AcceptedTypes {
    /** No patterns: everything, unchecked. */
    public static final AcceptedTypes ANY = new AcceptedTypes(List.of());

    // RFC 9110 token characters
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    private final List<String> patterns;

    private AcceptedTypes(List<String> patterns) {
        this.patterns = List.copyOf(patterns);
    }

    /**
     * Reads a comma list of {@code type/subtype}, {@code type/*} or {@code *}{@code /*}; blank is
     * {@link #ANY}.
     *
     * @throws IllegalArgumentException naming the first pattern that is none of those
     */
    public static AcceptedTypes parse(String text) {
        if (text == null || text.isBlank()) {
            return ANY;
        }
        List<String> patterns = new ArrayList<>();
        for (String raw : text.split(",", -1)) {
            String pattern = raw.strip().toLowerCase(Locale.ROOT);
            if (pattern.isEmpty()) {
                continue;
            }
            String problem = problem(pattern);
            if (problem != null) {
                throw new IllegalArgumentException("'" + raw.strip() + "' " + problem);
            }
            if (!patterns.contains(pattern)) {
                patterns.add(pattern);
            }
        }
        return patterns.isEmpty() ? ANY : new AcceptedTypes(patterns);
    }

    private static String problem(String pattern) {
        if (pattern.contains(";")) {
            return "has parameters; give only type/subtype, type/* or */*";
        }
        int slash = pattern.indexOf('/');
        if (slash < 0) {
            return "is not a media type: give type/subtype, type/* or */*";
        }
        String type = pattern.substring(0, slash);
        String subtype = pattern.substring(slash + 1);
        if (!TOKEN.matcher(type).matches() || !TOKEN.matcher(subtype).matches()) {
            return "is not a media type: give type/subtype, type/* or */*";
        }
        if (type.equals("*") && !subtype.equals("*")) {
            return "is not a pattern: a subtype needs its type (image/png, image/*)";
        }
        if ((type.contains("*") && !type.equals("*")) || (subtype.contains("*") && !subtype.equals("*"))) {
            return "is not a pattern: * stands for a whole type or subtype (image/*, */*)";
        }
        return null;
    }

    /** Whether no pattern was given: everything is accepted and nothing is checked. */
    public boolean isAny() {
        return patterns.isEmpty();
    }

    /** Whether {@code mediaType} (a bare {@code type/subtype}, lower case) matches a pattern. */
    public boolean accepts(String mediaType) {
        if (patterns.isEmpty()) {
            return true;
        }
        if (mediaType == null) {
            return false;
        }
        int slash = mediaType.indexOf('/');
        String type = slash < 0 ? mediaType : mediaType.substring(0, slash);
        for (String pattern : patterns) {
            if (pattern.equals("*/*")
                    || pattern.equals(mediaType)
                    || (pattern.endsWith("/*") && pattern.regionMatches(0, type + "/", 0, type.length() + 1))) {
                return true;
            }
        }
        return false;
    }

    /** The patterns as given, lower case, comma-separated. */
    @Override
    public String toString() {
        return String.join(",", patterns);
    }
}
