package io.fetchbox.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** fetchbox.log-format=json: the shape of each line (README, "Operating fetchbox"). */
class JsonLinesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LogLines log = new LogLines(LogFormat.JSON);

    @Test
    void aBatchLineHasEveryFieldInOrderAndNothingElse() throws Exception {
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        try (BatchField.Scope scope = BatchField.of("pics")) {
            log.logger("io.fetchbox.batch.BatchRegistry").info("{}: 3/10 (30%), 0 failed", "pics");
        }
        Instant after = Instant.now();

        JsonNode line = onlyLine();
        assertThat(fieldNames(line)).containsExactly("time", "level", "logger", "batch", "message");
        assertThat(line.get("time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(Instant.parse(line.get("time").asText())).isBetween(before, after);
        assertThat(line.get("level").asText()).isEqualTo("INFO");
        assertThat(line.get("logger").asText()).isEqualTo("io.fetchbox.batch.BatchRegistry");
        assertThat(line.get("batch").asText()).isEqualTo("pics");
        assertThat(line.get("message").asText()).isEqualTo("pics: 3/10 (30%), 0 failed");
    }

    @Test
    void aLineOutsideABatchHasNoBatchField() throws Exception {
        log.logger("org.apache.camel.impl.engine.DefaultShutdownStrategy").warn("Timeout occurred");

        JsonNode line = onlyLine();
        assertThat(fieldNames(line)).containsExactly("time", "level", "logger", "message");
        assertThat(line.get("level").asText()).isEqualTo("WARN");
    }

    @Test
    void quotesBackslashesNewlinesAndControlCharactersAreEscapedOnOneLine() throws Exception {
        String message = "a \"quoted\" \\path\\ \nsecond line\r\n\ttab \u0000 \u0001 \u001b[31m \u001f \u007f é € 😀";
        log.logger("io.fetchbox.Service").error(message);

        String text = log.text();
        assertThat(text).endsWith("\n").doesNotContain("\r").containsOnlyOnce("\n");
        assertThat(text.chars().filter(c -> c < 0x20 && c != '\n')).isEmpty();
        assertThat(text).contains("\\\"quoted\\\"", "\\\\path\\\\", "\\n", "\\r", "\\t", "\\u0000", "\\u001B");
        assertThat(onlyLine().get("message").asText()).isEqualTo(message);
    }

    @Test
    void anExceptionIsOneStackFieldOnTheSameLine() throws Exception {
        Exception thrown = new IllegalStateException("cannot start\nits batch", new java.io.IOException("disk full"));
        try (BatchField.Scope scope = BatchField.of("pics")) {
            log.logger("io.fetchbox.inbox.Intake").error("{}: cannot start its batch", "pics.txt", thrown);
        }

        assertThat(log.text()).containsOnlyOnce("\n");
        JsonNode line = onlyLine();
        assertThat(fieldNames(line)).containsExactly("time", "level", "logger", "batch", "message", "stack");
        assertThat(line.get("message").asText()).isEqualTo("pics.txt: cannot start its batch");
        assertThat(line.get("stack").asText())
                .startsWith("java.lang.IllegalStateException: cannot start\nits batch\n\tat ")
                .contains("Caused by: java.io.IOException: disk full")
                .contains(JsonLinesTest.class.getName());
    }

    @Test
    void eachEventIsOneLine() throws Exception {
        for (int i = 1; i <= 3; i++) {
            log.logger("io.fetchbox.Service").info("event {}\nwith a second line", i);
        }

        List<String> lines = log.text().lines().toList();
        assertThat(lines).hasSize(3);
        for (int i = 0; i < 3; i++) {
            assertThat(JSON.readTree(lines.get(i)).get("message").asText())
                    .isEqualTo("event " + (i + 1) + "\nwith a second line");
        }
    }

    private JsonNode onlyLine() throws Exception {
        List<String> lines = log.text().lines().toList();
        assertThat(lines).hasSize(1);
        return JSON.readTree(lines.get(0));
    }

    private static List<String> fieldNames(JsonNode line) {
        List<String> names = new ArrayList<>();
        line.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
