package io.fetchbox.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TempFilesTest {
    @ParameterizedTest
    @CsvSource({
        "a.bin, '', .a.bin.",
        "batch/a.bin, batch/, .a.bin.",
        "batch/sub/dir/x, batch/sub/dir/, .x.",
        "batch/README, batch/, .README."
    })
    void theTemporaryFileIsHiddenBesideItsTargetUnderARandomName(String target, String folder, String prefix) {
        String temp = TempFiles.newName(target);
        String tempName = temp.substring(temp.lastIndexOf('/') + 1);

        assertThat(temp).startsWith(folder + prefix).endsWith(".fetchbox-part");
        assertThat(tempName).matches("\\..+\\.[0-9a-f]{16}\\.fetchbox-part");
        assertThat(TempFiles.isTemporary(tempName)).isTrue();
        assertThat(TempFiles.targetName(tempName)).isEqualTo(target.substring(target.lastIndexOf('/') + 1));
    }

    @Test
    void namesCannotBePredicted() {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            names.add(TempFiles.newName("b/x1"));
        }
        assertThat(names).hasSize(1000);
    }

    @ParameterizedTest
    @CsvSource({
        "a.bin",
        "a.fetchbox-part",
        ".hidden",
        ".a.part",
        ".a.fetchbox-part",
        ".a.0123456789ABCDEF.fetchbox-part"
    })
    void otherNamesAreNotTemporaries(String name) {
        assertThat(TempFiles.isTemporary(name)).isFalse();
    }
}
