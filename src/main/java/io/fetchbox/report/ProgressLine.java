package io.fetchbox.report;

import java.util.Locale;

/** The periodic progress line: {@code images: 1200/10000 (12%), 3 failed, 45.1 MB/s, ETA 20s}. */
public final class ProgressLine {
    private ProgressLine() {}

    /**
     * @param total lines known so far (the whole list once it has been read)
     * @param bytesPerSecond recent or average rate
     */
    public static String format(
            String batch, long done, long total, long failed, double bytesPerSecond, double linesPerSecond) {
        long percent = total == 0 ? 0 : done * 100 / total;
        String eta = linesPerSecond > 0 && total > done ? duration((total - done) / linesPerSecond) : "-";
        return String.format(
                Locale.ROOT,
                "%s: %d/%d (%d%%), %d failed, %s, ETA %s",
                batch,
                done,
                total,
                percent,
                failed,
                rate(bytesPerSecond),
                eta);
    }

    static String rate(double bytesPerSecond) {
        double mb = bytesPerSecond / (1024 * 1024);
        if (mb >= 1) {
            return String.format(Locale.ROOT, "%.1f MB/s", mb);
        }
        return String.format(Locale.ROOT, "%.1f KB/s", bytesPerSecond / 1024);
    }

    static String duration(double seconds) {
        long s = Math.round(Math.ceil(seconds));
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return (s / 60) + "m" + (s % 60 == 0 ? "" : (s % 60) + "s");
        }
        return (s / 3600) + "h" + ((s % 3600) / 60) + "m";
    }
}
