package io.fetchbox.naming;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The paths one batch has given out, files and the folders above them, by a 128-bit hash. Finds
 * the first free {@code name, name.1, name.2, ...} in a folder, asking {@link TargetClaims} about
 * each candidate the batch has not used itself.
 *
 * <p>Paths are compared case-insensitively and after NFC normalisation, as macOS and Windows
 * compare them, so two URLs never share a file on those disks; on Linux that only costs a number.
 * A path used as a file is never used as a folder, and the other way round (the later one is
 * numbered), since {@code host/a} and {@code host/a/b} cannot both exist.
 */
final class UsedPaths {

    /** Refusals in a row after which a claims implementation is assumed broken. */
    static final int MAX_REFUSALS = 100_000;

    private static final int ABSENT = 0;
    private static final int FILE = 1;
    private static final int FOLDER = 2;
    private static final int NO_HINT = 0;

    private final TargetClaims claims;
    private final TargetHasher hasher;
    /** Folded path → FILE or FOLDER. */
    private final Hash128Table kinds = new Hash128Table();
    /**
     * Folded base path → the smallest number not yet known to be used; it keeps a folder with
     * 100,000 {@code index.html} wishes linear instead of quadratic. Only names that collided.
     */
    private final Hash128Table nextNumbers = new Hash128Table();

    // consecutive lines usually share a folder
    private String lastFolder;
    private String lastResolvedFolder;

    UsedPaths(TargetClaims claims, TargetHasher hasher) {
        this.claims = claims;
        this.hasher = hasher;
    }

    /**
     * The folder as it will be on disk: each segment as wanted unless a file of this batch or a
     * refused folder is in the way, then {@code segment.1}, {@code segment.2}, ...
     */
    String resolveFolder(String folder) {
        if (folder.isEmpty()) {
            return "";
        }
        if (folder.equals(lastFolder)) {
            return lastResolvedFolder;
        }
        String resolved = "";
        for (String segment : folder.split("/")) {
            resolved = resolveSegment(resolved, segment);
        }
        lastFolder = folder;
        lastResolvedFolder = resolved;
        return resolved;
    }

    /**
     * Claims a file named {@code name} or its first free numbered form in {@code folder} (already
     * resolved) for {@code urlKey}; returns the number, 0 for the name itself.
     */
    int claimFile(String folder, String name, String urlKey) {
        String base = join(folder, name);
        if (tryClaim(base, urlKey)) {
            return 0;
        }
        TargetHasher.Key baseKey = hasher.hash(fold(base));
        int start = Math.max(1, baseKey.get(nextNumbers, NO_HINT));
        int firstNotUsed = -1; // below it every number is used by this batch
        int refusals = 0;
        for (int n = start; n > 0; n++) {
            String candidate = join(folder, SafeName.numbered(name, n));
            TargetHasher.Key key = hasher.hash(fold(candidate));
            if (key.get(kinds, ABSENT) != ABSENT) {
                continue;
            }
            if (claims.claim(candidate, urlKey)) {
                key.put(kinds, FILE);
                baseKey.put(nextNumbers, firstNotUsed < 0 ? n + 1 : firstNotUsed);
                return n;
            }
            if (firstNotUsed < 0) {
                firstNotUsed = n;
            }
            if (++refusals >= MAX_REFUSALS) {
                break;
            }
        }
        throw new IllegalStateException("no free name for " + base + ": " + refusals + " numbered names refused");
    }

    /** Bytes held by the tables. */
    long bytes() {
        return kinds.bytes() + nextNumbers.bytes();
    }

    private boolean tryClaim(String path, String urlKey) {
        TargetHasher.Key key = hasher.hash(fold(path));
        if (key.get(kinds, ABSENT) != ABSENT || !claims.claim(path, urlKey)) {
            return false;
        }
        key.put(kinds, FILE);
        return true;
    }

    private String resolveSegment(String parent, String segment) {
        for (int n = 0; n < MAX_REFUSALS; n++) {
            // a folder's dots are part of its name: "v1.2" becomes "v1.2.1", not "v1.1.2"
            String candidate = join(parent, n == 0 ? segment : SafeName.of(segment + "." + n));
            TargetHasher.Key key = hasher.hash(fold(candidate));
            int kind = key.get(kinds, ABSENT);
            if (kind == FOLDER) {
                return candidate;
            }
            if (kind == ABSENT && claims.folderUsable(candidate)) {
                key.put(kinds, FOLDER);
                return candidate;
            }
        }
        throw new IllegalStateException("no usable folder for " + join(parent, segment));
    }

    private static String fold(String path) {
        return Normalizer.normalize(path, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }

    /** {@code folder/name}, either side possibly empty. */
    static String join(String folder, String name) {
        if (folder.isEmpty() || name.isEmpty()) {
            return folder + name;
        }
        return folder + "/" + name;
    }
}
