package io.fetchbox.report;

import java.util.Locale;
import java.util.Map;

/**
 * The periodic progress line, {@code images: 1200/10000 (12%), 3 failed, 290.5 URLs/s, 45.1 MB/s,
 * ETA 20s}, and the line a batch ends with, {@code images: done in 35.1 s: 9,990 downloaded, 3 failed
 * (reports/images.failed.txt), 4 duplicate}.
 */
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
                "%s: %d/%d (%d%%), %d failed, %.1f URLs/s, %s, ETA %s",
                batch,
                done,
                total,
                percent,
                failed,
                linesPerSecond,
                rate(bytesPerSecond),
                eta);
    }

    /**
     * @param outcomes count per outcome, in the report's order; outcomes with none are left out
     * @param failedList where the failed and invalid lines went, or null when none did
     */
    public static String done(String batch, double seconds, Map<String, Long> outcomes, String failedList) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%s: done in %.1f s:", batch, seconds));
        String separator = " ";
        for (Map.Entry<String, Long> outcome : outcomes.entrySet()) {
            if (outcome.getValue() == 0) {
                continue;
            }
            line.append(separator).append(String.format(Locale.ROOT, "%,d %s", outcome.getValue(), outcome.getKey()));
            if (failedList != null
                    && (outcome.getKey().equals(Outcome.FAILED)
                            || outcome.getKey().equals(Outcome.INVALID))) {
                line.append(" (").append(failedList).append(')');
            }
            separator = ", ";
        }
        if (separator.equals(" ")) {
            line.append(" no URL lines");
        }
        return line.toString();
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
