package io.fetchbox;

import io.fetchbox.batch.BatchRegistry;
import io.fetchbox.batch.Feeder;
import io.fetchbox.batch.Lifecycle;
import io.fetchbox.batch.OnceWatch;
import io.fetchbox.batch.OutputClaims;
import io.fetchbox.batch.Recovery;
import io.fetchbox.batch.ResponseNaming;
import io.fetchbox.batch.RunVerdict;
import io.fetchbox.batch.RunningBatches;
import io.fetchbox.batch.StallWatch;
import io.fetchbox.cluster.ClusterMode;
import io.fetchbox.cluster.LeaderBatches;
import io.fetchbox.config.Settings;
import io.fetchbox.fetch.Admission;
import io.fetchbox.fetch.Bodies;
import io.fetchbox.fetch.Failures;
import io.fetchbox.fetch.FetchTasks;
import io.fetchbox.fetch.FetchboxHttpComponent;
import io.fetchbox.fetch.FileState;
import io.fetchbox.fetch.HostPolicy;
import io.fetchbox.fetch.HostScheduler;
import io.fetchbox.fetch.OutputFileComponent;
import io.fetchbox.fetch.OutputFolder;
import io.fetchbox.fetch.Publisher;
import io.fetchbox.fetch.Requests;
import io.fetchbox.fetch.ResponseHeaders;
import io.fetchbox.fetch.ResponseTypes;
import io.fetchbox.fetch.Responses;
import io.fetchbox.fetch.RetryPolicy;
import io.fetchbox.fetch.SchedulerQueue;
import io.fetchbox.fetch.TaskQueue;
import io.fetchbox.hosts.HostsComponent;
import io.fetchbox.inbox.InboxFilter;
import io.fetchbox.inbox.Intake;
import io.fetchbox.inbox.SettledReadLock;
import io.fetchbox.naming.Layout;
import io.fetchbox.notify.NoticeResults;
import io.fetchbox.notify.Notices;
import io.fetchbox.notify.NotifyEndpoints;
import io.fetchbox.observe.DiskSpace;
import io.fetchbox.observe.DiskSpaceCheck;
import io.fetchbox.observe.Metrics;
import io.fetchbox.observe.RecentFailures;
import io.fetchbox.report.BatchEvents;
import io.fetchbox.report.FailureLog;
import io.fetchbox.report.ReportFiles;
import io.fetchbox.web.BatchRetry;
import io.fetchbox.web.BatchesView;
import io.fetchbox.web.HostsView;
import io.fetchbox.web.ListUpload;
import io.fetchbox.web.NodesView;
import io.fetchbox.web.ReportDownloads;
import io.fetchbox.web.RequestBodies;
import io.fetchbox.web.UploadLimits;
import io.fetchbox.web.UploadSlots;
import io.fetchbox.web.WebAssets;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.micrometer.MicrometerConstants;
import org.apache.camel.component.seda.SedaComponent;
import org.apache.camel.spi.Registry;

/**
 * The application's shape in one place: every bean the routes name, built from the validated settings
 * and bound into Camel's registry. Camel Main calls {@link #configure} once its properties are read and
 * before it binds the {@code camel.component.*} options and loads the routes (docs/architecture.md,
 * "Where wiring happens"); route tests call it on a context of their own. Beyond resolving the output
 * folder's real path once, nothing here touches a file: start-up I/O (resuming interrupted batches,
 * reading their lists and journals) is {@link #resumeInterrupted}, a start-up step.
 */
final class FetchboxConfiguration implements CamelConfiguration {
    private final Settings settings;
    private final OnceWatch onceWatch;
    private final RunVerdict verdict = new RunVerdict();
    private final HostScheduler<Exchange> scheduler;
    private final Lifecycle lifecycle = new Lifecycle();
    private final GracefulStop stop;

    private final DiskSpace diskSpace;
    /** Set by configure; published to Camel's Prometheus registry once Camel is configured. */
    private Metrics metrics;
    /** Set by configure; resumes the interrupted batches when Camel is about to start. */
    private BatchRegistry batches;

