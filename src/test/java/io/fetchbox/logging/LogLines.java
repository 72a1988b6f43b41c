package io.fetchbox.logging;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.MDC;

/**
 * A Logback context of a test's own, writing in one {@link LogFormat} to memory: the JVM's logging (where the
 * other tests' services write) is left alone. It shares SLF4J's MDC, so {@link BatchField} reaches it.
 */
final class LogLines {
    private final LoggerContext context = new LoggerContext();
    private final ByteArrayOutputStream written = new ByteArrayOutputStream();

    LogLines(LogFormat format) {
        context.setMDCAdapter(MDC.getMDCAdapter());
        Encoder<ILoggingEvent> encoder = format.encoder();
        encoder.setContext(context);
        encoder.start();
        OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
        appender.setContext(context);
        appender.setEncoder(encoder);
        appender.setOutputStream(written);
        appender.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
    }

    Logger logger(String name) {
        return context.getLogger(name);
    }

    /** Everything written so far, as UTF-8. */
    String text() {
        return written.toString(StandardCharsets.UTF_8);
    }
}
