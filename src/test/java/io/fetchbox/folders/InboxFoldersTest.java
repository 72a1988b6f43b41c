package io.fetchbox.folders;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InboxFoldersTest {
    @ParameterizedTest
    @CsvSource({
        "images.txt, false",
        "list, false",
        "my.list.csv, false",
        ".hidden.txt, true",
        "images.txt.tmp, true",
        "images.part, true",
        "images.PARTIAL, true",
        "images.txt.crdownload, true",
        "images.txt~, true",
        "images.txt.camelLock, true"
    })
    void temporariesAndHiddenFilesAreNotLists(String name, boolean ignored) {
        assertThat(InboxFolders.isIgnored(name)).isEqualTo(ignored);
    }
}
