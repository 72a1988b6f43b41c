package io.fetchbox.logging;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import java.util.Locale;
import org.slf4j.LoggerFactory;

/**
 * {@code fetchbox.log-format}: every log line, fetchbox's, Camel's and the HTTP client's, goes to standard
 * output in one of these (README, "Operating fetchbox").
 */
public enum LogFormat {
    /** {@code 2026-12-03 12:00:00.123 INFO ProgressLine - pics: ...}, the shape users and scripts grep. */
    TEXT {
        @Override
        Encoder<ILoggingEvent> encoder() {
            return new TextLines();
        }
    },
    /** One JSON object per line, for log shippers. */
    JSON {
        @Override
        Encoder<ILoggingEvent> encoder() {
            return JsonLines.encoder();
        }
    };

    abstract Encoder<ILoggingEvent> encoder();

    /**
     * Writes every line from now on in {@code name}'s format ({@code text} or {@code json}, as Settings
     * checked it). Nothing is done under another SLF4J backend than Logback (none is packaged).
     */
    public static void use(String name) {
        LogFormat format = valueOf(name.toUpperCase(Locale.ROOT));
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            format.install(context);
        }
    }

    /** One console appender on the root logger, in this format, in place of any other. */
    void install(LoggerContext context) {
        Encoder<ILoggingEvent> encoder = encoder();
        encoder.setContext(context);
        encoder.start();
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("console");
        console.setEncoder(encoder);
        console.start();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.detachAndStopAllAppenders();
        root.addAppender(console);
    }
}
