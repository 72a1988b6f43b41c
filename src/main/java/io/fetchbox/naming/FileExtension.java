package io.fetchbox.naming;

import java.util.List;
import java.util.Locale;

/**
 * A file name split into stem and extension, the way both truncation and numbering see it: the
 * known double extensions ({@code .tar.gz}) count as one, and an "extension" longer than {@link
 * #MAX_BYTES} is treated as part of the stem (it is not worth keeping at the cost of the stem).
 */
record FileExtension(String stem, String extension) {

    /** Longest extension, dot included, that truncation and numbering keep intact. */
    static final int MAX_BYTES = 20;

    private static final List<String> DOUBLE_EXTENSIONS = List.of(".tar.gz", ".tar.bz2", ".tar.xz", ".tar.zst");

    static FileExtension split(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (String twoPart : DOUBLE_EXTENSIONS) {
            // toLowerCase(ROOT) keeps the length of these ASCII suffixes, so the index carries over
            if (lower.length() == name.length() && lower.endsWith(twoPart) && name.length() > twoPart.length()) {
                return at(name, name.length() - twoPart.length());
            }
        }
        int dot = name.lastIndexOf('.');
        if (dot > 0 && dot < name.length() - 1) {
            return at(name, dot);
        }
        return new FileExtension(name, "");
    }

    private static FileExtension at(String name, int dot) {
        String extension = name.substring(dot);
        if (Utf8.length(extension) > MAX_BYTES) {
            return new FileExtension(name, "");
        }
        return new FileExtension(name.substring(0, dot), extension);
    }
}
