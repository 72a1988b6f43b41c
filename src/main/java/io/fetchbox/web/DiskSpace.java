package io.fetchbox.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether there is room for new downloads: the usable space under {@code fetchbox.output} is at
 * least {@code fetchbox.min-free-disk} (0 turns the check off). Readiness is down while there is
 * not ({@link DiskSpaceCheck}), and the scheduler starts no new download. The file system is asked
 * at most every quarter second, so that callers may ask before every download.
 */
public final class DiskSpace {
    private static final Logger LOG = LoggerFactory.getLogger(DiskSpace.class);
    private static final long REFRESH_NANOS = 250_000_000L;
    private final LongSupplier usableBytes;
    private final long minFree;
    private final LongSupplier clock;
    private volatile long lastAsked;
    private volatile long lastFree = -1;
    private final AtomicBoolean paused = new AtomicBoolean();

    /** The space of the file system that holds {@code folder} (or its nearest existing parent). */
    public DiskSpace(Path folder, long minFreeBytes) {
        this(() -> usableSpace(folder), minFreeBytes, System::nanoTime);
    }

    DiskSpace(LongSupplier usableBytes, long minFreeBytes, LongSupplier nanoClock) {
        this.usableBytes = usableBytes;
        this.minFree = minFreeBytes;
        this.clock = nanoClock;
    }

    /**
     * True while the free space is at least the minimum, when the check is off, or when the file
     * system cannot tell (a check that cannot be made stops nothing).
     */
    public boolean hasRoom() {
        if (minFree <= 0) {
            return true;
        }
        long free = freeBytes();
        boolean room = free < 0 || free >= minFree;
        // a pause is said once when it starts and once when it ends, never per download
        if (paused.compareAndSet(room, !room)) {
            if (room) {
                LOG.info("downloads go on: {} free under the output folder", gigabytes(free));
            } else {
                LOG.warn("downloads paused: {}", reason(free));
            }
        }
        return room;
    }

    /** Why new downloads wait ({@code disk: 0.9 GB free, need 1.0 GB}), or null while they do not. */
    public String pauseReason() {
        if (hasRoom()) {
            return null;
        }
        return "disk: " + gigabytes(freeBytes()) + " free, need " + gigabytes(minFree);
    }

    private String reason(long free) {
        return gigabytes(free) + " free under the output folder, below fetchbox.min-free-disk (" + gigabytes(minFree)
                + "); readiness is down until there is room";
    }

    private static String gigabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f GB", bytes / (1024.0 * 1024 * 1024));
    }

    /** {@code fetchbox.min-free-disk} in bytes; 0 when the check is off. */
    public long minFreeBytes() {
        return minFree;
    }

    /** Usable bytes now (at most a quarter second old); -1 when the file system cannot tell. */
    public long freeBytes() {
        long now = clock.getAsLong();
        if (lastFree < 0 || now - lastAsked >= REFRESH_NANOS) {
            lastFree = usableBytes.getAsLong();
            lastAsked = now;
        }
        return lastFree;
    }

    private static long usableSpace(Path folder) {
        Path existing = folder.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return -1;
        }
        try {
            return Files.getFileStore(existing).getUsableSpace();
        } catch (IOException e) {
            return -1;
        }
    }
}
