package io.fetchbox.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fetchbox.batch.BatchStatus;
import io.fetchbox.observe.RecentFailures.Failure;
import io.fetchbox.report.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running batches as the leader knows them, on every node's page and API (README, "Running a
 * cluster"): only the leader runs batches, so it writes them, with their last failures, to {@code
 * reports/.state/running.json} on the shared folder with each beat of its node; every other node
 * reads them from there. A file not rewritten for {@link NodeDirectory#GONE} is a dead leader's, and
 * shows nothing.
 */
public final class LeaderBatches {
    private static final Logger LOG = LoggerFactory.getLogger(LeaderBatches.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One running batch in the file. */
    record Shown(
            String name,
            String list,
            String started,
            long reported,
            long total,
            Map<String, Long> outcomes,
            long failed,
            long bytes,
            List<Failure> failures) {
        static Shown of(BatchStatus s, List<Failure> failures) {
            return new Shown(
                    s.name(),
                    s.listName(),
                    s.started().toString(),
                    s.reported(),
                    s.total(),
                    s.outcomes(),
                    s.failed(),
                    s.bytes(),
                    failures);
        }

        BatchStatus status() {
            return new BatchStatus(name, list, Instant.parse(started), reported, total, outcomes, failed, bytes);
        }
    }

    /** The whole file: who wrote it, when, and its batches. */
    record Board(String leader, String written, List<Shown> batches) {}

    private final Path file;
    private final String nodeId;
    private final BooleanSupplier leading;
    private final Supplier<List<BatchStatus>> running;
    private final Function<String, Optional<List<Failure>>> failures;
    private final Clock clock;

    /**
     * @param running this node's running batches (it has some only while it leads)
     * @param failures this node's last failures of a batch it runs
     */
    public LeaderBatches(
            Path reports,
            String nodeId,
            BooleanSupplier leading,
            Supplier<List<BatchStatus>> running,
            Function<String, Optional<List<Failure>>> failures,
            Clock clock) {
        this.file = reports.resolve(".state").resolve("running.json");
        this.nodeId = nodeId;
        this.leading = leading;
        this.running = running;
        this.failures = failures;
        this.clock = clock;
    }

    /** On the leader, writes its running batches for the others (the node-status route, every beat). */
    public void publish() {
        if (!leading.getAsBoolean()) {
            return;
        }
        List<Shown> batches = running.get().stream()
                .map(s -> Shown.of(s, failures.apply(s.name()).orElse(List.of())))
                .toList();
        try {
            Files.createDirectories(file.getParent());
            AtomicFiles.write(
                    file,
                    JSON.writeValueAsBytes(new Board(nodeId, clock.instant().toString(), batches)));
        } catch (IOException e) {
            LOG.warn("{}: cannot write the running batches to {}: {}", nodeId, file, e.toString());
        }
    }

    /** The cluster's running batches: this node's own while it leads, else the leader's file. */
    public List<BatchStatus> statuses() {
        if (leading.getAsBoolean()) {
            return running.get();
        }
        return board().map(b -> b.batches().stream().map(Shown::status).toList())
                .orElse(List.of());
    }

    /** One running batch of the cluster, or empty when none of that name runs. */
    public Optional<BatchStatus> status(String batch) {
        return statuses().stream().filter(s -> s.name().equals(batch)).findFirst();
    }

    /** A batch's last failures: this node's while it leads, else those the leader wrote for a running batch. */
    public Optional<List<Failure>> failures(String batch) {
        if (leading.getAsBoolean()) {
            return failures.apply(batch);
        }
        return board().flatMap(b -> b.batches().stream()
                .filter(s -> s.name().equals(batch))
                .findFirst()
                .map(Shown::failures));
    }

    private Optional<Board> board() {
        try {
            Board board = JSON.readValue(Files.readAllBytes(file), Board.class);
            Instant written = Instant.parse(board.written());
            if (written.isBefore(clock.instant().minus(NodeDirectory.GONE)) || board.batches() == null) {
                return Optional.empty();
            }
            return Optional.of(board);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            // being replaced (never half: it is renamed into place), or not ours
            LOG.debug("cannot read {}: {}", file, e.toString());
            return Optional.empty();
        }
    }
}
