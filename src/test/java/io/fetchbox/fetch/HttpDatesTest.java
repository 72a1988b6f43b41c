package io.fetchbox.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HttpDatesTest {
    @ParameterizedTest
    @ValueSource(
            strings = {
                "Sun, 06 Nov 1994 08:49:37 GMT",
                "Thu, 01 Jan 2026 00:00:00 GMT",
                "Thu, 29 Feb 2024 23:59:59 GMT",
                "Tue, 31 Dec 2030 12:34:56 GMT",
                "Sat, 01 Jan 2000 00:00:00 GMT"
            })
    void theFastPathReadsImfFixdateAsTheFormatterDoes(String date) {
        Instant expected =
                ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        assertThat(HttpDates.imfFixdate(date)).isEqualTo(expected);
        assertThat(HttpDates.parse(date)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                // other forms RFC 1123 allows are left to the formatter, and still read
                "Sun, 6 Nov 1994 08:49:37 GMT | 1994-11-06T08:49:37Z",
                "Sun, 06 Nov 1994 08:49:37 +0000 | 1994-11-06T08:49:37Z",
                "  Sun, 06 Nov 1994 08:49:37 GMT  | 1994-11-06T08:49:37Z",
                "Sun, 06 nov 1994 08:49:37 GMT | 1994-11-06T08:49:37Z",
                // a wrong day name is not worth refusing the date for (curl does not either)
                "Mon, 06 Nov 1994 08:49:37 GMT | 1994-11-06T08:49:37Z"
            })
    void otherRfc1123FormsAreReadByTheFormatter(String date, String expected) {
        assertThat(HttpDates.parse(date)).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "yesterday",
                "Sun, 06 Nox 1994 08:49:37 GMT",
                "Sun, 30 Feb 1994 08:49:37 GMT",
                "Sun, 06 Nov 1994 24:49:37 GMT",
                "Sun, 06 Nov 1994 08:60:37 GMT",
                "Sun, 0x Nov 1994 08:49:37 GMT",
                "Sun, 06 Nov 1994 08:49:37 UTC",
                "Sunday, 06-Nov-94 08:49:37 GMT"
            })
    void whatIsNotADateIsNull(String date) {
        assertThat(HttpDates.parse(date)).isNull();
    }

    /** The fast path's own calendar against java.time's, a day at a time over two centuries and leap days. */
    @Test
    void theFastPathAgreesWithTheFormatterOnEveryDayFrom1900To2100() {
        DateTimeFormatter imfFixdate = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US);
        ZonedDateTime day = ZonedDateTime.parse("1900-01-01T00:00:00Z");
        int checked = 0;
        for (int i = 0; day.getYear() <= 2100; i++, day = day.plusDays(1)) {
            ZonedDateTime at = day.withHour(i % 24).withMinute(i % 60).withSecond((i * 7) % 60);
            String text = imfFixdate.format(at);
            assertThat(HttpDates.imfFixdate(text)).as(text).isEqualTo(at.toInstant());
            checked++;
        }
        assertThat(checked).isEqualTo(73_414);
        assertThat(HttpDates.imfFixdate("Thu, 01 Jan 1970 00:00:00 GMT")).isEqualTo(Instant.EPOCH);
        assertThat(HttpDates.imfFixdate("Wed, 31 Dec 1969 23:59:59 GMT")).isEqualTo(Instant.ofEpochSecond(-1));
        assertThat(HttpDates.imfFixdate("Tue, 29 Feb 2000 12:00:00 GMT")).isNotNull();
        assertThat(HttpDates.imfFixdate("Mon, 29 Feb 2100 12:00:00 GMT")).isNull();
        assertThat(HttpDates.imfFixdate("Sun, 31 Apr 2026 12:00:00 GMT")).isNull();
    }

    @Test
    void aMissingDateIsNull() {
        assertThat(HttpDates.parse(null)).isNull();
    }
}
