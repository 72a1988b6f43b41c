package io.fetchbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.fetchbox.config.ConfigException;
import io.fetchbox.config.Settings;
import io.fetchbox.config.Sources;
import java.util.List;
import java.util.Map;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

/**
 * Issue 10: a Camel that started without a listening HTTP server (its bind failed during the start) is noticed, so
 * the service ends with exit 2 instead of running with no page, API or health.
 */
class HttpServerCheckTest {

    @Test
    void noHttpServerInCamelIsOneLineNamingThePortAndTheKey() throws Exception {
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            assertThat(HttpServerCheck.notListening(settings("--fetchbox.http-port=18080"), camel))
                    .contains("cannot listen on 127.0.0.1:18080 (fetchbox.http-port=18080): the HTTP server did not"
                            + " start (see the log above); stop what uses it or choose another port with"
                            + " --fetchbox.http-port=<port> (0 = no HTTP server)");
        }
    }

    @Test
    void noPortNoCheck() throws Exception {
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            assertThat(HttpServerCheck.notListening(settings("--fetchbox.http-port=0"), camel))
                    .isEmpty();
        }
    }

    private static Settings settings(String... args) throws ConfigException {
        return Settings.load(new Sources(List.of(args), Map.of(), Map.of(), Map.of(), Sources.readPackagedDefaults()));
    }
}
