package io.fetchbox.observe;

import io.fetchbox.batch.BatchStatus;
import io.fetchbox.report.BatchEvents;
import io.fetchbox.report.Outcome;
import io.fetchbox.url.ParsedUrl;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.IntSupplier;
import java.util.function.ToDoubleFunction;
import java.util.regex.Pattern;

/**
 * fetchbox's own Prometheus meters, served by Camel at {@code /observe/metrics} beside Camel's:
 *
 * <pre>
 * fetchbox_downloads_total{outcome}        lines by outcome (downloaded, not_modified, skipped, duplicate, failed, invalid)
 * fetchbox_bytes_total                     bytes of downloaded bodies
 * fetchbox_downloads_in_flight             requests in flight now
 * fetchbox_urls_queued                     URLs waiting for their host (retries and redirects included)
 * fetchbox_retries_total                   attempts that failed and will be tried again
 * fetchbox_host_errors_total{host,error}   failed attempts per host (scheme://host:port) and error code;
 *                                          beyond 100 hosts, new ones are counted as host="other"
 * fetchbox_batch_urls_done{batch}          per running batch, removed when it finishes:
 * fetchbox_batch_urls{batch}                 lines with an outcome, lines of the list,
 * fetchbox_batch_urls_failed{batch}          failed or invalid lines, and bytes downloaded
 * fetchbox_batch_bytes{batch}
 * fetchbox_disk_free_bytes                 usable space under fetchbox.output
 * </pre>
 *
 * No label carries a URL, a path or a credential: hosts are scheme, host and port only. The meters
 * live in a composite registry that Camel's Prometheus registry is added to once Camel has made it
 * ({@link #publishTo}); plain methods, so that any code can report to it.
 */
public final class Metrics implements BatchEvents {
    /** Distinct hosts with their own label; later ones fold into {@link #OTHER}. */
    public static final int MAX_HOSTS = 100;

    public static final String OTHER = "other";
    private static final Pattern ERROR_CODE = Pattern.compile("[a-z0-9_]{1,40}");

    private final CompositeMeterRegistry registry = new CompositeMeterRegistry();
    private final Function<String, Optional<BatchStatus>> batches;
    private final Map<String, Counter> downloads = new ConcurrentHashMap<>();
    private final Counter bytes;
    private final Counter retries;
    private final Map<String, Counter> dropped = new ConcurrentHashMap<>();
    private final Map<String, Boolean> hosts = new ConcurrentHashMap<>();
    private final Map<String, List<Meter>> batchGauges = new ConcurrentHashMap<>();

    /**
     * @param inFlight downloads in flight ({@code HostScheduler.inFlight()})
     * @param queued URLs waiting ({@code HostScheduler.waiting()})
     * @param batches a running batch by name, for the per-batch gauges
     * @param disk the free-space check of the output folder
     */
    public Metrics(
            IntSupplier inFlight, IntSupplier queued, Function<String, Optional<BatchStatus>> batches, DiskSpace disk) {
        this.batches = batches;
        for (String outcome : Outcome.ALL) {
            downloads.put(
                    outcome,
                    Counter.builder("fetchbox.downloads")
                            .description("URL lines that reached their outcome")
                            .tag("outcome", outcome)
                            .register(registry));
        }
        bytes = Counter.builder("fetchbox.bytes")
                .description("Bytes of downloaded bodies")
                .register(registry);
        retries = Counter.builder("fetchbox.retries")
                .description("Failed attempts that are tried again")
                .register(registry);
        for (String reason : List.of(BatchEvents.DUPLICATE, BatchEvents.STALE)) {
            dropped.put(
                    reason,
                    Counter.builder("fetchbox.outcomes.dropped")
                            .description("Outcomes not recorded: a line's second (redelivered or fed again), or"
                                    + " another run's")
                            .tag("reason", reason)
                            .register(registry));
        }
        Gauge.builder("fetchbox.downloads.in.flight", inFlight::getAsInt)
                .description("Requests in flight")
                .register(registry);
        Gauge.builder("fetchbox.urls.queued", queued::getAsInt)
                .description("URLs waiting for their host")
                .register(registry);
        Gauge.builder("fetchbox.disk.free.bytes", disk::freeBytes)
                .description("Usable bytes under fetchbox.output")
                .register(registry);
    }

