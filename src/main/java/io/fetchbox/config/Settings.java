package io.fetchbox.config;

import io.fetchbox.media.AcceptedTypes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every {@code fetchbox.*} key of the README's table, read once from the sources its "Configuration" names,
 * typed and validated. Nothing else in fetchbox parses configuration: routes see the values
 * through {@link #placeholderValues()}, beans through the typed getters.
 */
public final class Settings {

    public static final List<String> LAYOUTS = List.of("batch", "flat", "mirror");
    public static final List<String> EXISTING_POLICIES = List.of("revalidate", "skip", "overwrite");
    public static final List<String> LOG_FORMATS = List.of("text", "json");

    private final Path workingDirectory;
    private final Map<Key, Origin> origins;
    private final Map<Key, String> placeholders;
    private final Map<Key, String> displays;
    private final List<String> warnings;
    private final String version;

    private final String inbox;
    private final String output;
    private final String reports;
    private final boolean once;
    private final String layout;
    private final int concurrency;
    private final int perHost;
    private final double perHostRate;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final int retries;
    private final Duration retryDelay;
    private final Duration retryMaxDelay;
    private final int maxRedirects;
    private final long maxBytes;
    private final long maxListBytes;
    private final String existing;
    private final boolean contentDisposition;
    private final boolean adjustExtension;
    private final AcceptedTypes acceptTypes;
    private final List<String> allowHosts;
    private final List<String> denyHosts;
    private final boolean denyPrivateNetworks;
    private final String userAgent;
    private final Duration inboxSettle;
    private final Duration progressInterval;
    private final String logFormat;
    private final Duration shutdownTimeout;
    private final Duration stallTimeout;
    private final long minFreeDisk;
    private final String httpHost;
    private final int httpPort;
    private final List<String> notify;
    private final String brokerUrl;
    private final String brokerUser;
    private final String brokerPassword;
    private final String nodeId;

    private Settings(Sources sources, Layers layers, ValueReader in) {
        workingDirectory = sources.workingDirectory();
        version = LocalIdentity.version();

        inbox = in.folder(Key.INBOX);
        output = in.folder(Key.OUTPUT);
        reports = in.folder(Key.REPORTS);
        once = in.bool(Key.ONCE);
        layout = in.oneOf(Key.LAYOUT, LAYOUTS.toArray(String[]::new));
        concurrency = in.integer(Key.CONCURRENCY, 1, 10_000);
        perHost = in.integer(Key.PER_HOST, 1, 10_000);
        perHostRate = in.rate(Key.PER_HOST_RATE);
        connectTimeout = in.duration(Key.CONNECT_TIMEOUT, false);
        readTimeout = in.duration(Key.READ_TIMEOUT, false);
        retries = in.integer(Key.RETRIES, 0, 100);
        retryDelay = in.duration(Key.RETRY_DELAY, false);
        retryMaxDelay = in.duration(Key.RETRY_MAX_DELAY, false);
        maxRedirects = in.integer(Key.MAX_REDIRECTS, 0, 100);
        maxBytes = in.size(Key.MAX_BYTES, "no limit");
        maxListBytes = in.size(Key.MAX_LIST_BYTES, null);
        existing = in.oneOf(Key.EXISTING, EXISTING_POLICIES.toArray(String[]::new));
        contentDisposition = in.bool(Key.CONTENT_DISPOSITION);
        adjustExtension = in.bool(Key.ADJUST_EXTENSION);
        acceptTypes = in.acceptedTypes(Key.ACCEPT_TYPES);
        allowHosts = in.hostGlobs(Key.ALLOW_HOSTS, "all");
        denyHosts = in.hostGlobs(Key.DENY_HOSTS, "none");
        denyPrivateNetworks = in.bool(Key.DENY_PRIVATE_NETWORKS);
        userAgent = in.userAgent(Key.USER_AGENT, version);
        inboxSettle = in.duration(Key.INBOX_SETTLE, false);
        // A period of 0 would make Camel's timer fire once instead of every interval.
        progressInterval = in.duration(Key.PROGRESS_INTERVAL, true);
        logFormat = in.oneOf(Key.LOG_FORMAT, LOG_FORMATS.toArray(String[]::new));
        shutdownTimeout = in.duration(Key.SHUTDOWN_TIMEOUT, false);
        stallTimeout = in.duration(Key.STALL_TIMEOUT, false);
        minFreeDisk = in.size(Key.MIN_FREE_DISK, "no check");
        httpHost = in.bindHost(Key.HTTP_HOST);
        httpPort = in.integer(Key.HTTP_PORT, 0, 65_535);
        notify = in.endpointUris(Key.NOTIFY);
        brokerUrl = in.brokerUrl(Key.BROKER_URL);
        brokerUser = in.brokerUser(Key.BROKER_USER);
        brokerPassword = in.brokerPassword(Key.BROKER_PASSWORD);
        nodeId = in.nodeId(Key.NODE_ID);

        Map<Key, Origin> originsByKey = new EnumMap<>(Key.class);
        for (Key key : Key.values()) {
            originsByKey.put(key, in.origin(key));
        }
        origins = Collections.unmodifiableMap(originsByKey);
        placeholders = Collections.unmodifiableMap(new EnumMap<>(in.placeholders));
        displays = Collections.unmodifiableMap(new EnumMap<>(in.displays));
        warnings = List.copyOf(layers.warnings);
    }

    /**
     * Reads and checks every key. Either all is well, or nothing may start.
     *
     * @throws ConfigException naming every unknown key, bad argument and malformed value, one per line
     */
    public static Settings load(Sources sources) throws ConfigException {
        Layers layers = Layers.merge(sources);
        ValueReader reader = new ValueReader(layers.values, sources.workingDirectory());
        Settings settings = new Settings(sources, layers, reader);
        List<String> problems = new ArrayList<>(layers.problems);
        problems.addAll(reader.problems);
        problems.addAll(settings.clusterConflicts());
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return settings;
    }

    /** What cluster mode cannot do (README, "Running a cluster"), each a start-up problem. */
    private List<String> clusterConflicts() {
        List<String> conflicts = new ArrayList<>();
        if (clusterMode() && contentDisposition()) {
            conflicts.add("fetchbox.content-disposition=true cannot be used with fetchbox.broker-url: in cluster mode"
                    + " every name is planned by the leader, in list order");
        }
        if (clusterMode() && adjustExtension()) {
            conflicts.add("fetchbox.adjust-extension=true cannot be used with fetchbox.broker-url: in cluster mode"
                    + " every name is planned by the leader, in list order");
        }
        if (clusterMode() && once()) {
            conflicts.add("--once cannot be used with fetchbox.broker-url: a cluster runs until stopped");
        }
        return conflicts;
    }

    /** Every key Settings knows, in the order of the README's table. */
    public static List<String> knownKeys() {
        return Arrays.stream(Key.values()).map(k -> k.name).collect(Collectors.toUnmodifiableList());
    }

    // ---- folders

    /** {@code fetchbox.inbox} as given (may be relative). */
    public String inbox() {
        return inbox;
    }

    /** {@code fetchbox.inbox} resolved against the working directory. */
    public Path inboxPath() {
        return resolve(inbox);
    }

    public String output() {
        return output;
    }

    public Path outputPath() {
        return resolve(output);
    }

    public String reports() {
        return reports;
    }

    public Path reportsPath() {
        return resolve(reports);
    }

    public Path workingDirectory() {
        return workingDirectory;
    }

    // ---- fetching

    public boolean once() {
        return once;
    }

    /** {@code batch}, {@code flat} or {@code mirror}, lower case. */
    public String layout() {
        return layout;
    }

    public int concurrency() {
        return concurrency;
    }

    public int perHost() {
        return perHost;
    }

    /** Requests per second per host; 0 means no limit. */
    public double perHostRate() {
        return perHostRate;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration readTimeout() {
        return readTimeout;
    }

    public int retries() {
        return retries;
    }

    public Duration retryDelay() {
        return retryDelay;
    }

    public Duration retryMaxDelay() {
        return retryMaxDelay;
    }

    public int maxRedirects() {
        return maxRedirects;
    }

    /** Bytes per body; 0 means no limit. */
    public long maxBytes() {
        return maxBytes;
    }

    public long maxListBytes() {
        return maxListBytes;
    }

    /** {@code revalidate}, {@code skip} or {@code overwrite}, lower case. */
    public String existing() {
        return existing;
    }

    public boolean contentDisposition() {
        return contentDisposition;
    }

    /** fetchbox.adjust-extension: a name without its type's extension gets it (README, "Image batches"). */
    public boolean adjustExtension() {
        return adjustExtension;
    }

    /** fetchbox.accept-types: what a download may be, for lines without their own {@code accept}. */
    public AcceptedTypes acceptTypes() {
        return acceptTypes;
    }

    /** Lower-case host globs; empty means every host is allowed. */
    public List<String> allowHosts() {
        return allowHosts;
    }

    /** Lower-case host globs; empty means no host is denied. */
    public List<String> denyHosts() {
        return denyHosts;
    }

    public boolean denyPrivateNetworks() {
        return denyPrivateNetworks;
    }

    /** The User-Agent header, {@code fetchbox/VERSION} unless configured. */
    public String userAgent() {
        return userAgent;
    }

    // ---- watching

    public Duration inboxSettle() {
        return inboxSettle;
    }

    public Duration progressInterval() {
        return progressInterval;
    }

    /** {@code text} or {@code json}, lower case: how log lines are written (README, "Operating fetchbox"). */
    public String logFormat() {
        return logFormat;
    }

    public Duration shutdownTimeout() {
        return shutdownTimeout;
    }

    /** How long running batches may go without an outcome or a byte before it is said (and --once exits 1); 0 = never. */
    public Duration stallTimeout() {
        return stallTimeout;
    }

    /** Bytes; 0 turns the free-space check off. */
    public long minFreeDisk() {
        return minFreeDisk;
    }

    public String httpHost() {
        return httpHost;
    }

    /** {@code fetchbox.http-port} as configured; see {@link #httpServerPort()} for what to bind. */
    public int httpPort() {
        return httpPort;
    }

    /**
     * The port the HTTP server should listen on, 0 for none. With {@code --once} it is off unless
     * the port was given explicitly, so a one-shot run never collides with a running service (README, "Operating fetchbox").
     */
    public int httpServerPort() {
        return once && !explicitlySet(Key.HTTP_PORT.name) ? 0 : httpPort;
    }

    /**
     * The Camel endpoint URIs each finished batch's summary is sent to, as configured; empty = none. They may hold
     * credentials: log them through {@link Redaction}.
     */
    public List<String> notifyEndpoints() {
        return notify;
    }

    // ---- cluster

    /** Empty for single-node mode. Contains credentials if the user gave them: do not log it. */
    public String brokerUrl() {
        return brokerUrl;
    }

    /** The broker user name; empty = none (or given in {@link #brokerUrl()}). */
    public String brokerUser() {
        return brokerUser;
    }

    /** The broker password; empty = none. A secret: never log, show or serve it. */
    public String brokerPassword() {
        return brokerPassword;
    }

    public boolean clusterMode() {
        return !brokerUrl.isEmpty();
    }

    /** This node's name: configured, or the host name. */
    public String nodeId() {
        return nodeId;
    }

    // ---- about the configuration itself

    /** fetchbox's version: the jar's Implementation-Version, or {@code dev}. */
    public String version() {
        return version;
    }

    /** Things worth a log line that did not stop start-up (unknown FETCHBOX_ variables). */
    public List<String> warnings() {
        return warnings;
    }

    /** True when {@code key} came from any source but the packaged defaults. */
    public boolean explicitlySet(String key) {
        Key known = Key.byName(key).orElseThrow(() -> new IllegalArgumentException("unknown configuration key " + key));
        return !origins.get(known).isDefault();
    }

    /**
     * Every key with a normalised value for Camel {@code {{fetchbox.x}}} placeholders: durations in
     * milliseconds, sizes in bytes, booleans and choices in lower case, host lists cleaned, node-id
     * and user-agent resolved, everything else trimmed. {@code fetchbox.broker-password} is here in clear, for the
     * bean that connects: never print or serve these values.
     */
    public Map<String, String> placeholderValues() {
        Map<String, String> values = new LinkedHashMap<>();
        placeholders.forEach((key, value) -> values.put(key.name, value));
        return Collections.unmodifiableMap(values);
    }

    /** A multi-line summary for the start-up log: each key, its value, and where it came from. */
    public String describe() {
        int width =
                Arrays.stream(Key.values()).mapToInt(k -> k.name.length()).max().orElse(0);
        StringBuilder out = new StringBuilder(
                "fetchbox " + version + " configuration (working directory " + workingDirectory + "):");
        for (Key key : Key.values()) {
            out.append(System.lineSeparator())
                    .append("  ")
                    .append(String.format("%-" + width + "s", key.name))
                    .append(" = ")
                    .append(displays.get(key));
            Origin origin = origins.get(key);
            if (!origin.isDefault()) {
                out.append("   [").append(origin).append(']');
            }
        }
        return out.toString();
    }

    /** Each key's human form, as {@link #describe()} shows it. */
    Map<Key, String> displayValues() {
        return displays;
    }

    @Override
    public String toString() {
        return describe();
    }

    private Path resolve(String folder) {
        return workingDirectory.resolve(folder).normalize();
    }
}
