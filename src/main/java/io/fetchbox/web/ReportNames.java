package io.fetchbox.web;

import io.fetchbox.naming.SafeName;
import java.nio.charset.StandardCharsets;

/** Which batch names may name a report file over HTTP, and how such a name goes into a link. */
final class ReportNames {
    private static final String UNRESERVED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";

    private ReportNames() {}

    /**
     * A batch name as fetchbox makes them: a safe name ({@link SafeName} leaves it as it is), so no
     * separator, no {@code ..}, no leading dot, no control character.
     */
    static boolean isSafeBatch(String batch) {
        return batch != null
                && !batch.isEmpty()
                && SafeName.of(batch).equals(batch)
                && batch.indexOf('/') < 0
                && batch.indexOf('\\') < 0
                && !batch.startsWith(".");
    }

    /** One path segment, percent-encoded as UTF-8 (every byte but the unreserved characters). */
    static String encode(String segment) {
        StringBuilder out = new StringBuilder();
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c < 128 && UNRESERVED.indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%')
                        .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
