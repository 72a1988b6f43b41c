package io.fetchbox.fetch;

import java.time.Instant;

/** The {@code Retry-After} header, as seconds or as an HTTP date. */
final class RetryAfter {
    private RetryAfter() {}

    /** How long the server asks to wait, in milliseconds (never negative); null when absent or unreadable. */
    static Long millis(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.trim();
        if (text.chars().allMatch(Character::isDigit)) {
            try {
                return Math.multiplyExact(Long.parseLong(text), 1000L);
            } catch (ArithmeticException | NumberFormatException e) {
                return Long.MAX_VALUE;
            }
        }
        Instant when = HttpDates.parse(text);
        return when == null ? null : Math.max(0, when.toEpochMilli() - now.toEpochMilli());
    }
}
