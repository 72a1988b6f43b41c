package io.fetchbox.web;

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
}
