package io.fetchbox.naming;

/**
 * Characters drawn like {@code /} or {@code \}: a name {@code a∕b.txt} would read as a file in a
 * folder, and some of these become a real separator on the way to a disk (compatibility
 * normalisation turns the fullwidth and small forms into {@code /} and {@code \}, and Windows'
 * best-fit conversion to a legacy code page turns the division slash and the fullwidth solidus
 * into {@code /}). They are replaced like the separators themselves (README, "Where files go").
 */
final class SeparatorLookalikes {

    private SeparatorLookalikes() {}

    static boolean isLookalike(int codePoint) {
        return switch (codePoint) {
            case 0x2044, // fraction slash
                    0x2215, // division slash
                    0x2216, // set minus
                    0x2571, // box drawings light diagonal upper right to lower left
                    0x2572, // box drawings light diagonal upper left to lower right
                    0x29F5, // reverse solidus operator
                    0x29F8, // big solidus
                    0x29F9, // big reverse solidus
                    0xFE68, // small reverse solidus
                    0xFF0F, // fullwidth solidus
                    0xFF3C -> // fullwidth reverse solidus
                true;
            default -> false;
        };
    }
}
