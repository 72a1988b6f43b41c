package io.fetchbox.batch;

import io.fetchbox.report.ReportFiles;
import java.time.Instant;

/** A file name made unique with a UTC time stamp before its extension: {@code a.txt} to {@code a.20261128T090000Z.txt}. */
public final class Stamped {
    private Stamped() {}

    public static String name(String fileName, Instant when) {
        String stamp = ReportFiles.STAMP.format(when);
        int dot = fileName.lastIndexOf('.');
        if (dot <= 0) {
            return fileName + "." + stamp;
        }
        return fileName.substring(0, dot) + "." + stamp + fileName.substring(dot);
    }
}
