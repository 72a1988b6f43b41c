package io.fetchbox;

import io.fetchbox.config.Settings;
import java.util.Optional;
import java.util.Set;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;

/**
 * After Camel started: is the HTTP server of fetchbox.http-port really listening? A bind failure inside Camel's
 * start (the port taken between {@link StartupChecks#port} and the start) is logged by Vert.x but does not stop
 * Camel; without this check the service would run with no status page, API or health.
 */
final class HttpServerCheck {

    private HttpServerCheck() {}

    static Optional<String> notListening(Settings settings, CamelContext context) {
        int port = settings.httpServerPort();
        if (port == 0) {
            return Optional.empty();
        }
        Set<VertxPlatformHttpServer> servers = context.hasServices(VertxPlatformHttpServer.class);
        boolean listening = !servers.isEmpty()
                && servers.stream()
                        .allMatch(s -> s.getServer() != null && s.getServer().actualPort() > 0);
        return listening
                ? Optional.empty()
                : Optional.of(StartupChecks.cannotListen(
                        settings.httpHost() + ":" + port, port, "the HTTP server did not start (see the log above)"));
    }
}
