package io.fetchbox.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxy;
import ch.qos.logback.core.encoder.EncoderBase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * fetchbox.log-format=text: {@code 2026-12-03 12:00:00.123 INFO ProgressLine - pics: ...}, local time, level,
 * the logger's last name, message, then an exception's stack trace as Java prints it: exactly the lines
 * slf4j-simple wrote before, which users and scripts grep (no thread names: they say nothing to an operator).
 * Written here rather than as a Logback pattern: a PatternLayout loads about a hundred classes at every start,
 * and prints stack traces in a shape of its own.
 */
final class TextLines extends EncoderBase<ILoggingEvent> {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneId.systemDefault());
    private static final byte[] NOTHING = new byte[0];

    @Override
    public byte[] encode(ILoggingEvent event) {
        String logger = event.getLoggerName();
        StringBuilder line = new StringBuilder(128)
                .append(TIME.format(event.getInstant()))
                .append(' ')
                .append(event.getLevel())
                .append(' ')
                .append(logger, logger.lastIndexOf('.') + 1, logger.length())
                .append(" - ")
                .append(event.getFormattedMessage())
                .append(System.lineSeparator());
        if (event.getThrowableProxy() instanceof ThrowableProxy thrown) {
            StringWriter trace = new StringWriter();
            thrown.getThrowable().printStackTrace(new PrintWriter(trace));
            line.append(trace);
        }
        return line.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public byte[] headerBytes() {
        return NOTHING;
    }

    @Override
    public byte[] footerBytes() {
        return NOTHING;
    }
}
