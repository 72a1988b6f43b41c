package io.fetchbox.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ReportFilesTest {

    @Test
    void aReportUnderTheWorkingDirectoryIsShownAsConfiguredElseInFull() {
        Path here = Path.of("/srv/fetchbox");

        assertThat(ReportFiles.shown(Path.of("/srv/fetchbox/reports/pics.failed.txt"), here))
                .isEqualTo("reports/pics.failed.txt");
        assertThat(ReportFiles.shown(Path.of("/var/lib/fetchbox/pics.failed.txt"), here))
                .isEqualTo("/var/lib/fetchbox/pics.failed.txt");
        assertThat(ReportFiles.shown(Path.of("/srv/fetchbox-old/pics.failed.txt"), here))
                .as("a sibling whose name starts the same is not under it")
                .isEqualTo("/srv/fetchbox-old/pics.failed.txt");
    }
}
