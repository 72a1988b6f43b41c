package io.fetchbox.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DurationsTest {

    @ParameterizedTest(name = "\"{0}\" = {1} ms")
    @CsvSource(
            delimiter = '|',
            value = {
                "1500      | 1500", // a plain number is milliseconds, as in Camel
                "0         | 0",
                "2000ms    | 2000",
                "30s       | 30000",
                "1m        | 60000",
                "1h        | 3600000",
                "1.5s      | 1500",
                "0.5m      | 30000",
                "1m30s     | 90000",
                "1h 30m    | 5400000",
                "10 S      | 10000",
                "' 250ms ' | 250",
            })
    void reads(String text, long millis) {
        assertThat(Durations.parse(text)).isEqualTo(Duration.ofMillis(millis));
    }

    @ParameterizedTest(name = "\"{0}\" is refused")
    @CsvSource(
            delimiter = '|',
            value = {"soon", "-1s", "1d", "''", "s", "1.5", "1.2.3s", "1s x", "1 sec", "0.0001s", "PT5S"})
    void refuses(String text) {
        assertThatThrownBy(() -> Durations.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a duration; use ms, s, m or h, or a plain number of milliseconds");
    }

    @ParameterizedTest(name = "{0} ms shows as {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "0 | 0",
                "250 | 250ms",
                "1500 | 1.5s",
                "1001 | 1001ms",
                "30000 | 30s",
                "60000 | 1m",
                "90000 | 1m30s",
                "3600000 | 1h"
            })
    void formatsForTheLog(long millis, String shown) {
        assertThat(Durations.format(Duration.ofMillis(millis))).isEqualTo(shown);
    }
}
