package io.fetchbox.naming;

import java.util.List;
import java.util.Locale;

/**
 * {@code fetchbox.adjust-extension=true} (README, "Image batches"), as wget's {@code -E}: a name whose
 * extension is none of its type's gets the type's usual one after it ({@code img} → {@code img.jpg},
 * {@code photo.php} → {@code photo.php.jpg}); a name with one of them stays as it is.
 */
public final class AdjustedName {
    private AdjustedName() {}

    /**
     * @param name a safe name ({@link SafeName#of})
     * @param extension the type's usual extension with its dot ({@code .jpg}), or null to leave the name
     * @param extensions every extension of the type, lower case, with their dots
     */
    public static String of(String name, String extension, List<String> extensions) {
        if (extension == null) {
            return name;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        for (String known : extensions) {
            if (lower.endsWith(known) && lower.length() > known.length()) {
                return name;
            }
        }
        if (lower.endsWith(extension.toLowerCase(Locale.ROOT)) && lower.length() > extension.length()) {
            return name;
        }
        String stem = Utf8.cut(name, SafeName.MAX_BYTES - Utf8.length(extension));
        return SafeName.of(stem + extension);
    }
}
