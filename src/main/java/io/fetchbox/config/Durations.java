package io.fetchbox.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as the README's "Configuration" writes them, the way Camel reads them: {@code ms}, {@code s},
 * {@code m}, {@code h}, and a plain number means milliseconds ({@code 1500} is 1.5 seconds, not
 * 1500 seconds). Decimals ({@code 1.5s}) and Camel-style compounds ({@code 1m30s}) are accepted.
 */
public final class Durations {

    /** What a user is told when a duration cannot be read. */
    public static final String ACCEPTED = "not a duration; use ms, s, m or h, or a plain number of milliseconds";

    private static final Map<String, Long> MILLIS_PER_UNIT =
            Map.of("ms", 1L, "s", 1_000L, "m", 60_000L, "h", 3_600_000L);

    private static final Pattern PLAIN_MILLIS = Pattern.compile("\\d+");
    // "ms" must come before "m" and "s" in the alternation, or "2000ms" would read as "2000m" + "s".
    private static final Pattern PART = Pattern.compile("\\G\\s*(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)");

    private Durations() {}

    /**
     * Parses a duration: {@code 1500} (ms), {@code 2000ms}, {@code 30s}, {@code 1.5s}, {@code 1m30s}.
     *
     * @throws IllegalArgumentException with {@link #ACCEPTED} (or a precision message) when it is not one
     */
    public static Duration parse(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        if (PLAIN_MILLIS.matcher(s).matches()) {
            return Duration.ofMillis(toLongMillis(new BigDecimal(s)));
        }
        Matcher m = PART.matcher(s);
        BigDecimal millis = BigDecimal.ZERO;
        int end = 0;
        while (m.find()) {
            millis = millis.add(
                    new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(MILLIS_PER_UNIT.get(m.group(2)))));
            end = m.end();
        }
        if (end == 0 || end != s.length()) {
            throw new IllegalArgumentException(ACCEPTED);
        }
        return Duration.ofMillis(toLongMillis(millis));
    }

    private static long toLongMillis(BigDecimal millis) {
        if (millis.stripTrailingZeros().scale() > 0) {
            // Camel and our placeholders carry whole milliseconds; silently rounding would surprise.
            throw new IllegalArgumentException("finer than a millisecond; " + ACCEPTED);
        }
        if (millis.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw new IllegalArgumentException("too long; " + ACCEPTED);
        }
        return millis.longValueExact();
    }

    /** A short human form for logs: {@code 1.5s}, {@code 2m}, {@code 250ms}, {@code 1h30m}. */
    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms == 0) {
            return "0";
        }
        if (ms < 1_000 || ms % 100 != 0) {
            return ms + "ms";
        }
        StringBuilder out = new StringBuilder();
        long hours = ms / 3_600_000L;
        long minutes = ms % 3_600_000L / 60_000L;
        long secondsMs = ms % 60_000L;
        if (hours > 0) {
            out.append(hours).append('h');
        }
        if (minutes > 0) {
            out.append(minutes).append('m');
        }
        if (secondsMs > 0) {
            out.append(BigDecimal.valueOf(secondsMs, 3).stripTrailingZeros().toPlainString())
                    .append('s');
        }
        return out.toString();
    }
}
