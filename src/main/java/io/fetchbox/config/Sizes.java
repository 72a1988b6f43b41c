package io.fetchbox.config;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sizes as the README's "Configuration" writes them: plain bytes, or a number with KB, MB or GB (powers of 1024). */
public final class Sizes {

    /** What a user is told when a size cannot be read. */
    public static final String ACCEPTED = "not a size; use bytes or a number with KB, MB or GB (powers of 1024)";

    private static final long KB = 1024L;
    private static final long MB = KB * 1024;
    private static final long GB = MB * 1024;

    // KiB/MiB/GiB and a bare B are accepted too: they mean the same thing and users write them.
    private static final Map<String, Long> UNITS =
            Map.of("", 1L, "b", 1L, "kb", KB, "kib", KB, "mb", MB, "mib", MB, "gb", GB, "gib", GB);

    // A decimal is only meaningful with a unit (1.5GB); plain bytes are whole.
    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([a-z]*)");

    private Sizes() {}

    /**
     * Parses a size into bytes: {@code 2048}, {@code 2KB} (2048), {@code 2 kb}, {@code 1.5MB}.
     *
     * @throws IllegalArgumentException with {@link #ACCEPTED} (or a range message) when it is not one
     */
    public static long parse(String text) {
        Matcher m = SIZE.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches() || !UNITS.containsKey(m.group(2))) {
            throw new IllegalArgumentException(ACCEPTED);
        }
        BigDecimal number = new BigDecimal(m.group(1));
        long unit = UNITS.get(m.group(2));
        if (unit == 1 && number.scale() > 0) {
            throw new IllegalArgumentException(ACCEPTED);
        }
        BigDecimal bytes = number.multiply(BigDecimal.valueOf(unit));
        if (bytes.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw new IllegalArgumentException("too large; at most " + Long.MAX_VALUE + " bytes");
        }
        // 0.3KB is 307.2 bytes: a fraction of a byte is dropped, not rounded up.
        return bytes.longValue();
    }

    /** A short human form for logs: {@code 1GB}, {@code 1.5MB}, {@code 100 bytes}. */
    public static String format(long bytes) {
        for (long unit : new long[] {GB, MB, KB}) {
            if (bytes >= unit) {
                String suffix = unit == GB ? "GB" : unit == MB ? "MB" : "KB";
                BigDecimal value = BigDecimal.valueOf(bytes)
                        .divide(BigDecimal.valueOf(unit), 2, java.math.RoundingMode.HALF_UP)
                        .stripTrailingZeros();
                return value.toPlainString() + suffix;
            }
        }
        return bytes + (bytes == 1 ? " byte" : " bytes");
    }
}
