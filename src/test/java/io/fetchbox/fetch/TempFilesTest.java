package io.fetchbox.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TempFilesTest {
    @ParameterizedTest
    @CsvSource({
        "a.bin, .a.bin.fetchbox-part",
        "batch/a.bin, batch/.a.bin.fetchbox-part",
        "batch/sub/dir/x, batch/sub/dir/.x.fetchbox-part"
    })
    void theTemporaryFileIsHiddenBesideItsTarget(String target, String temp) {
        assertThat(TempFiles.of(target)).isEqualTo(temp);
        String tempName = temp.substring(temp.lastIndexOf('/') + 1);
        assertThat(TempFiles.isTemporary(tempName)).isTrue();
        assertThat(TempFiles.targetName(tempName)).isEqualTo(target.substring(target.lastIndexOf('/') + 1));
    }

    @ParameterizedTest
    @CsvSource({"a.bin", "a.fetchbox-part", ".hidden", ".a.part"})
    void otherNamesAreNotTemporaries(String name) {
        assertThat(TempFiles.isTemporary(name)).isFalse();
    }
}
