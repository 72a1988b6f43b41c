package io.fetchbox.inbox;

import java.util.List;

/**
 * Which inbox names are not lists: hidden files, editors' and copiers' temporaries, and Camel's own
 * read-lock markers (left behind by a crash).
 */
public final class InboxNames {
    private static final List<String> TEMPORARY_ENDINGS =
            List.of(".tmp", ".part", ".partial", ".crdownload", "~", ".camellock");

    private InboxNames() {}

    public static boolean isIgnored(String fileName) {
        if (fileName.startsWith(".")) {
            return true;
        }
        String lower = fileName.toLowerCase(java.util.Locale.ROOT);
        return TEMPORARY_ENDINGS.stream().anyMatch(lower::endsWith);
    }
}
