package io.fetchbox.observe;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskSpaceTest {
    private final AtomicLong free = new AtomicLong(1000);
    private final AtomicLong clock = new AtomicLong();

    @Test
    void thereIsRoomWhileTheFreeSpaceIsAtLeastTheMinimum() {
        DiskSpace disk = new DiskSpace(free::get, 1000, clock::get);
        assertThat(disk.hasRoom()).isTrue();

        free.set(999);
        clock.addAndGet(1_000_000_000L);
        assertThat(disk.hasRoom()).isFalse();

        free.set(5000);
        clock.addAndGet(1_000_000_000L);
        assertThat(disk.hasRoom()).isTrue();
    }

    @Test
    void aPauseSaysWhyWhileItLasts() {
        long gb = 1024L * 1024 * 1024;
        free.set(gb * 9 / 10);
        DiskSpace disk = new DiskSpace(free::get, gb, clock::get);

        assertThat(disk.pauseReason()).isEqualTo("disk: 0.9 GB free, need 1.0 GB");

        free.set(2 * gb);
        clock.addAndGet(1_000_000_000L);
        assertThat(disk.pauseReason()).isNull();
    }

    @Test
    void theFileSystemIsAskedAtMostEveryQuarterSecond() {
        DiskSpace disk = new DiskSpace(free::get, 1000, clock::get);
        assertThat(disk.freeBytes()).isEqualTo(1000);

        free.set(10);
        clock.addAndGet(100_000_000L);
        assertThat(disk.hasRoom()).isTrue();
        clock.addAndGet(200_000_000L);
        assertThat(disk.hasRoom()).isFalse();
    }

    @Test
    void zeroTurnsTheCheckOffAndAnUnknownFreeSpaceStopsNothing() {
        free.set(0);
        assertThat(new DiskSpace(free::get, 0, clock::get).hasRoom()).isTrue();
        free.set(-1);
        assertThat(new DiskSpace(free::get, 1000, clock::get).hasRoom()).isTrue();
    }

    @Test
    void aFolderNotYetCreatedIsMeasuredOnItsNearestParent(@TempDir Path dir) {
        DiskSpace disk = new DiskSpace(dir.resolve("not/yet/there"), 1);
        assertThat(disk.freeBytes()).isPositive();
        assertThat(disk.hasRoom()).isTrue();
    }

    @Test
    void aWriteThatFoundNoSpacePausesUntilTheFreeSpaceHasGrown() {
        free.set(4096);
        DiskSpace disk = new DiskSpace(free::get, 0, clock::get);

        disk.filledUp("No space left on device");

        assertThat(disk.hasRoom()).isFalse();
        assertThat(disk.pauseReason()).isEqualTo("disk full: No space left on device, 4 KB free");
        free.set(4096 + DiskSpace.ROOM_AGAIN_BYTES - 1);
        clock.addAndGet(1_000_000_000L);
        assertThat(disk.hasRoom()).as("not yet enough room for a few bodies").isFalse();
        free.set(4096 + DiskSpace.ROOM_AGAIN_BYTES);
        clock.addAndGet(1_000_000_000L);
        assertThat(disk.hasRoom()).isTrue();
        assertThat(disk.pauseReason()).isNull();
    }

    @Test
    void spaceGivenBackByLaterFailedDownloadsIsNotSpaceReturned() {
        free.set(0);
        DiskSpace disk = new DiskSpace(free::get, 0, clock::get);
        disk.filledUp("No space left on device");

        // a second download fails and its temporary file goes
        free.set(DiskSpace.ROOM_AGAIN_BYTES);
        clock.addAndGet(1_000_000_000L);
        disk.filledUp("No space left on device");

        assertThat(disk.hasRoom()).isFalse();
        free.set(2 * DiskSpace.ROOM_AGAIN_BYTES);
        clock.addAndGet(1_000_000_000L);
        assertThat(disk.hasRoom()).isTrue();
    }

    @Test
    void aQuotaThatTheFreeSpaceDoesNotShowIsTriedAgainAfterAMinute() {
        DiskSpace disk = new DiskSpace(free::get, 0, clock::get);
        disk.filledUp("Disk quota exceeded");

        clock.addAndGet(DiskSpace.PROBE_AFTER_NANOS - 1);
        assertThat(disk.hasRoom()).isFalse();
        assertThat(disk.pauseReason()).startsWith("disk full: Disk quota exceeded");
        clock.addAndGet(1);
        assertThat(disk.hasRoom()).isTrue();
    }

    @Test
    void aFullDiskPausesEvenWithTheMinimumMetAndTheMinimumStillHoldsAfterwards() {
        long gb = 1024L * 1024 * 1024;
        free.set(2 * gb);
        DiskSpace disk = new DiskSpace(free::get, gb, clock::get);
        disk.filledUp("Disk quota exceeded");
        assertThat(disk.hasRoom()).isFalse();

        free.set(gb / 2);
        clock.addAndGet(DiskSpace.PROBE_AFTER_NANOS);
        assertThat(disk.pauseReason()).isEqualTo("disk: 0.5 GB free, need 1.0 GB");
    }

    @Test
    void sizesAreShownInTheUnitThatReadsBest() {
        assertThat(DiskSpace.size(0)).isEqualTo("0.0 GB");
        assertThat(DiskSpace.size(-1)).isEqualTo("0.0 GB");
        assertThat(DiskSpace.size(12 * 1024)).isEqualTo("12 KB");
        assertThat(DiskSpace.size(5 * 1024 * 1024 + 512 * 1024)).isEqualTo("5.5 MB");
        assertThat(DiskSpace.size(1024L * 1024 * 1024 * 9 / 10)).isEqualTo("0.9 GB");
        assertThat(DiskSpace.size(3L * 1024 * 1024 * 1024 * 1024)).isEqualTo("3072.0 GB");
    }
}
