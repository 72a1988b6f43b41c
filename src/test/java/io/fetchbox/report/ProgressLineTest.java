package io.fetchbox.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProgressLineTest {
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "1200 | 10000 | 3 | 47290777 | 60  | 'images: 1200/10000 (12%), 3 failed, 60.0 URLs/s, 45.1 MB/s, ETA 2m27s'",
                "10   | 10    | 0 | 2048     | 5   | 'images: 10/10 (100%), 0 failed, 5.0 URLs/s, 2.0 KB/s, ETA -'",
                "0    | 0     | 0 | 0        | 0   | 'images: 0/0 (0%), 0 failed, 0.0 URLs/s, 0.0 KB/s, ETA -'",
                "500  | 1000  | 1 | 1048576  | 100 | 'images: 500/1000 (50%), 1 failed, 100.0 URLs/s, 1.0 MB/s, ETA 5s'"
            })
    void formatsTheSpecsLine(
            long done, long total, long failed, double bytesPerSecond, double linesPerSecond, String line) {
        assertThat(ProgressLine.format("images", done, total, failed, bytesPerSecond, linesPerSecond))
                .isEqualTo(line);
    }

    @Test
    void theLastLineCountsEachOutcomeThereWasAndNamesTheFailedList() {
        Map<String, Long> outcomes = new LinkedHashMap<>();
        Outcome.ALL.forEach(o -> outcomes.put(o, 0L));
        outcomes.put(Outcome.DOWNLOADED, 97_006L);
        outcomes.put(Outcome.DUPLICATE, 1_004L);
        outcomes.put(Outcome.FAILED, 1_990L);

        assertThat(ProgressLine.done("pics", 35.06, outcomes, "reports/pics.failed.txt"))
                .isEqualTo("pics: done in 35.1 s: 97,006 downloaded, 1,004 duplicate, 1,990 failed"
                        + " (reports/pics.failed.txt)");
        outcomes.replaceAll((k, v) -> 0L);
        assertThat(ProgressLine.done("empty", 0.01, outcomes, null)).isEqualTo("empty: done in 0.0 s: no URL lines");
    }
}
