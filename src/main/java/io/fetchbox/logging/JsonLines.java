package io.fetchbox.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import java.util.List;
import net.logstash.logback.composite.JsonProviders;
import net.logstash.logback.composite.loggingevent.LogLevelJsonProvider;
import net.logstash.logback.composite.loggingevent.LoggerNameJsonProvider;
import net.logstash.logback.composite.loggingevent.LoggingEventFormattedTimestampJsonProvider;
import net.logstash.logback.composite.loggingevent.MdcJsonProvider;
import net.logstash.logback.composite.loggingevent.MessageJsonProvider;
import net.logstash.logback.composite.loggingevent.StackTraceJsonProvider;
import net.logstash.logback.encoder.LoggingEventCompositeJsonEncoder;

/**
 * fetchbox.log-format=json: one object per line, fields in this order: {@code time} (ISO-8601, milliseconds,
 * UTC), {@code level}, {@code logger}, {@code batch} when the line concerns one ({@link BatchField}),
 * {@code message}, and {@code stack} when an exception came with it (README, "Operating fetchbox"). Built from
 * logstash-logback-encoder's providers, one per field: nothing else (thread, version, context) is written.
 */
final class JsonLines {
    static final String TIME_PATTERN = "yyyy-MM-dd'T'HH:mm:ss.SSSXXX";

    private JsonLines() {}

    static Encoder<ILoggingEvent> encoder() {
        LoggingEventCompositeJsonEncoder encoder = new LoggingEventCompositeJsonEncoder();
        // a scan of the class path for Jackson modules at every start, for fields that are all strings
        encoder.setFindAndRegisterJacksonModules(false);
        JsonProviders<ILoggingEvent> fields = encoder.getProviders();

        LoggingEventFormattedTimestampJsonProvider time = new LoggingEventFormattedTimestampJsonProvider();
        time.setFieldName("time");
        time.setPattern(TIME_PATTERN);
        time.setTimeZone("UTC");
        fields.addProvider(time);

        LogLevelJsonProvider level = new LogLevelJsonProvider();
        level.setFieldName("level");
        fields.addProvider(level);

        LoggerNameJsonProvider logger = new LoggerNameJsonProvider();
        logger.setFieldName("logger");
        fields.addProvider(logger);

        MdcJsonProvider batch = new MdcJsonProvider();
        batch.setIncludeMdcKeyNames(List.of(BatchField.KEY));
        fields.addProvider(batch);

        MessageJsonProvider message = new MessageJsonProvider();
        message.setFieldName("message");
        fields.addProvider(message);

        StackTraceJsonProvider stack = new StackTraceJsonProvider();
        stack.setFieldName("stack");
        fields.addProvider(stack);
        return encoder;
    }
}
