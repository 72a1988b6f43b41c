package io.fetchbox.naming;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Decides where every URL line of one batch goes (README, "Where files go"): the folder from the layout, the
 * name from {@code out} or the URL, duplicates, and numbering when names collide. Call {@link
 * #plan} in list order, so the same list always gives the same names however downloads
 * interleave. With names from the response ({@code fetchbox.content-disposition=true}), a line
 * without {@code out} gets its name from {@link #planLate}, numbered in arrival order.
 *
 * <p>Memory: per distinct target one 20-byte slot in the duplicate table and one in the used-paths
 * table, both between 37% and 75% full: 55 to 107 bytes, about 75 on average (105 measured at
 * exactly 100,000 URLs, just past a doubling). The file name is recomputed from the request, not
 * stored. Extra: one slot per distinct folder, one per name that collided, and a stored path
 * (about 60 bytes plus its length) for names from responses and files in a numbered folder.
 *
 * <p>Thread-safe: every method takes the planner's lock, so {@link #planLate} may run on fetch
 * threads while the list is still being planned.
 */
public final class NamePlanner {

    private static final int ABSENT = Integer.MIN_VALUE;
    /** The line's name comes from the response, which has not arrived yet. */
    private static final int PENDING = Integer.MIN_VALUE + 1;

    private final Layout layout;
    private final String batchFolder;
    private final boolean nameFromResponse;
    private final TargetHasher hasher = new TargetHasher();
    private final TargetClaims claims;
    private final UsedPaths usedPaths;
    /**
     * Duplicate key → where its first line went: n ≥ 0 is "the wanted folder, name numbered n" (0
     * for the plain name); a negative value -i-1 is {@code storedFiles.get(i)}; or PENDING.
     */
    private final Hash128Table firstTargets = new Hash128Table();

    private final List<String> storedFiles = new ArrayList<>();

    /** A planner whose names come from the list and the URL. */
    public NamePlanner(Layout layout, String batchName, TargetClaims claims) {
        this(layout, batchName, claims, false);
    }

    /**
     * @param nameFromResponse true for {@code fetchbox.content-disposition=true}: lines without
     *     {@code out} are named by {@link #planLate}
     */
    public NamePlanner(Layout layout, String batchName, TargetClaims claims, boolean nameFromResponse) {
        this.layout = Objects.requireNonNull(layout, "layout");
        this.batchFolder = SafeName.of(batchName);
        this.nameFromResponse = nameFromResponse;
        this.claims = Objects.requireNonNull(claims, "claims");
        this.usedPaths = new UsedPaths(claims, hasher);
    }

    /** {@link #plan(NameRequest)} with the request's pieces. */
    public Plan plan(String urlKey, String host, int port, String rawPath, String out, String dir) {
        return plan(new NameRequest(urlKey, host, port, rawPath, out, dir));
    }

    /**
     * Where this line goes. Call in list order. A line with the same duplicate key (normalised URL,
     * {@code out} and {@code dir}, compared as made safe) as an earlier one gets that line's file
     * and {@code duplicate=true}, and nothing is claimed.
     */
    public synchronized Plan plan(NameRequest request) {
        Target target = targetOf(request);
        int first = target.key().get(firstTargets, ABSENT);
        if (first != ABSENT) {
            return new Plan(fileOf(target, first), true);
        }
        if (target.name() == null) {
            target.key().put(firstTargets, PENDING);
            return new Plan(null, false);
        }
        String file = claim(target, target.name(), request.urlKey());
        String wanted = UsedPaths.join(usedPaths.resolveFolder(target.folder()), target.name());
        boolean changed = !file.equals(wanted) && claims.changedLocally(wanted, request.urlKey());
        return new Plan(file, false, changed ? wanted : null);
    }

    /**
     * The next free file for a line whose file name was taken by someone else while it downloaded
     * ({@code taken}, which this line had been given): numbered in the same folder, and from now on
     * the line's file, so that its duplicates point there too.
     */
    public synchronized String replan(NameRequest request, String taken) {
        Target target = targetOf(request);
        int slash = taken.lastIndexOf('/');
        String folder = slash < 0 ? "" : taken.substring(0, slash);
        String name = target.name() != null ? target.name() : taken.substring(slash + 1);
        int n = usedPaths.claimFile(folder, name, request.urlKey());
        String file = UsedPaths.join(folder, n == 0 ? name : SafeName.numbered(name, n));
        storedFiles.add(file);
        target.key().put(firstTargets, -storedFiles.size());
        return file;
    }

    /**
     * The file for a line whose name comes from the response (see {@link Plan#file()}): the
     * {@code Content-Disposition} name when the header offers one, else the URL's name; numbered in
     * arrival order. Asking again for the same target returns the same file; for a line that was
     * named by {@link #plan}, returns that name.
     *
     * @param contentDisposition the response's raw {@code Content-Disposition} value, or null
     */
    public synchronized String planLate(NameRequest request, String contentDisposition) {
        return planLate(request, contentDisposition, UnaryOperator.identity());
    }

    /**
     * {@link #planLate(NameRequest, String)}, with the name changed by {@code adjust} once chosen and
     * before it is numbered ({@code fetchbox.adjust-extension}, {@link AdjustedName}).
     */
    public synchronized String planLate(NameRequest request, String contentDisposition, UnaryOperator<String> adjust) {
        Target target = targetOf(request);
        int first = target.key().get(firstTargets, ABSENT);
        if (first == ABSENT) {
            Plan plan = plan(request);
            if (plan.file() != null) {
                return plan.file();
            }
        } else if (first != PENDING) {
            return fileOf(target, first);
        }
        String offered = SafeName.fromContentDisposition(contentDisposition);
        String name = offered != null ? offered : urlName(request);
        return claim(target, adjust.apply(name), request.urlKey());
    }

    /** The file given to this request's target so far, or null when none is decided yet. */
    public synchronized String fileFor(NameRequest request) {
        Target target = targetOf(request);
        int first = target.key().get(firstTargets, ABSENT);
        return first == ABSENT ? null : fileOf(target, first);
    }

    /** Bytes held by the planner's tables, for the memory tests. */
    synchronized long stateBytes() {
        long stored = 0;
        for (String file : storedFiles) {
            stored += 56 + file.length(); // String, its array and the list slot, roughly
        }
        return firstTargets.bytes() + usedPaths.bytes() + stored;
    }

    private String claim(Target target, String name, String urlKey) {
        String folder = usedPaths.resolveFolder(target.folder());
        int n = usedPaths.claimFile(folder, name, urlKey);
        String file = UsedPaths.join(folder, n == 0 ? name : SafeName.numbered(name, n));
        boolean recomputable = folder.equals(target.folder()) && name.equals(target.name());
        if (recomputable) {
            target.key().put(firstTargets, n);
        } else {
            storedFiles.add(file);
            target.key().put(firstTargets, -storedFiles.size());
        }
        return file;
    }

    private String fileOf(Target target, int first) {
        if (first == PENDING) {
            return null;
        }
        if (first < 0) {
            return storedFiles.get(-first - 1);
        }
        String name = first == 0 ? target.name() : SafeName.numbered(target.name(), first);
        return UsedPaths.join(target.folder(), name);
    }

    private Target targetOf(NameRequest request) {
        String folder = wantedFolder(request);
        String name = wantedName(request);
        // out and dir enter the key as made safe: "dir=x/" and "dir=./x" are one target
        TargetHasher.Key key = hasher.hash(request.urlKey(), folder, name);
        return new Target(folder, name, key);
    }

    private String wantedFolder(NameRequest request) {
        return switch (layout) {
            case BATCH -> UsedPaths.join(batchFolder, SafeName.segments(request.dir()));
            case FLAT -> SafeName.segments(request.dir());
            case MIRROR -> mirrorFolder(request);
        };
    }

    /** {@code host[+port]/folders/of/the/path}; the list's dir does not apply. */
    private static String mirrorFolder(NameRequest request) {
        String host = request.host() == null ? "" : request.host().toLowerCase(Locale.ROOT);
        String hostFolder = hasOwnPort(request) ? host + "+" + request.port() : host;
        StringBuilder folder = new StringBuilder(SafeName.of(hostFolder));
        for (String segment : UrlPath.safeFolders(UrlPath.withoutDotSegments(request.rawPath()))) {
            folder.append('/').append(segment);
        }
        return folder.toString();
    }

    /** A port other than the scheme's default; a written {@code :443} on https is no port of its own. */
    private static boolean hasOwnPort(NameRequest request) {
        int port = request.port();
        String url = request.urlKey();
        boolean schemeDefault = port == 80 && url.regionMatches(true, 0, "http:", 0, 5)
                || port == 443 && url.regionMatches(true, 0, "https:", 0, 6);
        return port > 0 && !schemeDefault;
    }

    /** The name before numbering; null when it is to come from the response. */
    private String wantedName(NameRequest request) {
        if (request.out() != null && !request.out().isEmpty()) {
            return SafeName.of(request.out());
        }
        return nameFromResponse ? null : urlName(request);
    }

    /** The URL's name, from its path with dot segments resolved ({@code /a/b/..} names "index.html"). */
    private static String urlName(NameRequest request) {
        return SafeName.fromUrlPath(UrlPath.withoutDotSegments(request.rawPath()));
    }

    /**
     * Where one URL line of a batch goes.
     *
     * @param file path relative to the output folder, {@code /}-separated; null only with names
     *     from the response while that name is not yet known: then call {@link #planLate} when the
     *     response arrives (or, for a duplicate, read {@link #fileFor} later)
     * @param duplicate true when an earlier line of the batch has the same target: do not fetch
     *     again, report {@code duplicate} pointing to {@code file}
     * @param changedFile the file this line would have replaced, had nobody changed it since
     *     fetchbox wrote it (kept, so the line's file got a number); null otherwise
     */
    public record Plan(String file, boolean duplicate, String changedFile) {
        public Plan(String file, boolean duplicate) {
            this(file, duplicate, null);
        }
    }

    /** A line's wanted folder and name (before numbering) and its duplicate key. */
    private record Target(String folder, String name, TargetHasher.Key key) {}
}
