package io.fetchbox.naming;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Names that are safe to create on any file system fetchbox may write to (README, "Where files go"). Every
 * piece of a target path that comes from a list, a URL or a server goes through here, so nothing
 * can escape the output folder or trip over Windows' rules on a shared disk.
 *
 * <p>Each character that could make a name lie about itself is replaced by {@code _}, never
 * dropped (dropping the zero-width space of "con" U+200B ".txt" would make the device name {@code
 * con.txt}): controls, unpaired surrogates, {@code / \ < > : " | ? *}, invisible and format
 * characters ({@link InvisibleCharacters}: bidi controls that show "gnp" U+202E "exe.txt" as
 * {@code gnptxt.exe}, zero-width characters, a BOM) and characters drawn like a path separator
 * ({@link SeparatorLookalikes}) (README, "Where files go").
 *
 * <p>{@link #of} is idempotent and its results never exceed {@link #MAX_BYTES} bytes of UTF-8.
 */
public final class SafeName {

    /** Longest name in UTF-8 bytes; 255 is the common file-system limit, 200 leaves room for numbering. */
    public static final int MAX_BYTES = 200;

    /** The name used when a URL path ends in {@code /} (or has none), as wget does. */
    public static final String INDEX = "index.html";

    private static final char REPLACEMENT = '_';

    /** Separators and the characters Windows refuses in names. */
    private static final String FORBIDDEN = "/\\<>:\"|?*";

    /**
     * Windows device names, reserved with any extension: CON, PRN, AUX, NUL, COM and LPT with 1-9
     * or a superscript 1-3, plus COM0, LPT0, CONIN$ and CONOUT$, which Windows also treats as
     * devices (refusing a few extra names costs nothing).
     */
    private static final Set<String> DEVICE_NAMES = deviceNames();

    private SafeName() {}

    /** One path segment made safe; never null, empty, {@code .} or {@code ..}. */
    public static String of(String raw) {
        if (raw == null || raw.isEmpty()) {
            return String.valueOf(REPLACEMENT);
        }
        String name = replaceForbiddenCharacters(raw);
        // The device-name guard may add a byte, so it runs before the length limit; the steps after
        // it only swap one ASCII character for another and cannot create a device name.
        name = guardDeviceName(name);
        name = fitLength(name);
        name = replaceLeadingDotOrDash(name);
        return replaceTrailingDotsAndSpaces(name);
    }

    /**
     * The name a URL path gives: its last segment (split before decoding, so {@code %2F} cannot
     * make a path), percent-decoded as UTF-8, without the query; {@value #INDEX} when empty.
     */
    public static String fromUrlPath(String rawPath) {
        String decoded = PercentDecoding.decode(UrlPath.lastSegment(rawPath));
        return decoded.isEmpty() ? INDEX : of(decoded);
    }

    /**
     * The name a {@code Content-Disposition} header offers, reduced to its last path segment (both
     * {@code /} and {@code \}) and made safe; null when it offers none, or only a folder, {@code .}
     * or {@code ..}.
     */
    public static String fromContentDisposition(String headerValue) {
        String offered = ContentDisposition.filename(headerValue);
        if (offered == null) {
            return null;
        }
        String last = offered.substring(Math.max(offered.lastIndexOf('/'), offered.lastIndexOf('\\')) + 1);
        if (last.isBlank() || last.equals(".") || last.equals("..")) {
            return null;
        }
        return of(last);
    }

    /**
     * A {@code dir=} value as a safe relative folder, segments joined by {@code /}: empty and
     * {@code .} segments dropped, {@code ..} kept as the harmless name {@code __} (it never climbs),
     * a leading {@code /} or drive ignored; "" when nothing is left.
     */
    public static String segments(String relativeDir) {
        if (relativeDir == null) {
            return "";
        }
        StringJoiner folder = new StringJoiner("/");
        for (String segment : relativeDir.split("[/\\\\]")) {
            if (!segment.isEmpty() && !segment.equals(".")) {
                folder.add(of(segment)); // of("..") is "__", of("C:") is "C_"
            }
        }
        return folder.toString();
    }

    /** A list's batch name: its file name without the last extension, made safe. */
    public static String batchName(String listFileName) {
        String name = listFileName == null ? "" : listFileName;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        int dot = name.lastIndexOf('.');
        return of(dot > 0 ? name.substring(0, dot) : name);
    }

    /**
     * The {@code n}-th alternative to {@code name}: {@code a.txt} → {@code a.1.txt}, {@code README}
     * → {@code README.1}, {@code a.tar.gz} → {@code a.1.tar.gz}. The result is safe (a fixed point
     * of {@link #of}) and within {@link #MAX_BYTES}; the stem is shortened to make room.
     */
    public static String numbered(String name, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("numbering starts at 1: " + n);
        }
        FileExtension parts = FileExtension.split(of(name));
        String suffix = "." + n + parts.extension();
        String stem = Utf8.cut(parts.stem(), MAX_BYTES - Utf8.length(suffix));
        return of(stem + suffix);
    }

    private static Set<String> deviceNames() {
        Set<String> names = new HashSet<>(List.of("CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"));
        for (String port : List.of("COM", "LPT")) {
            for (char digit : "0123456789\u00b9\u00b2\u00b3".toCharArray()) {
                names.add(port + digit);
            }
        }
        return Set.copyOf(names);
    }

    private static String replaceForbiddenCharacters(String raw) {
        StringBuilder safe = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); ) {
            int codePoint = raw.codePointAt(i);
            i += Character.charCount(codePoint);
            boolean forbidden = Character.isISOControl(codePoint) // C0, DEL and C1, NUL included
                    || (codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE) // unpaired
                    || FORBIDDEN.indexOf(codePoint) >= 0
                    || InvisibleCharacters.isInvisible(codePoint)
                    || SeparatorLookalikes.isLookalike(codePoint);
            if (forbidden) {
                safe.append(REPLACEMENT);
            } else {
                safe.appendCodePoint(codePoint);
            }
        }
        return safe.toString();
    }

    /** {@code con.txt} → {@code con_.txt}: Windows compares the part before the first dot, spaces trimmed. */
    private static String guardDeviceName(String name) {
        int dot = name.indexOf('.');
        int stemEnd = dot < 0 ? name.length() : dot;
        String stem = name.substring(0, stemEnd).stripTrailing();
        if (stem.length() > 7 || !DEVICE_NAMES.contains(stem.toUpperCase(Locale.ROOT))) {
            return name;
        }
        return name.substring(0, stemEnd) + REPLACEMENT + name.substring(stemEnd);
    }

    /** Cuts to {@link #MAX_BYTES} on a code-point boundary, keeping a short extension. */
    private static String fitLength(String name) {
        if (Utf8.length(name) <= MAX_BYTES) {
            return name;
        }
        FileExtension parts = FileExtension.split(name);
        return Utf8.cut(parts.stem(), MAX_BYTES - Utf8.length(parts.extension())) + parts.extension();
    }

    private static String replaceLeadingDotOrDash(String name) {
        char first = name.charAt(0);
        return first == '.' || first == '-' ? REPLACEMENT + name.substring(1) : name;
    }

    /** Windows drops trailing dots and spaces, which would make two names one. */
    private static String replaceTrailingDotsAndSpaces(String name) {
        int end = name.length();
        while (end > 0 && (name.charAt(end - 1) == '.' || name.charAt(end - 1) == ' ')) {
            end--;
        }
        if (end == name.length()) {
            return name;
        }
        return name.substring(0, end) + String.valueOf(REPLACEMENT).repeat(name.length() - end);
    }
}
