package io.fetchbox.observe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether there is room for new downloads (README, "Operating fetchbox"): the usable space under
 * {@code fetchbox.output} is at least {@code fetchbox.min-free-disk} (0 turns that check off), and
 * no write has failed for want of space since space last returned. Readiness is down while there is
 * no room ({@link DiskSpaceCheck}), and the scheduler starts no new download. The file system is
 * asked at most every quarter second, so that callers may ask before every download.
 *
 * <p>A write that fails with "No space left on device" or "Disk quota exceeded" ({@link #filledUp})
 * pauses new downloads until the free space has grown by {@link #ROOM_AGAIN_BYTES} since, or, since
 * a quota is not seen in the free space, until {@link #PROBE_AFTER_NANOS} have passed: then
 * downloads go on, and a write that fails again pauses them again.
 */
public final class DiskSpace {
    private static final Logger LOG = LoggerFactory.getLogger(DiskSpace.class);
    private static final long REFRESH_NANOS = 250_000_000L;
    /** Growth of the free space after a full disk that counts as room again: a few bodies' worth. */
    static final long ROOM_AGAIN_BYTES = 8L * 1024 * 1024;
    /** How long a full disk or quota pauses downloads when the free space does not say it has ended. */
    static final long PROBE_AFTER_NANOS = TimeUnit.SECONDS.toNanos(60);

    private final LongSupplier usableBytes;
    private final long minFree;
    private final LongSupplier clock;
    private volatile long lastAsked;
    private volatile long lastFree = -1;
    private final AtomicBoolean paused = new AtomicBoolean();
    /** Set by a write that failed for want of space: the OS's words, the free space then, when. */
    private volatile Full full;

    private record Full(String reason, long freeThen, long sinceNanos) {}

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
     * A write under the output folder failed for want of space ({@code reason}: the operating
     * system's words): no new download starts until space returns.
     */
    public synchronized void filledUp(String reason) {
        // measured after the failed download's temporary file went, and raised by every later failure:
        // space that fetchbox's own failed downloads gave back is not space that returned
        long freeNow = Math.max(0, freshFreeBytes());
        Full before = full;
        full = before == null
                ? new Full(reason, freeNow, clock.getAsLong())
                : new Full(before.reason(), Math.max(before.freeThen(), freeNow), before.sinceNanos());
        hasRoom();
    }

    /**
     * True while no write has failed for want of space since space last returned, and the free space
     * is at least the minimum (or that check is off, or the file system cannot tell: a check that
     * cannot be made stops nothing).
     */
    public boolean hasRoom() {
        Full fullNow = stillFull();
        long free = freeBytes();
        boolean room = fullNow == null && (minFree <= 0 || free < 0 || free >= minFree);
        // a pause is said once when it starts and once when it ends, never per download
        if (paused.compareAndSet(room, !room)) {
            if (room) {
                LOG.info("downloads go on: {} free under the output folder", size(free));
            } else {
                LOG.warn("downloads paused: {}; readiness is down until there is room", reason(fullNow, free));
            }
        }
        return room;
    }

    private Full stillFull() {
        Full fullNow = full;
        if (fullNow == null) {
            return null;
        }
        long free = freeBytes();
        boolean grown = free >= 0 && free - fullNow.freeThen() >= ROOM_AGAIN_BYTES;
        boolean probeDue = clock.getAsLong() - fullNow.sinceNanos() >= PROBE_AFTER_NANOS;
        if (grown || probeDue) {
            synchronized (this) {
                if (full == fullNow) {
                    full = null;
                }
            }
            return full;
        }
        return fullNow;
    }

    /**
     * Why new downloads wait ({@code disk: 0.9 GB free, need 1.0 GB}, {@code disk full: No space left
     * on device, 12 KB free}), or null while they do not.
     */
    public String pauseReason() {
        if (hasRoom()) {
            return null;
        }
        Full fullNow = full;
        long free = freeBytes();
        return fullNow != null
                ? "disk full: " + fullNow.reason() + ", " + size(free) + " free"
                : "disk: " + size(free) + " free, need " + size(minFree);
    }

    /** The pause's reason as a sentence for the log and the readiness check, or null while there is room. */
    public String pauseDetail() {
        return hasRoom() ? null : reason(full, freeBytes());
    }

    private String reason(Full fullNow, long free) {
        if (fullNow != null) {
            return "a write under the output folder failed (" + fullNow.reason() + ") with " + size(free)
                    + " free; the download is tried again once space returns";
        }
        return size(free) + " free under the output folder, below fetchbox.min-free-disk (" + size(minFree) + ")";
    }

    /** Gigabytes with one decimal from 0.1 GB up, else megabytes or kilobytes (powers of 1024). */
    static String size(long bytes) {
        double kb = bytes / 1024.0;
        double mb = kb / 1024;
        double gb = mb / 1024;
        if (gb >= 0.1 || bytes <= 0) {
            return String.format(Locale.ROOT, "%.1f GB", Math.max(0, gb));
        }
        return mb >= 1 ? String.format(Locale.ROOT, "%.1f MB", mb) : String.format(Locale.ROOT, "%.0f KB", kb);
    }

    /** {@code fetchbox.min-free-disk} in bytes; 0 when the check is off. */
    public long minFreeBytes() {
        return minFree;
    }

    /** Usable bytes now (at most a quarter second old); -1 when the file system cannot tell. */
    public long freeBytes() {
        long now = clock.getAsLong();
        if (lastFree < 0 || now - lastAsked >= REFRESH_NANOS) {
            return freshFreeBytes();
        }
        return lastFree;
    }

    private long freshFreeBytes() {
        lastFree = usableBytes.getAsLong();
        lastAsked = clock.getAsLong();
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
