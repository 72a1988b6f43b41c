package io.fetchbox.fetch;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Names of the files a body is written to before it is complete: hidden, beside the target (so
 * that the final step stays on one filesystem and is atomic, and a reader never sees a partial
 * file under the final name), and random, so that nobody can plant a link where fetchbox is about
 * to write (README, "Security").
 */
public final class TempFiles {
    static final String SUFFIX = ".fetchbox-part";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int RANDOM_HEX = 16;
    private static final Pattern NAME = Pattern.compile("\\..+\\.[0-9a-f]{" + RANDOM_HEX + "}" + Pattern.quote(SUFFIX));

    private TempFiles() {}

    /** Whether a file name has the shape of fetchbox's temporary files (which a person could copy). */
    public static boolean isTemporary(String fileName) {
        return fileName.endsWith(SUFFIX) && NAME.matcher(fileName).matches();
    }

    /** {@code .name.fetchbox-part}: the fixed name earlier versions used, left by a crash of one. */
    public static boolean isLegacyTemporary(String fileName) {
        return fileName.startsWith(".") && fileName.endsWith(SUFFIX) && !isTemporary(fileName);
    }

    /** {@code batch/dir/name} becomes {@code batch/dir/.name.<16 random hex digits>.fetchbox-part}. */
    public static String newName(String relativeFile) {
        byte[] random = new byte[RANDOM_HEX / 2];
        RANDOM.nextBytes(random);
        int slash = relativeFile.lastIndexOf('/');
        return relativeFile.substring(0, slash + 1)
                + "."
                + relativeFile.substring(slash + 1)
                + "."
                + HexFormat.of().formatHex(random)
                + SUFFIX;
    }

    /** The name whose temporary file {@code temporaryName} is (without its folder). */
    public static String targetName(String temporaryName) {
        String withRandom = temporaryName.substring(1, temporaryName.length() - SUFFIX.length());
        int dot = withRandom.lastIndexOf('.');
        return dot > 0 ? withRandom.substring(0, dot) : withRandom;
    }
}
