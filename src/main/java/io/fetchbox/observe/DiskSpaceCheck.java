package io.fetchbox.observe;

import java.util.Map;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Camel readiness check {@code fetchbox/disk-space}: down while the free space under
 * {@code fetchbox.output} is below {@code fetchbox.min-free-disk} or a write there has failed for want
 * of space ({@link DiskSpace}), so {@code /observe/health/ready} answers 503 until space returns. Not a liveness check: a full disk is no reason to restart.
 */
public final class DiskSpaceCheck extends AbstractHealthCheck {
    private final DiskSpace disk;

    public DiskSpaceCheck(DiskSpace disk) {
        super("fetchbox", "disk-space");
        this.disk = disk;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        long free = disk.freeBytes();
        builder.detail("free_bytes", free);
        builder.detail("min_free_bytes", disk.minFreeBytes());
        String paused = disk.pauseDetail();
        if (paused == null) {
            builder.up();
        } else {
            builder.message(paused + ": no new download starts").down();
        }
    }
}
