package io.fetchbox.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every {@code fetchbox.*} key of the README's configuration table, in its order. */
enum Key {
    INBOX("fetchbox.inbox"),
    OUTPUT("fetchbox.output"),
    REPORTS("fetchbox.reports"),
    ONCE("fetchbox.once"),
    LAYOUT("fetchbox.layout"),
    CONCURRENCY("fetchbox.concurrency"),
    PER_HOST("fetchbox.per-host"),
    PER_HOST_RATE("fetchbox.per-host-rate"),
    CONNECT_TIMEOUT("fetchbox.connect-timeout"),
    READ_TIMEOUT("fetchbox.read-timeout"),
    RETRIES("fetchbox.retries"),
    RETRY_DELAY("fetchbox.retry-delay"),
    RETRY_MAX_DELAY("fetchbox.retry-max-delay"),
    MAX_REDIRECTS("fetchbox.max-redirects"),
    MAX_BYTES("fetchbox.max-bytes"),
    MAX_LIST_BYTES("fetchbox.max-list-bytes"),
    EXISTING("fetchbox.existing"),
    CONTENT_DISPOSITION("fetchbox.content-disposition"),
    ADJUST_EXTENSION("fetchbox.adjust-extension"),
    ACCEPT_TYPES("fetchbox.accept-types"),
    ALLOW_HOSTS("fetchbox.allow-hosts"),
    DENY_HOSTS("fetchbox.deny-hosts"),
    DENY_PRIVATE_NETWORKS("fetchbox.deny-private-networks"),
    USER_AGENT("fetchbox.user-agent"),
    INBOX_SETTLE("fetchbox.inbox-settle"),
    PROGRESS_INTERVAL("fetchbox.progress-interval"),
    LOG_FORMAT("fetchbox.log-format"),
    SHUTDOWN_TIMEOUT("fetchbox.shutdown-timeout"),
    STALL_TIMEOUT("fetchbox.stall-timeout"),
    MIN_FREE_DISK("fetchbox.min-free-disk"),
    HTTP_HOST("fetchbox.http-host"),
    HTTP_PORT("fetchbox.http-port"),
    NOTIFY("fetchbox.notify"),
    BROKER_URL("fetchbox.broker-url"),
    BROKER_USER("fetchbox.broker-user"),
    BROKER_PASSWORD("fetchbox.broker-password"),
    NODE_ID("fetchbox.node-id");

    static final String PREFIX = "fetchbox.";
    static final String ENV_PREFIX = "FETCHBOX_";
    /** Where an unknown key or argument sends the user, rather than a line of every key. */
    static final String SEE_HELP = "; fetchbox --help lists every key";

    private static final Map<String, Key> BY_NAME =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(k -> k.name, Function.identity()));
    private static final Map<String, Key> BY_ENV_NAME =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(Key::envName, Function.identity()));

    /** The key as users write it, e.g. {@code fetchbox.max-bytes}. */
    final String name;

    Key(String name) {
        this.name = name;
    }

    /** The environment variable for this key: upper-cased, dots and dashes as underscores. */
    String envName() {
        return toEnvName(name);
    }

    static String toEnvName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    static Optional<Key> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    static Optional<Key> byEnvName(String envName) {
        return Optional.ofNullable(BY_ENV_NAME.get(envName));
    }

    /** The key an unknown FETCHBOX_ variable would have meant, for the warning: lower case, dashes. */
    static String guessNameFromEnv(String envName) {
        return PREFIX
                + envName.substring(ENV_PREFIX.length())
                        .toLowerCase(Locale.ROOT)
                        .replace('_', '-');
    }
}
