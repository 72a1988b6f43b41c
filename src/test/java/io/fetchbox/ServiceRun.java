package io.fetchbox;

import static org.awaitility.Awaitility.await;

import io.fetchbox.config.Settings;
import io.fetchbox.config.Sources;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;

/**
 * The service as it runs in production (camel-main, the routes from routes/, the packaged
 * properties) started in this JVM in service mode, so that a test can watch its CamelContext with
 * a NotifyBuilder and drop lists while it runs.
 */
final class ServiceRun implements AutoCloseable {
    private final Main main = new Main();
    private final FetchboxConfiguration configuration;
    private final Thread runner;

    ServiceRun(List<String> args) throws Exception {
        this(args, Map.of());
    }

    /** @param internal values for the routes' internal placeholders (such as a short internal.notify-retry-delay) */
    ServiceRun(List<String> args, Map<String, String> internal) throws Exception {
        Settings settings =
                Settings.load(new Sources(args, Map.of(), Map.of(), Map.of(), Sources.readPackagedDefaults()));
        configuration = new Service(settings).configure(main);
        internal.forEach(main::addOverrideProperty);
        runner = new Thread(
                () -> {
                    try {
                        main.run();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                },
                "fetchbox-service");
        runner.start();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> main.getCamelContext() != null
                        && main.getCamelContext().isStarted()
                        && !main.getCamelContext().getRoutes().isEmpty());
    }

    CamelContext context() {
        return main.getCamelContext();
    }

    @Override
    public void close() throws InterruptedException {
        // as on SIGTERM: nothing new starts, what is in flight may finish briefly
        configuration.stop().drainThenStop(Duration.ofSeconds(2));
        runner.join(Duration.ofSeconds(30).toMillis());
    }
}
