package io.fetchbox.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * fetchbox.log-format (README, "Operating fetchbox"): json makes every line of standard output one JSON
 * object, Camel's and the HTTP client's too, with the batch a line concerns in a field of its own; text, the
 * default, keeps the lines users and scripts grep.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class LogFormatIT extends ProcessTest {
    private static final Duration RUN_LIMIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TIME = "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3}";

    @Test
    void jsonMakesEveryLineAnObjectAndTheBatchAField() throws IOException {
        String stdout = runOnce("--fetchbox.log-format=json");

        List<JsonNode> lines = new ArrayList<>();
        for (String line : stdout.lines().toList()) {
            JsonNode object = JSON.readTree(line);
            assertThat(object.isObject()).as(line).isTrue();
            assertThat(object.path("time").asText())
                    .as(line)
                    .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}(Z|[+-]\\d\\d:\\d\\d)");
            assertThat(object.path("level").asText()).as(line).isIn("ERROR", "WARN", "INFO");
            assertThat(object.path("logger").asText()).as(line).isNotEmpty();
            assertThat(object.has("message")).as(line).isTrue();
            lines.add(object);
        }
        assertThat(lines)
                .anySatisfy(line -> assertThat(line.path("message").asText()).startsWith("fetchbox starting\n"))
                .anySatisfy(line -> {
                    assertThat(line.path("message").asText()).startsWith("fetchbox ready: watching ");
                    assertThat(line.has("batch")).isFalse();
                })
                .anySatisfy(line -> {
                    assertThat(line.path("message").asText()).matches("logs: \\d+/3 \\(\\d+%\\), .*, ETA .*");
                    assertThat(line.path("batch").asText()).isEqualTo("logs");
                })
                .anySatisfy(line -> {
                    assertThat(line.path("message").asText()).startsWith("logs line 2: ");
                    assertThat(line.path("level").asText()).isEqualTo("WARN");
                    assertThat(line.path("batch").asText()).isEqualTo("logs");
                })
                .anySatisfy(line -> {
                    assertThat(line.path("message").asText())
                            .startsWith("logs: done in ")
                            .contains("2 downloaded, 1 failed");
                    assertThat(line.path("logger").asText()).isEqualTo("io.fetchbox.batch.BatchFinisher");
                    assertThat(line.path("batch").asText()).isEqualTo("logs");
                });
    }

    @Test
    void textIsTheDefaultAndKeepsItsLines() throws IOException {
        String stdout = runOnce();

        assertThat(stdout.lines())
                .allSatisfy(line -> assertThat(line)
                        .matches(TIME
                                + " (ERROR|WARN|INFO) [\\w$]+ - .*|fetchbox \\S+ configuration .*|  fetchbox\\..*"))
                .anySatisfy(line -> assertThat(line).matches(TIME + " INFO Service - fetchbox ready: watching .*"))
                .anySatisfy(line ->
                        assertThat(line).matches(TIME + " INFO BatchRegistry - logs: \\d+/3 \\(\\d+%\\), .*, ETA .*"))
                .anySatisfy(line -> assertThat(line).matches(TIME + " WARN Failures - logs line 2: .*"))
                .anySatisfy(line -> assertThat(line)
                        .matches(TIME + " INFO BatchFinisher - logs: done in [0-9.]+ s: 2 downloaded, 1 failed .*"));
    }

    /**
     * Runs {@code --once} on a list of a slow file (so that progress lines come), a 404 and a quick file; returns
     * stdout, stderr being empty.
     */
    private String runOnce(String... extra) throws IOException {
        folders.drop(
                "logs.txt",
                server.url("/slow/slow.bin?size=20000&bps=20000") + "\n" + server.url("/status/404") + "\n"
                        + server.url("/f/quick.bin?size=100") + "\n");
        List<String> args = new ArrayList<>(List.of(
                "--once",
                "--fetchbox.http-port=0",
                "--fetchbox.inbox-settle=50ms",
                "--fetchbox.progress-interval=100ms",
                "--fetchbox.retries=0"));
        args.addAll(List.of(extra));
        try (FetchboxProcess fetchbox = FetchboxProcess.in(dir).start(args)) {
            assertThat(fetchbox.waitFor(RUN_LIMIT))
                    .as("exit code of --once with a failed URL\n%s", fetchbox.describe())
                    .isEqualTo(1);
            assertThat(fetchbox.stderr()).as(fetchbox.describe()).isEmpty();
            return fetchbox.stdout();
        }
    }
}
