package io.fetchbox.config;

import io.fetchbox.media.AcceptedTypes;
import java.math.BigDecimal;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Types and checks one key at a time. A bad value is recorded as a problem (naming key, source,
 * value and what is accepted) and a harmless stand-in is returned, so that every problem of a
 * configuration is found in one pass. Each read also records the key's normalised text for Camel
 * placeholders and a human form for the start-up log.
 */
final class ValueReader {

    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?\\d{1,18}");
    private static final Pattern DECIMAL = Pattern.compile("\\d+(\\.\\d+)?");
    // A node id ends up in reports, logs and message headers: keep it to host-name characters.
    private static final Pattern NODE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    // Host names, IPv4 and IPv6 addresses (with optional brackets and %zone), nothing else.
    private static final Pattern BIND_HOST = Pattern.compile("[A-Za-z0-9._:%\\[\\]-]+");
    private static final Pattern BROKER_URL = Pattern.compile("\\(?[A-Za-z][A-Za-z0-9+.-]*://\\S+");

    private final Map<Key, RawValue> raw;
    private final Path workingDirectory;
    final List<String> problems = new ArrayList<>();
    final Map<Key, String> placeholders = new EnumMap<>(Key.class);
    final Map<Key, String> displays = new EnumMap<>(Key.class);

    ValueReader(Map<Key, RawValue> raw, Path workingDirectory) {
        this.raw = raw;
        this.workingDirectory = workingDirectory;
    }

    Origin origin(Key key) {
        RawValue value = raw.get(key);
        return value == null ? Origin.packagedDefaults() : value.origin();
    }

    /** A folder, kept as given; relative ones resolve against the working directory. */
    String folder(Key key) {
        return read(key, "", text -> {
            if (text.isEmpty()) {
                throw new IllegalArgumentException(
                        "must not be empty; give a folder, relative to the working directory or absolute");
            }
            try {
                Path resolved = workingDirectory.resolve(text);
                remember(key, text, text + " (" + resolved.normalize() + ")");
            } catch (InvalidPathException e) {
                throw new IllegalArgumentException("not a usable path: " + e.getReason());
            }
            return text;
        });
    }

    boolean bool(Key key) {
        return read(key, false, text -> {
            String lower = text.toLowerCase(Locale.ROOT);
            if (!lower.equals("true") && !lower.equals("false")) {
                throw new IllegalArgumentException("must be true or false");
            }
            remember(key, lower, lower);
            return Boolean.parseBoolean(lower);
        });
    }

    /** One of a fixed set of words, case-insensitively; returned in lower case. */
    String oneOf(Key key, String... allowed) {
        return read(key, allowed[0], text -> {
            String lower = text.toLowerCase(Locale.ROOT);
            if (!Arrays.asList(allowed).contains(lower)) {
                throw new IllegalArgumentException("must be one of " + String.join(", ", allowed));
            }
            remember(key, lower, lower);
            return lower;
        });
    }

    int integer(Key key, int min, int max) {
        return read(key, min, text -> {
            String range = "use a whole number from " + min + " to " + max;
            if (!WHOLE_NUMBER.matcher(text).matches()) {
                throw new IllegalArgumentException("not a whole number; " + range);
            }
            long value = Long.parseLong(text);
            if (value < min || value > max) {
                throw new IllegalArgumentException("out of range; " + range);
            }
            remember(key, Long.toString(value), Long.toString(value));
            return (int) value;
        });
    }

    /** A non-negative decimal where 0 means no limit (per-host-rate). */
    double rate(Key key) {
        return read(key, 0.0, text -> {
            if (!DECIMAL.matcher(text).matches()) {
                throw new IllegalArgumentException(
                        "not a number; use 0 (no limit) or a positive number such as 2 or 0.5");
            }
            double value = new BigDecimal(text).doubleValue();
            remember(key, text, value == 0 ? "0 (no limit)" : text + " per second");
            return value;
        });
    }

    long size(Key key, String zeroMeans) {
        return read(key, 0L, text -> {
            long bytes = Sizes.parse(text);
            remember(
                    key,
                    Long.toString(bytes),
                    bytes == 0 && zeroMeans != null ? "0 (" + zeroMeans + ")" : Sizes.format(bytes));
            return bytes;
        });
    }

    Duration duration(Key key, boolean mustBePositive) {
        return read(key, Duration.ofSeconds(1), text -> {
            Duration d = Durations.parse(text);
            if (mustBePositive && d.isZero()) {
                throw new IllegalArgumentException(
                        "must be more than 0; use ms, s, m or h, or a plain number of milliseconds");
            }
            remember(key, Long.toString(d.toMillis()), Durations.format(d));
            return d;
        });
    }

