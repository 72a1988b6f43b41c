package io.fetchbox.fetch;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** HTTP dates (RFC 9110 IMF-fixdate, which RFC 1123 parsing accepts). */
final class HttpDates {
    private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";

    private HttpDates() {}

    /** The instant, or null when the value is missing or not a date. */
    static Instant parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.trim();
        Instant fixed = imfFixdate(text);
        if (fixed != null) {
            return fixed;
        }
        try {
            return ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * {@code Sun, 06 Nov 1994 08:49:37 GMT}, the form every current server sends, read by position:
     * one date per download, and the general formatter costs several microseconds. Null for
     * anything else, which the formatter then judges.
     */
    static Instant imfFixdate(String text) {
        if (text.length() != 29
                || text.charAt(3) != ','
                || text.charAt(4) != ' '
                || text.charAt(7) != ' '
                || text.charAt(11) != ' '
                || text.charAt(16) != ' '
                || text.charAt(19) != ':'
                || text.charAt(22) != ':'
                || text.charAt(25) != ' '
                || !text.endsWith("GMT")) {
            return null;
        }
        int month = MONTHS.indexOf(text.substring(8, 11));
        int day = digits(text, 5, 2);
        int year = digits(text, 12, 4);
        int hour = digits(text, 17, 2);
        int minute = digits(text, 20, 2);
        int second = digits(text, 23, 2);
        if (month < 0 || month % 3 != 0 || (day | year | hour | minute | second) < 0) {
            return null;
        }
        int m = month / 3 + 1;
        if (day < 1 || day > daysInMonth(year, m) || hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        // by arithmetic: java.time's field checks were most of this method's cost (one date per download)
        return Instant.ofEpochSecond(daysSinceEpoch(year, m, day) * 86_400L + hour * 3_600L + minute * 60L + second);
    }

    private static int daysInMonth(int year, int month) {
        if (month == 2) {
            boolean leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
            return leap ? 29 : 28;
        }
        return month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
    }

    /** Days from 1970-01-01 in the proleptic Gregorian calendar (Howard Hinnant's days_from_civil). */
    static long daysSinceEpoch(int year, int month, int day) {
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yearOfEra = y - era * 400;
        long dayOfYear = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097 + dayOfEra - 719_468;
    }

    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
