package io.fetchbox.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SizesTest {

    @ParameterizedTest(name = "\"{0}\" = {1} bytes")
    @CsvSource(
            delimiter = '|',
            value = {
                "0          | 0",
                "2048       | 2048",
                "2KB        | 2048",
                "2 kb       | 2048",
                "2Kb        | 2048",
                "1MB        | 1048576",
                "1GB        | 1073741824",
                "1.5MB      | 1572864",
                "100B       | 100",
                "4KiB       | 4096",
                "' 1GB '    | 1073741824",
                "8589934592 | 8589934592",
            })
    void reads(String text, long bytes) {
        assertThat(Sizes.parse(text)).isEqualTo(bytes);
    }

    @ParameterizedTest(name = "\"{0}\" is refused")
    @CsvSource(
            delimiter = '|',
            value = {"12XB", "-1", "1.5.3", "''", "'   '", "KB", "1.5", "1TB", "1 000", "0x10", "99999999999GB"})
    void refuses(String text) {
        assertThatThrownBy(() -> Sizes.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageFindingMatch("not a size|too large");
    }

    @ParameterizedTest(name = "{0} bytes shows as {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "0 | 0 bytes",
                "1 | 1 byte",
                "1023 | 1023 bytes",
                "2048 | 2KB",
                "1572864 | 1.5MB",
                "1073741824 | 1GB"
            })
    void formatsForTheLog(long bytes, String shown) {
        assertThat(Sizes.format(bytes)).isEqualTo(shown);
    }
}