    private final Notices notices;
    /** Set by configure in cluster mode (fetchbox.broker-url); null on one node. */
    private ClusterMode cluster;

    private final NotifyEndpoints notifyEndpoints;

    /**
     * @param completeRun ends the run (Camel Main's {@code completed()}), once a stop has drained what it
     *     could
     */
    FetchboxConfiguration(Settings settings, OnceWatch onceWatch, Notices notices, Runnable completeRun) {
        this.settings = settings;
        this.onceWatch = onceWatch;
        this.notices = notices;
        this.notifyEndpoints = new NotifyEndpoints(settings.notifyEndpoints());
        this.diskSpace = new DiskSpace(settings.outputPath(), settings.minFreeDisk());
        // enough waiting tasks that a slow or paused host does not hold up the others
        this.scheduler = FetchTasks.scheduler(
                settings.perHost(), settings.perHostRate(), Math.max(1000, settings.concurrency() * 64));
        scheduler.admitOnlyWhile(diskSpace::hasRoom);
        this.stop = new GracefulStop(scheduler, lifecycle, notices, completeRun);
    }

    /** The downloads' host scheduler, behind the hosts:fetch endpoint. */
    HostScheduler<Exchange> scheduler() {
        return scheduler;
    }

    Lifecycle lifecycle() {
        return lifecycle;
    }

    /** How the service stops: on SIGTERM, on a stall of a one-shot run, at the end of a test. */
    GracefulStop stop() {
        return stop;
    }

    RunVerdict verdict() {
        return verdict;
    }

    /** The summaries on their way to fetchbox.notify's endpoints. */
    Notices notices() {
        return notices;
    }

    /** The endpoints of fetchbox.notify, resolved once Camel has started. */
    NotifyEndpoints notifyEndpoints() {
        return notifyEndpoints;
    }

    /** Whether there is room under the output folder for new downloads (fetchbox.min-free-disk). */
    DiskSpace diskSpace() {
        return diskSpace;
    }

    @Override
    public void configure(CamelContext context) throws Exception {
        stop.stopping(context);
        bindAll(context, context.getRegistry());
    }

