package io.fetchbox.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;

/**
 * What {@code fetchbox --help} prints: the commands, every key of {@link Key} with its default and meaning, the
 * exit codes of the README's "In 30 seconds" and two examples. Defaults and meanings are read from the packaged
 * application.properties, where each key is preceded by the comment that documents it: one source for both.
 */
public final class Usage {

    private Usage() {}

    public static String text() {
        Map<Key, String[]> documented = documentedKeys(packagedText());
        int width = java.util.Arrays.stream(Key.values())
                .mapToInt(k -> k.name.length())
                .max()
                .orElse(0);
        String nl = System.lineSeparator();
        StringBuilder out = new StringBuilder();
        out.append("usage: java -jar fetchbox.jar [--once] [--fetchbox.<key>=<value> ...]")
                .append(nl)
                .append("       java -jar fetchbox.jar --help | -h | --version")
                .append(nl)
                .append(nl)
                .append("Downloads the URLs of every list dropped into the inbox folder.")
                .append(nl)
                .append(nl)
                .append("commands:")
                .append(nl)
                .append("  (none)      run as a service: watch the inbox until stopped (SIGTERM)")
                .append(nl)
                .append("  --once      process the lists already in the inbox, then exit")
                .append(nl)
                .append("  --help, -h  this text")
                .append(nl)
                .append("  --version   fetchbox's, Camel's and Java's versions")
                .append(nl)
                .append(nl)
                .append("keys (highest precedence first: --fetchbox.key=value, -Dfetchbox.key=value,")
                .append(nl)
                .append("FETCHBOX_KEY environment variables, ./application.properties, the defaults below):")
                .append(nl);
        for (Key key : Key.values()) {
            String[] entry = documented.getOrDefault(key, new String[] {"", ""});
            String shown = entry[0].isEmpty() ? "(empty)" : entry[0];
            out.append(String.format("  %-" + width + "s default: %s", key.name, shown))
                    .append(nl);
            if (!entry[1].isEmpty()) {
                out.append("      ").append(entry[1]).append(nl);
            }
        }
        out.append(nl)
                .append("sizes take KB, MB, GB (powers of 1024) or bytes; durations ms, s, m, h (a plain number is ms)")
                .append(nl)
                .append(nl)
                .append("exit codes:")
                .append(nl)
                .append("  0  done: everything downloaded (--once), or stopped by SIGTERM")
                .append(nl)
                .append("  1  --once: a URL failed or was invalid")
                .append(nl)
                .append("  2  wrong configuration, a folder or port that cannot be used, a dropped file that")
                .append(nl)
                .append("     was not a list (see inbox/.error/), or another fetchbox uses the folders")
                .append(nl)
                .append(nl)
                .append("examples:")
                .append(nl)
                .append("  java -jar fetchbox.jar --once --fetchbox.inbox=lists --fetchbox.output=/data")
                .append(nl)
                .append("  FETCHBOX_CONCURRENCY=32 java -jar fetchbox.jar --fetchbox.http-port=9090")
                .append(nl);
        return out.toString();
    }

    /**
     * Each {@code fetchbox.*} line of a properties text: its value, and the comment lines just above it
     * (without a {@code ##} section heading) joined as its meaning.
     */
    static Map<Key, String[]> documentedKeys(String propertiesText) {
        Map<Key, String[]> keys = new EnumMap<>(Key.class);
        StringBuilder comment = new StringBuilder();
        for (String raw : propertiesText.split("\\R")) {
            String line = raw.strip();
            if (line.startsWith("##") || line.isEmpty()) {
                comment.setLength(0);
            } else if (line.startsWith("#")) {
                if (comment.length() > 0) {
                    comment.append(' ');
                }
                comment.append(line.substring(1).strip());
            } else {
                int eq = line.indexOf('=');
                String name = eq < 0 ? line : line.substring(0, eq).strip();
                String value = eq < 0 ? "" : line.substring(eq + 1).strip();
                Key.byName(name).ifPresent(key -> keys.put(key, new String[] {value, comment.toString()}));
                comment.setLength(0);
            }
        }
        return keys;
    }

    private static String packagedText() {
        try (InputStream in = Usage.class.getClassLoader().getResourceAsStream(Sources.FILE_NAME)) {
            if (in == null) {
                throw new IllegalStateException("no " + Sources.FILE_NAME + " on the classpath: the jar is incomplete");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
