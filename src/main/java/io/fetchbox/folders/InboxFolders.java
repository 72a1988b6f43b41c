package io.fetchbox.folders;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The inbox's own folders and the names in it that are not lists (README, "How it works"): a list runs
 * from {@code .inprogress/}, ends in {@code .done/}, or is refused into {@code .error/}. In one place
 * for every package that finds its way there: the inbox, the batches, the web API and start-up.
 */
public final class InboxFolders {
    public static final String IN_PROGRESS = ".inprogress";
    public static final String DONE = ".done";
    public static final String ERROR = ".error";

    /** Editors' and copiers' temporaries, and Camel's own read-lock markers (left behind by a crash). */
    private static final List<String> TEMPORARY_ENDINGS =
            List.of(".tmp", ".part", ".partial", ".crdownload", "~", ".camellock");

    private InboxFolders() {}

    public static Path inProgress(Path inbox) {
        return inbox.resolve(IN_PROGRESS);
    }

    public static Path done(Path inbox) {
        return inbox.resolve(DONE);
    }

    public static Path error(Path inbox) {
        return inbox.resolve(ERROR);
    }

    /** Hidden files (the three folders among them) and temporaries are never taken as lists. */
    public static boolean isIgnored(String fileName) {
        if (fileName.startsWith(".")) {
            return true;
        }
        String lower = fileName.toLowerCase(Locale.ROOT);
        return TEMPORARY_ENDINGS.stream().anyMatch(lower::endsWith);
    }
}
