package io.fetchbox.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import org.junit.jupiter.api.Test;

/** Logback's configuration in code: the levels simplelogger.properties had, and text until the settings say. */
class FetchboxConfiguratorTest {

    @Test
    void fetchboxAtInfoCamelAndTheHttpClientAtWarn() {
        LoggerContext context = new LoggerContext();
        FetchboxConfigurator configurator = new FetchboxConfigurator();
        configurator.setContext(context);

        assertThat(configurator.configure(context)).isEqualTo(Configurator.ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
        assertThat(context.getLogger("io.fetchbox.batch.BatchRegistry").isInfoEnabled())
                .isTrue();
        assertThat(context.getLogger("io.fetchbox.batch.BatchRegistry").isDebugEnabled())
                .isFalse();
        assertThat(context.getLogger("org.apache.camel.main.MainSupport").isInfoEnabled())
                .isFalse();
        assertThat(context.getLogger("org.apache.camel.main.MainSupport").isWarnEnabled())
                .isTrue();
        assertThat(context.getLogger("org.apache.hc.client5.http.impl.classic.InternalHttpClient")
                        .isInfoEnabled())
                .isFalse();
        assertThat(context.getLogger("io.vertx.core.impl.VertxImpl").isInfoEnabled())
                .isTrue();
        assertThat(context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
                        .iteratorForAppenders()
                        .next())
                .extracting(appender -> ((ch.qos.logback.core.OutputStreamAppender<?>) appender).getEncoder())
                .isInstanceOf(TextLines.class);
    }

    @Test
    void theJvmsLoggingIsLogbackConfiguredByIt() {
        assertThat(org.slf4j.LoggerFactory.getILoggerFactory()).isInstanceOf(LoggerContext.class);
        assertThat(org.slf4j.LoggerFactory.getLogger("org.apache.camel.main.MainSupport")
                        .isInfoEnabled())
                .isFalse();
    }
}
