package io.fetchbox.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StampedTest {
    @ParameterizedTest
    @CsvSource({
        "images.txt, images.20261128T090000Z.txt",
        "noext, noext.20261128T090000Z",
        "a.b.csv, a.b.20261128T090000Z.csv"
    })
    void theStampGoesBeforeTheExtension(String name, String stamped) {
        assertThat(Stamped.name(name, Instant.parse("2026-11-28T09:00:00Z"))).isEqualTo(stamped);
    }
}
