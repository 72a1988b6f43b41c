package io.fetchbox.fetch;

/**
 * Where a body is written before it is complete: a hidden file beside its target, so that the final
 * rename stays on one filesystem and is atomic, and a reader never sees a partial file under the
 * final name.
 */
public final class TempFiles {
    static final String SUFFIX = ".fetchbox-part";

    private TempFiles() {}

    public static boolean isTemporary(String fileName) {
        return fileName.startsWith(".") && fileName.endsWith(SUFFIX);
    }

    /** {@code .name.fetchbox-part} is the temporary file of {@code name}. */
    public static String targetName(String temporaryName) {
        return temporaryName.substring(1, temporaryName.length() - SUFFIX.length());
    }

    /** {@code batch/dir/name} becomes {@code batch/dir/.name.fetchbox-part}. */
    public static String of(String relativeFile) {
        int slash = relativeFile.lastIndexOf('/');
        return relativeFile.substring(0, slash + 1) + "." + relativeFile.substring(slash + 1) + SUFFIX;
    }
}