    /** Adds a registry (Camel's Prometheus registry) that shows every meter, earlier ones included. */
    public void publishTo(MeterRegistry target) {
        registry.add(target);
    }

    /** The registry the meters are made in; tests read it. */
    public MeterRegistry registry() {
        return registry;
    }

    /** One line reached its outcome: counted, its bytes added, a failure counted against its host. */
    public void outcome(Outcome outcome) {
        Counter counter = downloads.get(outcome.outcome());
        if (counter == null) {
            return;
        }
        counter.increment();
        if (Outcome.DOWNLOADED.equals(outcome.outcome()) && outcome.bytes() != null) {
            bytes.increment(outcome.bytes());
        }
        if (Outcome.FAILED.equals(outcome.outcome()) && outcome.error() != null) {
            hostOf(outcome.url()).ifPresent(host -> hostError(host, outcome.error()));
        }
    }

    @Override
    public void dropped(String batch, String reason) {
        Counter counter = dropped.get(reason);
        if (counter != null) {
            counter.increment();
        }
    }

    /** A failed attempt that will be tried again. {@code hostKey} is scheme://host:port. */
    @Override
    public void retried(String hostKey, String errorCode) {
        retries.increment();
        hostError(hostKey, errorCode);
    }

    @Override
    public void started(String batch) {
        // the gauges read the batch by name, so a later run of the same name can reuse them
        batchGauges.computeIfAbsent(
                batch,
                b -> List.of(
                        batchGauge(
                                "fetchbox.batch.urls.done",
                                "Lines of the batch with their outcome",
                                b,
                                s -> s.reported()),
                        batchGauge("fetchbox.batch.urls.total", "URL lines of the batch's list", b, s -> s.total()),
                        batchGauge(
                                "fetchbox.batch.urls.failed",
                                "Failed or invalid lines of the batch",
                                b,
                                s -> s.failed()),
                        batchGauge("fetchbox.batch.bytes", "Bytes downloaded for the batch", b, s -> s.bytes())));
    }

    @Override
    public void finished(String batch) {
        List<Meter> gauges = batchGauges.remove(batch);
        if (gauges != null) {
            gauges.forEach(registry::remove);
        }
    }

    private Meter batchGauge(String name, String description, String batch, ToDoubleFunction<BatchStatus> value) {
        return Gauge.builder(
                        name,
                        () -> batches.apply(batch).map(value::applyAsDouble).orElse(Double.NaN))
                .description(description)
                .tag("batch", batch)
                .register(registry);
    }

    private void hostError(String hostKey, String errorCode) {
        Counter.builder("fetchbox.host.errors")
                .description("Failed attempts per host and error")
                .tag("host", hostLabel(hostKey))
                .tag("error", errorCode != null && ERROR_CODE.matcher(errorCode).matches() ? errorCode : OTHER)
                .register(registry)
                .increment();
    }

    /** The host's own label while fewer than {@link #MAX_HOSTS} have one, else {@link #OTHER}. */
    String hostLabel(String hostKey) {
        String host = safeHost(hostKey);
        if (host == null) {
            return OTHER;
        }
        if (hosts.containsKey(host)) {
            return host;
        }
        synchronized (hosts) {
            if (hosts.size() < MAX_HOSTS) {
                hosts.putIfAbsent(host, Boolean.TRUE);
                return host;
            }
        }
        return hosts.containsKey(host) ? host : OTHER;
    }

    /** scheme://host:port, rebuilt from the parsed text, so that nothing else (user info) gets through. */
    private static String safeHost(String hostKey) {
        if (hostKey == null) {
            return null;
        }
        try {
            return ParsedUrl.parse(hostKey).hostKey();
        } catch (RuntimeException e) { // InvalidUrlException among them
            return null;
        }
    }

    private static Optional<String> hostOf(String url) {
        try {
            return Optional.of(ParsedUrl.parse(url).hostKey());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Meters of the running batches' gauges, for tests. */
    List<String> batchesWithGauges() {
        return new ArrayList<>(batchGauges.keySet());
    }
}