    private void bindAll(CamelContext context, Registry registry) throws Exception {
        Path inbox = settings.inboxPath();
        OutputFolder outputFolder = new OutputFolder(settings.outputPath());
        Path output = outputFolder.root();
        Path reports = settings.reportsPath();
        String node = settings.clusterMode() ? settings.nodeId() : null;
        FileState state = new FileState(reports);
        Layout layout = Layout.parse(settings.layout());
        OutputClaims claims = new OutputClaims(outputFolder, state, layout != Layout.BATCH);
        FailureLog failureLog = new FailureLog();
        // the observers first, reading the running batches; then the registry that tells them every run and outcome
        RunningBatches running = new RunningBatches();
        Metrics metrics = new Metrics(scheduler::inFlight, scheduler::waiting, running::status, diskSpace);
        RecentFailures recentFailures = new RecentFailures();
        StallWatch stallWatch = stallWatch(running);
        registry.bind("stallWatch", stallWatch);
        BatchEvents events = BatchEvents.all(metrics, recentFailures, stallWatch);
        BatchRegistry batches = new BatchRegistry(
                inbox,
                output,
                state,
                new ReportFiles(reports),
                layout,
                responseNaming().any(),
                claims,
                verdict,
                onceWatch,
                failureLog,
                diskSpace::pauseReason,
                running,
                events);
        registry.bind("batches", batches);
        RouteSteps steps = new RouteSteps(registry);
        steps.report(batches);
        // one node registers interrupted batches at start-up; a cluster's leader when it becomes leader
        Recovery recovery = new Recovery(batches, settings.clusterMode());
        registry.bind("recovery", recovery);
        this.batches = batches;
        registry.bind(
                "inboxFilter", new InboxFilter(inbox, batches, onceWatch, lifecycle, verdict, recovery::hasResumed));
        registry.bind(
                "settledReadLock",
                new SettledReadLock(settings.inboxSettle(), Clock.systemUTC(), lifecycle::isStopping));
        registry.bind("intake", new Intake(inbox, settings.maxListBytes(), verdict, onceWatch));
        Feeder feeder =
                new Feeder(batches, lifecycle, output, "skip".equals(settings.existing()), node, responseNaming());
        registry.bind("feeder", feeder);
        steps.feed(feeder);
        HostPolicy hostPolicy =
                new HostPolicy(settings.allowHosts(), settings.denyHosts(), settings.denyPrivateNetworks());
        registry.bind("http", new FetchboxHttpComponent(hostPolicy));
        registry.bind("responseHeaders", new ResponseHeaders());
        // Camel's file component, writing bodies only into temporary files found without following links
        registry.bind("file", new OutputFileComponent(outputFolder));
        TaskQueue taskQueue;
        if (settings.clusterMode()) {
            // hosts:fetch and outcomes:report over the broker's queues, leadership, host pauses for all nodes
            cluster = new ClusterMode(
                    settings.brokerUrl(),
                    settings.brokerUser(),
                    settings.brokerPassword(),
                    settings.nodeId(),
                    settings.perHost(),
                    reports,
                    scheduler,
                    lifecycle::isStopping,
                    () -> {
                        batches.forgetAll();
                        recovery.leadershipLost();
                    });
            taskQueue = cluster.bindInto(context, registry, batches);
            clusterMeters(metrics);
        } else {
            // hosts:fetch, the fetch route's queue: the host scheduler as an endpoint (routes/fetch.camel.yaml)
            registry.bind("hosts", new HostsComponent(scheduler));
            // outcomes:report, the report route's queue (routes/report.camel.yaml)
            registry.bind("outcomes", outcomeQueue());
            taskQueue = new SchedulerQueue(scheduler);
        }
        bindWeb(registry, running, metrics, recentFailures);
        Admission admission = new Admission(scheduler, taskQueue);
        RetryPolicy retryPolicy = new RetryPolicy(
                settings.retries(), settings.retryDelay(), settings.retryMaxDelay(), () -> ThreadLocalRandom.current()
                        .nextDouble());
        steps.fetch(
                admission,
                new Requests(
                        settings.userAgent(),
                        hostPolicy,
                        state,
                        outputFolder,
                        "revalidate".equals(settings.existing())),
                new Responses(settings.maxRedirects()),
                new ResponseTypes(settings.acceptTypes(), outputFolder),
                feeder,
                new Bodies(settings.maxBytes(), outputFolder, state, stallWatch::progressed),
                new Publisher(outputFolder, state, feeder::renumber, node),
                new Failures(
                        outputFolder,
                        state,
                        retryPolicy,
                        admission,
                        node,
                        events,
                        failureLog,
                        stop::cutting,
                        diskSpace::filledUp));
        bindNotify(registry);
    }

    /** README, "Naming" and "Image batches": names decided when the response arrives. */
    private ResponseNaming responseNaming() {
        return new ResponseNaming(settings.contentDisposition(), settings.adjustExtension());
    }

    /** GET /api/nodes: the cluster's nodes from their status files, or this one alone. */
    private NodesView nodesView() {
        if (settings.clusterMode()) {
            return new NodesView(
                    () -> cluster.nodes().nodes(),
                    () -> cluster.nodes().nodes().stream()
                            .filter(n -> "leader".equals(n.role()))
                            .map(n -> n.id())
                            .findFirst(),
                    Clock.systemUTC());
        }
        Map<String, Object> self = new LinkedHashMap<>();
        self.put("id", settings.nodeId());
        self.put("role", "single");
        return new NodesView(
                () -> {
                    Map<String, Object> now = new LinkedHashMap<>(self);
                    now.put("last_seen", Instant.now().toString());
                    now.put("in_flight", scheduler.inFlight());
                    return List.of(now);
                },
                () -> Optional.of(settings.nodeId()),
                Clock.systemUTC());
    }

