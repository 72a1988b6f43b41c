package io.fetchbox.observe;

import static org.assertj.core.api.Assertions.assertThat;

import io.fetchbox.batch.BatchStatus;
import io.fetchbox.report.Outcome;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MetricsTest {
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger queued = new AtomicInteger();
    private BatchStatus running = status("pics", 3, 10);
    private final Metrics metrics = new Metrics(
            inFlight::get,
            queued::get,
            name -> name.equals(running.name()) ? Optional.of(running) : Optional.empty(),
            new DiskSpace(() -> 5000, 0, System::nanoTime));
    private final SimpleMeterRegistry camel = new SimpleMeterRegistry();

    MetricsTest() {
        metrics.publishTo(camel);
    }

    @Test
    void outcomesAreCountedByOutcomeAndDownloadedBytesAdded() {
        metrics.outcome(outcome("downloaded", "https://a.example/x", 100L, null));
        metrics.outcome(outcome("downloaded", "https://a.example/y", 50L, null));
        metrics.outcome(outcome("duplicate", "https://a.example/y", null, null));

        assertThat(camel.get("fetchbox.downloads")
                        .tag("outcome", "downloaded")
                        .counter()
                        .count())
                .isEqualTo(2);
        assertThat(camel.get("fetchbox.downloads")
                        .tag("outcome", "duplicate")
                        .counter()
                        .count())
                .isEqualTo(1);
        assertThat(camel.get("fetchbox.downloads")
                        .tag("outcome", "failed")
                        .counter()
                        .count())
                .isZero();
        assertThat(camel.get("fetchbox.bytes").counter().count()).isEqualTo(150);
    }

    @Test
    void inFlightQueuedAndFreeDiskAreReadWhenScraped() {
        inFlight.set(4);
        queued.set(17);

        assertThat(camel.get("fetchbox.downloads.in.flight").gauge().value()).isEqualTo(4);
        assertThat(camel.get("fetchbox.urls.queued").gauge().value()).isEqualTo(17);
        assertThat(camel.get("fetchbox.disk.free.bytes").gauge().value()).isEqualTo(5000);
    }

    @Test
    void retriesAndFinalFailuresAreErrorsOfTheirHostWithoutCredentials() {
        metrics.retried("https://a.example:443", "http_503");
        metrics.outcome(outcome("failed", "https://***@a.example/x", null, "http_503"));
        metrics.outcome(outcome("failed", "https://user:secret@b.example:8443/y", null, "timeout"));

        assertThat(camel.get("fetchbox.retries").counter().count()).isEqualTo(1);
        assertThat(camel.get("fetchbox.host.errors")
                        .tags("host", "https://a.example:443", "error", "http_503")
                        .counter()
                        .count())
                .isEqualTo(2);
        assertThat(camel.get("fetchbox.host.errors")
                        .tags("host", "https://b.example:8443", "error", "timeout")
                        .counter()
                        .count())
                .isEqualTo(1);
        assertThat(labelValues()).noneMatch(v -> v.contains("secret") || v.contains("user") || v.contains("@"));
    }

    @Test
    void beyondAHundredHostsNewOnesFoldIntoOther() {
        for (int i = 0; i < Metrics.MAX_HOSTS + 20; i++) {
            metrics.retried("http://host" + i + ".example:80", "connect");
        }
        metrics.retried("http://host0.example:80", "connect");

        List<String> hosts = camel.find("fetchbox.host.errors").counters().stream()
                .map(c -> c.getId().getTag("host"))
                .toList();
        assertThat(hosts).hasSize(Metrics.MAX_HOSTS + 1).contains("other", "http://host0.example:80");
        assertThat(camel.get("fetchbox.host.errors")
                        .tag("host", "other")
                        .counter()
                        .count())
                .isEqualTo(20);
        assertThat(camel.get("fetchbox.host.errors")
                        .tag("host", "http://host0.example:80")
                        .counter()
                        .count())
                .isEqualTo(2);
    }

    @Test
    void anErrorCodeThatIsNotACodeIsCountedAsOther() {
        metrics.retried("http://a.example:80", "https://user:pw@x/");

        assertThat(camel.get("fetchbox.host.errors")
                        .tag("error", "other")
                        .counter()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void aBatchHasProgressGaugesWhileItRunsAndNoneAfter() {
        metrics.started("pics");

        assertThat(camel.get("fetchbox.batch.urls.done")
                        .tag("batch", "pics")
                        .gauge()
                        .value())
                .isEqualTo(3);
        assertThat(camel.get("fetchbox.batch.urls.total")
                        .tag("batch", "pics")
                        .gauge()
                        .value())
                .isEqualTo(10);
        running = status("pics", 7, 10);
        assertThat(camel.get("fetchbox.batch.urls.done")
                        .tag("batch", "pics")
                        .gauge()
                        .value())
                .isEqualTo(7);

        metrics.finished("pics");

        assertThat(camel.find("fetchbox.batch.urls.done").gauges()).isEmpty();
        assertThat(camel.getMeters().stream().map(m -> m.getId().getName()))
                .noneMatch(name -> name.startsWith("fetchbox.batch."));
        assertThat(metrics.batchesWithGauges()).isEmpty();
    }

    private List<String> labelValues() {
        return camel.getMeters().stream()
                .map(Meter::getId)
                .flatMap(id -> id.getTags().stream())
                .map(t -> t.getValue())
                .toList();
    }

    private static BatchStatus status(String name, long done, long total) {
        return new BatchStatus(name, name + ".txt", Instant.now(), done, total, Map.of(), 0, done * 100);
    }

    private static Outcome outcome(String outcome, String url, Long bytes, String error) {
        return new Outcome(
                "pics", 1, null, url, null, outcome, null, bytes, null, null, null, null, null, 1, 5, null, error, null,
                List.of());
    }
}
