package io.fetchbox;

import io.fetchbox.batch.OnceWatch;
import io.fetchbox.config.Settings;
import io.fetchbox.config.Sources;
import io.fetchbox.notify.Notices;
import io.fetchbox.testing.RunFolders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.apache.camel.test.junit5.TestExecutionConfiguration;
import org.junit.jupiter.api.io.TempDir;

/**
 * Camel's test kit over some of fetchbox's own YAML routes: a plain CamelContext whose registry holds
 * the beans {@link FetchboxConfiguration} builds (as in production, from settings over temporary
 * folders), whose placeholders are the service's, and whose routes are the files of routes/ a test
 * names. Routes are advised before the context starts ({@code AdviceWith}), so that a test puts mock
 * endpoints where the route hands work on.
 */
abstract class RouteTestSupport extends CamelTestSupport {
    @TempDir
    Path root;

    RunFolders folders;
    FetchboxConfiguration configuration;

    /** The route files under routes/ this test loads, without ".camel.yaml". */
    abstract List<String> routeFiles();

    /** Settings beyond the temporary folders, as command-line arguments. */
    List<String> arguments() {
        return List.of();
    }

    @Override
    public void configureTest(TestExecutionConfiguration test) {
        super.configureTest(test);
        // every test advises the routes, then starts the context itself
        test.withUseAdviceWith(true);
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        folders = new RunFolders(root);
        List<String> args = new ArrayList<>(List.of(
                "--fetchbox.inbox=" + folders.inbox,
                "--fetchbox.output=" + folders.output,
                "--fetchbox.reports=" + folders.reports,
                "--fetchbox.http-port=0"));
        args.addAll(arguments());
        Settings settings =
                Settings.load(new Sources(args, Map.of(), Map.of(), Map.of(), Sources.readPackagedDefaults()));
        Files.createDirectories(folders.inbox);
        Files.createDirectories(folders.output);
        Files.createDirectories(folders.reports);
        configuration = new FetchboxConfiguration(settings, OnceWatch.service(), new Notices(false), () -> {});
        CamelContext context = super.createCamelContext();
        context.getPropertiesComponent().setOverrideProperties(FetchboxConfiguration.placeholders(settings));
        configuration.configure(context);
        return context;
    }

    @Override
    protected RoutesBuilder[] createRouteBuilders() throws Exception {
        List<RoutesBuilder> builders = new ArrayList<>();
        for (String name : routeFiles()) {
            builders.addAll(PluginHelper.getRoutesLoader(context)
                    .findRoutesBuilders(
                            ResourceHelper.resolveMandatoryResource(context, "file:routes/" + name + ".camel.yaml")));
        }
        return builders.toArray(RoutesBuilder[]::new);
    }

    /** Stops the scheduler's consumers quickly, as a stop of the service does. */
    @Override
    protected void doPostTearDown() throws Exception {
        configuration.lifecycle().stopping();
        super.doPostTearDown();
    }
}