    /** fetchbox_cluster_nodes and fetchbox_leader (README, "Running a cluster"). */
    private void clusterMeters(Metrics metrics) {
        Gauge.builder("fetchbox.cluster.nodes", () -> cluster.nodes().present())
                .description("Nodes heard of in the last 10 seconds, this one included")
                .register(metrics.registry());
        Gauge.builder("fetchbox.leader", () -> cluster.leadership().isLeader() ? 1 : 0)
                .description("1 on the node that leads, else 0")
                .register(metrics.registry());
    }

    /** Cluster mode's parts, or null on one node. */
    ClusterMode cluster() {
        return cluster;
    }

    /**
     * The outcome queue of one node: Camel's seda, bounded (senders wait while it is full, so a list is
     * read no faster than its outcomes are recorded) and polled briefly, so that stopping is quick.
     */
    static SedaComponent outcomeQueue() {
        SedaComponent queue = new SedaComponent();
        queue.setQueueSize(OUTCOME_QUEUE_SIZE);
        queue.setDefaultBlockWhenFull(true);
        queue.setDefaultPollTimeout(100);
        return queue;
    }

    /** Outcomes waiting for the report route; Camel's default seda size. */
    static final int OUTCOME_QUEUE_SIZE = 1000;

    /**
     * fetchbox.stall-timeout (README, "Operating fetchbox"): said in the log; a one-shot run then stops
     * as on SIGTERM without grace, and exits 1 with its batches left to resume.
     */
    private StallWatch stallWatch(RunningBatches running) {
        Runnable onStall = () -> {
            if (settings.once()) {
                verdict.stalled();
                new Thread(() -> stop.drainThenStop(Duration.ZERO), "fetchbox-stalled").start();
            }
        };
        return new StallWatch(
                settings.stallTimeout(),
                System::nanoTime,
                running::count,
                diskSpace::pauseReason,
                onStall,
                settings.once()
                        ? "stopping (exit 1): the batches stay in inbox/.inprogress/ and resume on the next start"
                        : "still waiting");
    }

    /** routes/notify.camel.yaml: the summaries handed over, the endpoints and their components, the log lines. */
    private void bindNotify(Registry registry) {
        registry.bind("notices", notices);
        registry.bind("notifyEndpoints", notifyEndpoints);
        NoticeResults results = new NoticeResults(notifyEndpoints);
        registry.bind("noticeResults", results);
        registry.bind("noticeRetry", (Processor) results::retrying);
        NotifyEndpoints.components(settings.connectTimeout(), settings.readTimeout(), settings.userAgent())
                .forEach(registry::bind);
    }

    /**
     * The beans of routes/web.camel.yaml and Camel's health and metrics (README, "Operating fetchbox"): the
     * readiness check on free disk, fetchbox's meters shown in the Prometheus registry that
     * camel-micrometer-prometheus makes, the API, the list upload and the report files.
     */
    private void bindWeb(Registry registry, RunningBatches running, Metrics metrics, RecentFailures recentFailures) {
        registry.bind("diskSpaceCheck", new DiskSpaceCheck(diskSpace));
        registry.bind("fetchboxMetrics", metrics);
        BatchesView batchesView;
        if (settings.clusterMode()) {
            // only the leader runs batches: the others show what it writes to the shared reports folder
            LeaderBatches leaderBatches = new LeaderBatches(
                    settings.reportsPath(),
                    settings.nodeId(),
                    cluster.leadership()::isLeader,
                    running::statuses,
                    recentFailures::of,
                    Clock.systemUTC());
            registry.bind("leaderBatches", leaderBatches);
            batchesView = new BatchesView(
                    leaderBatches::statuses,
                    leaderBatches::status,
                    settings.reportsPath(),
                    leaderBatches::failures,
                    Clock.systemUTC(),
                    diskSpace::pauseReason);
        } else {
            batchesView = new BatchesView(
                    running::statuses,
                    running::status,
                    settings.reportsPath(),
                    recentFailures::of,
                    Clock.systemUTC(),
                    diskSpace::pauseReason);
        }
        registry.bind("batchesView", batchesView);
        ListUpload listUpload = new ListUpload(settings.inboxPath(), settings.maxListBytes());
        registry.bind("listUpload", listUpload);
        registry.bind("batchRetry", new BatchRetry(settings.reportsPath(), listUpload));
        registry.bind("requestBodies", new RequestBodies(settings.readTimeout(), UploadLimits.DEFAULT));
        registry.bind("uploadSlots", new UploadSlots(UploadLimits.DEFAULT));
        registry.bind("vertxOptions", UploadLimits.DEFAULT.vertxOptions());
        registry.bind("reportDownloads", new ReportDownloads(settings.reportsPath()));
        registry.bind("hostsView", new HostsView(scheduler::hosts, Clock.systemUTC()));
        registry.bind("nodesView", nodesView());
        registry.bind("webAssets", new WebAssets());
        this.metrics = metrics;
    }

