package io.fetchbox.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * Logback's configuration, in code and found through ServiceLoader: no logback.xml, whose parse is most of
 * Logback's start-up. fetchbox's own lines at INFO, Camel's and the HTTP client's quieter; text until the
 * settings choose the format ({@link LogFormat#use}).
 */
public final class FetchboxConfigurator extends ContextAwareBase implements Configurator {

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(Level.INFO);
        context.getLogger("org.apache.camel").setLevel(Level.WARN);
        context.getLogger("org.apache.hc").setLevel(Level.WARN);
        LogFormat.TEXT.install(context);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
