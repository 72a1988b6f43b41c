package io.fetchbox.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;

/** {@code <batch>.summary.json}, README, "Reports". {@code lines} equals the sum of {@code outcomes}. */
@JsonPropertyOrder({"batch", "list", "lines", "outcomes", "bytes", "started", "finished", "seconds", "bytes_per_second"
})
public record Summary(
        String batch,
        String list,
        long lines,
        Map<String, Long> outcomes,
        long bytes,
        String started,
        String finished,
        double seconds,
        @JsonProperty("bytes_per_second") long bytesPerSecond) {}