    /**
     * Once Camel is configured (Service's one lifecycle listener): fetchbox's meters are shown in the
     * Prometheus registry that camel-micrometer-prometheus has put into Camel's registry by then.
     */
    void afterConfigure(CamelContext context) {
        MeterRegistry prometheus = context.getRegistry()
                .lookupByNameAndType(MicrometerConstants.METRICS_REGISTRY_NAME, MeterRegistry.class);
        if (prometheus != null && metrics != null) {
            metrics.publishTo(prometheus);
        }
    }

    /**
     * Registers the batches an interrupted run left in {@code .inprogress/} (reading their lists and
     * journals): a start-up step, called before Camel starts its routes, so that the inbox never
     * takes a list of the same name first and the recover route finds them to feed.
     */
    void resumeInterrupted() {
        try {
            batches.resumeInterrupted();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot resume the interrupted batches", e);
        }
    }

    /**
     * The file producer's copy buffer, a new one per file: Camel's 128 KiB default costs more to
     * allocate and clear than writing a small body does; 32 KiB still moves a large body in few
     * system calls.
     */
    static final int WRITE_BUFFER_BYTES = 32 * 1024;

    /** The first wait before a notice is sent again, doubling (routes/notify.camel.yaml). */
    static final Duration NOTIFY_RETRY_DELAY = Duration.ofSeconds(1);

    /** Every value the routes' {@code {{…}}} placeholders read: the settings, then the internal values. */
    static Properties placeholders(Settings settings) {
        Properties values = new Properties();
        values.putAll(settings.placeholderValues());
        values.putAll(internalPlaceholders(settings));
        return values;
    }

    /**
     * Values the routes need that are derived from settings rather than set by users, such as the file
     * writer's buffer. The routes name their queue endpoints themselves, with their options.
     */
    static Map<String, String> internalPlaceholders(Settings settings) {
        // the HTTP server (status page, API, health, metrics): off for port 0, and in --once unless the
        // port was given; Camel's own port 0 would mean "any free port", so off is a flag of its own
        int httpPort = settings.httpServerPort();
        return Map.of(
                "internal.notify-retry-delay", Long.toString(NOTIFY_RETRY_DELAY.toMillis()),
                // the output folder as resolved once at start-up: it may itself be a link (README, "Security")
                "internal.output-folder",
                        new OutputFolder(settings.outputPath()).root().toString(),
                "internal.write-buffer", Integer.toString(WRITE_BUFFER_BYTES),
                "internal.http-enabled", Boolean.toString(httpPort > 0),
                // often enough that a stall is seen within a second of fetchbox.stall-timeout
                "internal.stall-check-interval",
                        Long.toString(Math.max(
                                100, Math.min(1000, settings.stallTimeout().toMillis()))),
                "internal.http-port", Integer.toString(httpPort > 0 ? httpPort : settings.httpPort()));
    }
}
