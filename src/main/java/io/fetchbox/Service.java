package io.fetchbox;

import io.fetchbox.batch.OnceWatch;
import io.fetchbox.config.Settings;
import io.fetchbox.folders.InboxFolders;
import io.fetchbox.inbox.ErrorFolder;
import io.fetchbox.inbox.OddFiles;
import io.fetchbox.lock.HeldElsewhereException;
import io.fetchbox.lock.InstanceLock;
import io.fetchbox.notify.Notices;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.component.properties.PropertiesComponent;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * Runs Camel Main with fetchbox's routes and configuration, holding the folder lock ({@link InstanceLock})
 * from before anything is read until Camel has stopped: properties from the working directory first,
 * then the packaged ones; the validated settings override both, so every {@code {{fetchbox.x}}}
 * placeholder sees the same value {@link Settings} checked.
 */
final class Service {
    private static final Logger LOG = LoggerFactory.getLogger(Service.class);

    /**
     * The route files packaged in the jar (the top-level routes/ folder), named one by one: a
     * {@code classpath:routes/*} pattern makes Camel scan every entry of the jar, twice, which took
     * about half a second of every start.
     */
    static final List<String> PACKAGED_ROUTES =
            List.of("errors", "feed", "fetch", "inbox", "notify", "recover", "report", "web");

    /** Camel's own graceful stop, after fetchbox.shutdown-timeout and the cut: within the README's "plus 2 s". */
    private static final int CAMEL_SHUTDOWN_SECONDS = 1;

    private final Settings settings;
    private InstanceLock folderLock;
    /**
     * Set when a start-up step failed for an expected reason (the interrupted batches cannot be read), or
     * Camel started but cannot run as configured (its HTTP server is not listening, an endpoint of
     * fetchbox.notify cannot be used): one line, no stack trace, and the process ends with exit 2.
     */
    private volatile String startProblem;

    Service(Settings settings) {
        this.settings = settings;
    }

    int run() {
        // checks that leave nothing behind come first: a folder that cannot be one, or cannot be written
        List<String> folderProblems = StartupChecks.folders(settings);
        if (!folderProblems.isEmpty()) {
            folderProblems.forEach(problem -> System.err.println("fetchbox: " + problem));
            return 2;
        }
        // a port in use is told before anything is created, unless the folders were used before: then the lock
        // comes first, so that a second fetchbox on the same folders is told so, not that the port is taken
        Optional<String> portProblem = StartupChecks.port(settings);
        if (portProblem.isPresent() && !StartupChecks.usedBefore(settings)) {
            System.err.println("fetchbox: " + portProblem.get());
            return 2;
        }
        // then the lock, so that a second instance says one line and touches nothing
        try {
            if (!settings.clusterMode()) {
                holdFolders();
            }
        } catch (HeldElsewhereException e) {
            System.err.println("fetchbox: " + e.getMessage());
            return 2;
        } catch (UncheckedIOException e) {
            System.err.println("fetchbox: " + e.getMessage() + ": " + e.getCause());
            return 2;
        }
        try {
            if (portProblem.isPresent()) {
                System.err.println("fetchbox: " + portProblem.get());
                return 2;
            }
            settings.warnings().forEach(LOG::warn);
            LOG.info("fetchbox starting\n{}", settings.describe());
            Main main = new Main();
            FetchboxConfiguration configuration;
            try {
                configuration = configure(main);
            } catch (UncheckedIOException e) {
                System.err.println("fetchbox: " + e.getMessage() + ": " + StartupChecks.reason(e.getCause()));
                return 2;
            }
            stopOnSigterm(configuration);
            try {
                main.run();
            } catch (Exception e) {
                if (startProblem != null) {
                    System.err.println("fetchbox: " + startProblem);
                } else {
                    LOG.error("fetchbox stopped: {}", e.getMessage(), e);
                }
                return 2;
            }
            if (startProblem != null) {
                System.err.println("fetchbox: " + startProblem);
                return 2;
            }
            return settings.once() ? configuration.verdict().exitCode() : 0;
        } finally {
            releaseFolders();
        }
    }

