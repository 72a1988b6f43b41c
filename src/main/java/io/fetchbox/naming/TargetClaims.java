package io.fetchbox.naming;

/**
 * The outside world's say on a target path, supplied by the caller (disk and other running
 * batches); {@link NamePlanner} already keeps the names of its own batch apart. Paths are relative
 * to the output folder, with {@code /} separators. Called under the planner's lock, so keep it
 * quick and do not call back into the planner.
 */
@FunctionalInterface
public interface TargetClaims {

    /**
     * True when {@code relativePath} may receive the file for {@code urlKey}: nothing is there and
     * no other running batch reserved it, or it holds a file fetchbox fetched earlier from this same
     * URL. Returning true reserves it; the planner never asks again for a path it was given.
     */
    boolean claim(String relativePath, String urlKey);

    /**
     * True when {@code relativeFolder} can hold files: it is a folder or does not exist (not, say, a
     * person's file). Asked once per folder per batch; a refused folder is numbered like a name.
     */
    default boolean folderUsable(String relativeFolder) {
        return true;
    }

    /**
     * True when {@code relativePath} holds a file fetchbox fetched from this URL that someone changed
     * since: asked only about a path {@link #claim} refused, so that the report can say why the line's
     * file got a number.
     */
    default boolean changedLocally(String relativePath, String urlKey) {
        return false;
    }

    /** Claims that accept every path and folder: for tests and dry runs. */
    static TargetClaims acceptAll() {
        return (relativePath, urlKey) -> true;
    }
}
