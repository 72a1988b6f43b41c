package io.fetchbox.naming;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Claims for tests: refuses the paths and folders it is told to, and records every question. */
final class RecordingClaims implements TargetClaims {

    private final Set<String> refusedPaths = new HashSet<>();
    private final Set<String> refusedFolders = new HashSet<>();
    /** Paths that hold a file fetched earlier from the given URL: accepted for it alone. */
    private final Set<String> ownedPathAndUrl = new HashSet<>();

    /** Paths that hold a file fetched earlier from the given URL and changed since: refused, and said so. */
    private final Set<String> changedPathAndUrl = new HashSet<>();

    final List<String> asked = new ArrayList<>();

    RecordingClaims refuse(String... paths) {
        refusedPaths.addAll(List.of(paths));
        return this;
    }

    RecordingClaims refuseFolder(String folder) {
        refusedFolders.add(folder);
        return this;
    }

    RecordingClaims earlierFile(String path, String urlKey) {
        refusedPaths.add(path);
        ownedPathAndUrl.add(path + " " + urlKey);
        return this;
    }

    RecordingClaims changedFile(String path, String urlKey) {
        refusedPaths.add(path);
        changedPathAndUrl.add(path + " " + urlKey);
        return this;
    }

    @Override
    public boolean changedLocally(String relativePath, String urlKey) {
        return changedPathAndUrl.contains(relativePath + " " + urlKey);
    }

    @Override
    public synchronized boolean claim(String relativePath, String urlKey) {
        asked.add(relativePath);
        return ownedPathAndUrl.contains(relativePath + " " + urlKey) || !refusedPaths.contains(relativePath);
    }

    @Override
    public boolean folderUsable(String relativeFolder) {
        return !refusedFolders.contains(relativeFolder);
    }
}
