package io.fetchbox.batch;

import java.time.Instant;
import java.util.Map;

/**
 * A running batch as the status page, the API and the metrics see it: a snapshot, taken without
 * stopping the report route.
 *
 * @param total the URL lines of the list when known (counted before feeding), else those fed so far
 * @param outcomes lines per outcome, every outcome of the report present, in the summary's order
 */
public record BatchStatus(
        String name,
        String listName,
        Instant started,
        long reported,
        long total,
        Map<String, Long> outcomes,
        long failed,
        long bytes) {}