    List<String> hostGlobs(Key key, String emptyMeans) {
        return read(key, List.of(), text -> {
            List<String> globs = HostGlobs.parse(text);
            String joined = String.join(",", globs);
            remember(key, joined, globs.isEmpty() ? "(" + emptyMeans + ")" : joined);
            return globs;
        });
    }

    /** Empty (no cluster) or an Artemis URL; credentials stay in the value but never in the log. */
    String brokerUrl(Key key) {
        return read(key, "", text -> {
            if (!text.isEmpty() && !BROKER_URL.matcher(text).matches()) {
                throw new IllegalArgumentException(
                        "not a broker URL; leave it empty for a single node, or give an ActiveMQ Artemis URL such as tcp://broker:61616");
            }
            remember(key, text, text.isEmpty() ? "(none: single node)" : Redaction.redact(text));
            return text;
        });
    }

    /** Empty (none, or given in the broker URL) or a user name: printable text, no control characters. */
    String brokerUser(Key key) {
        return read(key, "", text -> {
            if (hasControlCharacters(text)) {
                throw new IllegalArgumentException(
                        "contains control characters; a broker user name is one line of printable text");
            }
            remember(key, text, text.isEmpty() ? "(none)" : text);
            return text;
        });
    }

    /**
     * Empty or a password. The placeholder keeps it for the bean that connects (routes never read it); the start-up
     * listing shows only whether one is set.
     */
    String brokerPassword(Key key) {
        return read(key, "", text -> {
            if (hasControlCharacters(text)) {
                throw new IllegalArgumentException(
                        "contains control characters; a broker password is one line of printable text");
            }
            remember(key, text, text.isEmpty() ? "(none)" : Redaction.HIDDEN);
            return text;
        });
    }

    /** Camel endpoint URIs, comma-separated; credentials stay in the values but never in the log. */
    List<String> endpointUris(Key key) {
        return read(key, List.of(), text -> {
            List<String> uris = EndpointUris.parse(text);
            String shown = uris.stream().map(Redaction::redact).collect(Collectors.joining(","));
            remember(key, String.join(",", uris), uris.isEmpty() ? "(none)" : shown);
            return uris;
        });
    }

    /** Empty means this machine's host name. */
    String nodeId(Key key) {
        return read(key, LocalIdentity.FALLBACK_NODE, text -> {
            String id = text;
            if (id.isEmpty()) {
                String host = LocalIdentity.hostName();
                id = NODE_ID.matcher(host).matches() ? host : LocalIdentity.FALLBACK_NODE;
            } else if (!NODE_ID.matcher(id).matches()) {
                throw new IllegalArgumentException(
                        "not a node id; use up to 128 letters, digits, dots, dashes or underscores, or leave it empty for the host name");
            }
            remember(key, id, id);
            return id;
        });
    }

    /** Empty means fetchbox/VERSION. It becomes a request header, so no control characters. */
    String userAgent(Key key, String version) {
        return read(key, "fetchbox/" + version, text -> {
            if (text.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                throw new IllegalArgumentException("contains control characters; a User-Agent is one line of text");
            }
            String agent = text.isEmpty() ? "fetchbox/" + version : text;
            remember(key, agent, agent);
            return agent;
        });
    }

    /** Media-type patterns (README, "Image batches"); empty accepts everything unchecked. */
    AcceptedTypes acceptedTypes(Key key) {
        return read(key, AcceptedTypes.ANY, text -> {
            AcceptedTypes types = AcceptedTypes.parse(text);
            remember(key, types.toString(), types.isAny() ? "(everything, unchecked)" : types.toString());
            return types;
        });
    }

    String bindHost(Key key) {
        return read(key, "127.0.0.1", text -> {
            if (!BIND_HOST.matcher(text).matches()) {
                throw new IllegalArgumentException(
                        "not a host to listen on; use an address or host name such as 127.0.0.1, 0.0.0.0 or localhost");
            }
            remember(key, text, text);
            return text;
        });
    }

    /** C0 controls, DEL and C1 controls: nothing a header, a log line or a terminal should receive. */
    private static boolean hasControlCharacters(String text) {
        return text.chars().anyMatch(Character::isISOControl);
    }

    private void remember(Key key, String placeholder, String display) {
        placeholders.put(key, placeholder);
        displays.put(key, display);
    }

    private <T> T read(Key key, T standIn, Function<String, T> parse) {
        RawValue value = raw.get(key);
        if (value == null) {
            // Already reported by Layers (the packaged defaults lack it); keep going.
            return standIn;
        }
        try {
            return parse.apply(value.text());
        } catch (IllegalArgumentException e) {
            problems.add(value.describe() + ": " + e.getMessage());
            return standIn;
        }
    }
}
