package io.fetchbox.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProgressLineTest {
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "1200 | 10000 | 3 | 47290777 | 60  | 'images: 1200/10000 (12%), 3 failed, 45.1 MB/s, ETA 2m27s'",
                "10   | 10    | 0 | 2048     | 5   | 'images: 10/10 (100%), 0 failed, 2.0 KB/s, ETA -'",
                "0    | 0     | 0 | 0        | 0   | 'images: 0/0 (0%), 0 failed, 0.0 KB/s, ETA -'",
                "500  | 1000  | 1 | 1048576  | 100 | 'images: 500/1000 (50%), 1 failed, 1.0 MB/s, ETA 5s'"
            })
    void formatsTheSpecsLine(
            long done, long total, long failed, double bytesPerSecond, double linesPerSecond, String line) {
        assertThat(ProgressLine.format("images", done, total, failed, bytesPerSecond, linesPerSecond))
                .isEqualTo(line);
    }
}