    /**
     * One fetchbox per folder set (README): the reports folder and the inbox are locked before
     * anything of them is read, and stay locked while this service runs.
     */
    private synchronized void holdFolders() {
        if (folderLock != null) {
            return;
        }
        try {
            folderLock = InstanceLock.acquire(settings.reportsPath(), settings.inboxPath());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + settings.reportsPath() + " and " + settings.inboxPath(), e);
        }
    }

    private synchronized void releaseFolders() {
        if (folderLock != null) {
            folderLock.close();
            folderLock = null;
        }
    }

    /**
     * SIGTERM is a request to stop, not a failure: no new list is taken and no new download starts;
     * downloads in flight may finish within fetchbox.shutdown-timeout; then Camel stops (the report
     * route first records every outcome that arrived) and the process exits 0. What was left is done
     * by the next start.
     */
    private void stopOnSigterm(FetchboxConfiguration configuration) {
        Signal.handle(new Signal("TERM"), signal -> {
            LOG.info("SIGTERM");
            Thread stopper =
                    new Thread(() -> configuration.stop().drainThenStop(settings.shutdownTimeout()), "fetchbox-stop");
            stopper.start();
        });
    }

    /**
     * Everything but running: the folder lock (released when Camel Main stops), folders, configuration,
     * properties, routes. Tests start the result themselves.
     */
    FetchboxConfiguration configure(Main main) {
        // in cluster mode the nodes share the folders; leadership decides who reads and writes them
        if (!settings.clusterMode()) {
            holdFolders();
        }
        try {
            return configureHeld(main);
        } catch (RuntimeException | Error e) {
            releaseFolders();
            throw e;
        }
    }

    private FetchboxConfiguration configureHeld(Main main) {
        createFolders();
        Notices notices = new Notices(!settings.notifyEndpoints().isEmpty());
        // a one-shot run ends once its lists have ended and their summaries are sent or given up (fetchbox.notify)
        OnceWatch onceWatch = settings.once()
                ? OnceWatch.once(listsWaiting(), () -> notices.whenAllSent(main::completed))
                : OnceWatch.service();
        FetchboxConfiguration configuration = new FetchboxConfiguration(settings, onceWatch, notices, main::completed);
        setAsideOddFilesInProgress(configuration);
        main.configure().addConfiguration(configuration);
        main.setDefaultPropertyPlaceholderLocation(
                "classpath:application.properties;optional=true,file:application.properties;optional=true");
        main.setOverrideProperties(FetchboxConfiguration.placeholders(settings));
        main.configure().withRoutesIncludePattern(routesPattern());
        // fetchbox.shutdown-timeout is spent by drainThenStop before Camel is told to stop; by then every download
        // has finished or been cut, so Camel's own wait only lets the last outcomes be recorded (README, "Reliability")
        main.configure().setShutdownTimeout(CAMEL_SHUTDOWN_SECONDS);
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void beforeConfigure(BaseMainSupport support) {
                // Settings already weighed system properties and the environment, and normalised
                // the values (30s -> 30000): those raw sources must not win over its overrides
                PropertiesComponent properties =
                        (PropertiesComponent) support.getCamelContext().getPropertiesComponent();
                properties.setSystemPropertiesMode(PropertiesComponent.SYSTEM_PROPERTIES_MODE_FALLBACK);
                properties.setEnvironmentVariableMode(PropertiesComponent.ENVIRONMENT_VARIABLES_MODE_FALLBACK);
            }

            @Override
            public void afterConfigure(BaseMainSupport support) {
                configuration.afterConfigure(support.getCamelContext());
            }

            @Override
            public void beforeStart(BaseMainSupport support) {
                try {
                    // in cluster mode the leader resumes them, when it becomes leader (routes/recover.camel.yaml)
                    if (!settings.clusterMode()) {
                        configuration.resumeInterrupted();
                    }
                } catch (UncheckedIOException e) {
                    // an expected failure of this machine: one line and exit 2, as for the folders
                    startProblem = e.getMessage() + ": " + StartupChecks.reason(e.getCause());
                    throw e;
                }
            }

            @Override
            public void afterStart(BaseMainSupport support) {
                CamelContext context = support.getCamelContext();
                if (context.getRoutes().isEmpty()) {
                    LOG.error("no routes were loaded from {}: nothing to run", routesPattern());
                    configuration.verdict().listRefused();
                    main.completed();
                    return;
                }
                // an HTTP server that failed to bind during start (a port taken since the check) or a notify
                // endpoint Camel cannot use: never run without them
                Optional<String> problem = HttpServerCheck.notListening(settings, context)
                        .or(() -> configuration.notifyEndpoints().resolve(context));
                if (problem.isPresent()) {
                    startProblem = problem.get();
                    main.completed();
                    return;
                }
                LOG.info("fetchbox ready: watching {}", settings.inboxPath());
                onceWatch.started();
            }

            @Override
            public void afterStop(BaseMainSupport support) {
                releaseFolders();
            }
        });
        return configuration;
    }

    /**
     * A FIFO, socket or broken link in {@code .inprogress/} (left by an earlier version, or put there)
     * is set aside before the interrupted batches are resumed: never opened, and its batch name free.
     */
    private void setAsideOddFilesInProgress(FetchboxConfiguration configuration) {
        Path inbox = settings.inboxPath();
        // no one-shot bookkeeping: such a file is not among the lists a one-shot run waits for
        new OddFiles(new ErrorFolder(inbox), configuration.verdict(), OnceWatch.service())
                .setAsideIn(InboxFolders.inProgress(inbox));
    }

    /**
     * The working directory's routes/ when it has any (a user's edited copy), else the packaged ones; the
     * cluster routes only in cluster mode (README, "Running a cluster").
     */
    private String routesPattern() {
        Path local = settings.workingDirectory().resolve("routes");
        try (Stream<Path> files = Files.isDirectory(local) ? Files.list(local) : Stream.empty()) {
            List<String> yaml = files.filter(p -> p.getFileName().toString().endsWith(ROUTES_SUFFIX))
                    .filter(p -> settings.clusterMode()
                            || !p.getFileName().toString().equals(CLUSTER_ROUTES + ROUTES_SUFFIX))
                    .map(p -> "file:" + p.toAbsolutePath())
                    .sorted()
                    .toList();
            if (!yaml.isEmpty()) {
                return String.join(",", yaml);
            }
        } catch (IOException e) {
            LOG.warn("cannot read {}: using the packaged routes", local);
        }
        Stream<String> packaged = settings.clusterMode()
                ? Stream.concat(PACKAGED_ROUTES.stream(), Stream.of(CLUSTER_ROUTES))
                : PACKAGED_ROUTES.stream();
        return packaged.map(name -> "classpath:routes/" + name + ROUTES_SUFFIX).collect(Collectors.joining(","));
    }

    private static final String ROUTES_SUFFIX = ".camel.yaml";
    /** The routes every node of a cluster runs besides the others: host pauses heard, node status. */
    static final String CLUSTER_ROUTES = "cluster";

    private void createFolders() {
        try {
            Files.createDirectories(settings.inboxPath());
            Files.createDirectories(settings.outputPath());
            Files.createDirectories(settings.reportsPath());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create fetchbox's folders", e);
        }
    }

    /** Lists an interrupted run left in .inprogress/: resumed at start-up. */
    private static Set<String> listsIn(Path inProgress) {
        if (!Files.isDirectory(inProgress)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.list(inProgress)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> p.getFileName().toString())
                    .filter(name -> !InboxFolders.isIgnored(name))
                    .collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + inProgress, e);
        }
    }

    /** For --once: the lists already waiting when the run starts, in the inbox and interrupted ones. */
    private Set<String> listsWaiting() {
        Path inProgress = InboxFolders.inProgress(settings.inboxPath());
        Set<String> waiting = new HashSet<>(listsIn(inProgress));
        try (Stream<Path> files = Files.list(settings.inboxPath())) {
            // every entry but folders: one that is not a list is set aside, and ends like a list
            waiting.addAll(files.filter(p -> !Files.isDirectory(p))
                    .map(p -> p.getFileName().toString())
                    .filter(name -> !InboxFolders.isIgnored(name))
                    .filter(name -> {
                        boolean interrupted = Files.exists(inProgress.resolve(name));
                        if (interrupted) {
                            LOG.warn("{} waits: a list of that name is in .inprogress/ from an interrupted run", name);
                        }
                        return !interrupted;
                    })
                    .collect(Collectors.toSet()));
            return waiting;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + settings.inboxPath(), e);
        }
    }
}
