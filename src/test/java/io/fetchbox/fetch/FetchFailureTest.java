package io.fetchbox.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import org.junit.jupiter.api.Test;

/** The exceptions as the JDK throws them from a failed write(2), open(2) or link(2). */
class FetchFailureTest {

    @Test
    void aFullDiskOrQuotaIsDiskFullWithTheOperatingSystemsWords() {
        FetchFailure full = FetchFailure.writeFailed("cannot write b/x", new IOException("No space left on device"));
        FetchFailure quota = FetchFailure.writeFailed(
                "cannot create a temporary file for b/x",
                new FileSystemException("/out/b/.x.1.fetchbox-part", null, "Disk quota exceeded"));

        assertThat(full.code()).isEqualTo(FetchFailure.DISK_FULL);
        assertThat(full.noSpaceReason()).isEqualTo("No space left on device");
        assertThat(quota.code()).isEqualTo(FetchFailure.DISK_FULL);
        assertThat(quota.noSpaceReason()).isEqualTo("Disk quota exceeded");
    }

    @Test
    void otherLocalErrorsAreWriteFailedAndNotDiskFull() {
        FetchFailure denied = FetchFailure.writeFailed(
                "cannot create a temporary file for b/x",
                new AccessDeniedException("/out/b/x", null, "Permission denied"));
        FetchFailure readOnly = FetchFailure.writeFailed("cannot write b/x", new IOException("Read-only file system"));

        assertThat(denied.code()).isEqualTo("write_failed");
        assertThat(denied.getMessage()).isEqualTo("cannot create a temporary file for b/x: Permission denied");
        assertThat(denied.noSpaceReason()).isNull();
        assertThat(readOnly.code()).isEqualTo("write_failed");
        assertThat(readOnly.noSpaceReason()).isNull();
    }
}
