package io.fetchbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Report lines of a batch by their list line number. */
final class Reports {
    private Reports() {}

    static Map<Integer, JsonNode> byLine(List<JsonNode> report) {
        return report.stream().collect(Collectors.toMap(r -> r.get("line").asInt(), r -> r));
    }

    static String text(JsonNode line, String field) {
        JsonNode value = line.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
