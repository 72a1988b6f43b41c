package io.fetchbox.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.text.ParseException;
import java.text.SimpleDateFormat;
import org.junit.jupiter.api.Test;

/**
 * fetchbox.log-format=text, the default: the lines slf4j-simple wrote before the switch to Logback, which
 * users, scripts and the acceptance checks grep (README, "Operating fetchbox").
 */
class TextLinesTest {
    /** slf4j-simple's date format as simplelogger.properties set it, in the local time zone. */
    private static final String SIMPLE_LOGGER_TIME = "yyyy-MM-dd HH:mm:ss.SSS";

    private final LogLines log = new LogLines(LogFormat.TEXT);

    @Test
    void timeLevelShortLoggerNameAndMessageAsBefore() {
        try (BatchField.Scope scope = BatchField.of("pics")) {
            log.logger("io.fetchbox.batch.BatchRegistry").info("{}: 3/10 (30%), 0 failed", "pics");
        }
        log.logger("io.fetchbox.web").warn("GET /nope: 404");
        log.logger("org.apache.camel.impl.engine.DefaultShutdownStrategy").error("Timeout occurred");

        assertThat(log.text().lines())
                .satisfiesExactly(
                        line -> assertThat(line)
                                .matches(time() + " INFO BatchRegistry - pics: 3/10 \\(30%\\), 0 failed"),
                        line -> assertThat(line).matches(time() + " WARN web - GET /nope: 404"),
                        line -> assertThat(line).matches(time() + " ERROR DefaultShutdownStrategy - Timeout occurred"));
        assertThat(log.text()).endsWith(System.lineSeparator());
    }

    @Test
    void theTimeIsLocalWithMilliseconds() throws ParseException {
        long before = System.currentTimeMillis();
        log.logger("io.fetchbox.Service").info("fetchbox ready");
        long after = System.currentTimeMillis();

        String time = log.text().substring(0, SIMPLE_LOGGER_TIME.length());
        assertThat(time).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{3}");
        // read back as local time, it falls between the clock readings around the call, however long the call took
        SimpleDateFormat format = new SimpleDateFormat(SIMPLE_LOGGER_TIME);
        format.setLenient(false);
        assertThat(format.parse(time).getTime()).isBetween(before, after);
    }

    @Test
    void anExceptionFollowsAsJavaPrintsIt() {
        Exception thrown = new IllegalStateException("boom", new java.io.IOException("disk full"));
        log.logger("io.fetchbox.inbox.Intake").error("{}: cannot start its batch", "pics.txt", thrown);

        StringWriter trace = new StringWriter();
        thrown.printStackTrace(new PrintWriter(trace));
        String text = log.text();
        assertThat(text).matches("(?s)" + time() + " ERROR Intake - pics.txt: cannot start its batch\n.*");
        assertThat(text.substring(text.indexOf('\n') + 1)).isEqualTo(trace.toString());
    }

    private static String time() {
        return "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3}";
    }
}
