package io.fetchbox.cluster;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fetchbox.report.AtomicFiles;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cluster's nodes, as each one says every {@link #BEAT} (README, "Running a cluster"): one small
 * file per node under {@code reports/.state/nodes/}, on the folder the nodes share, rewritten whole
 * (a temporary file renamed over it). A node not heard of for {@link #GONE} is not counted as present.
 */
public final class NodeDirectory {
    private static final Logger LOG = LoggerFactory.getLogger(NodeDirectory.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** How often a node says it is there (the node-status route's period). */
    public static final Duration BEAT = Duration.ofSeconds(2);
    /** Unheard of this long, a node no longer counts. */
    public static final Duration GONE = Duration.ofSeconds(10);

    private final Path folder;
    private final String nodeId;
    private final BooleanSupplier leading;
    private final IntSupplier inFlight;
    private final LongSupplier done;
    private final Clock clock;
    private final Instant started;

    public NodeDirectory(
            Path reports,
            String nodeId,
            BooleanSupplier leading,
            IntSupplier inFlight,
            LongSupplier done,
            Clock clock) {
        this.folder = reports.resolve(".state").resolve("nodes");
        this.nodeId = nodeId;
        this.leading = leading;
        this.inFlight = inFlight;
        this.done = done;
        this.clock = clock;
        this.started = clock.instant();
    }

    /** What one node said last. */
    public record Node(
            String id,
            String role,
            @JsonProperty("last_seen") String lastSeen,
            @JsonProperty("in_flight") int inFlight,
            long done,
            String started) {}

    /** This node says it is there (the node-status route, every {@link #BEAT}). */
    public void beat() {
        Node self = self();
        try {
            Files.createDirectories(folder);
            AtomicFiles.write(folder.resolve(nodeId + ".json"), JSON.writeValueAsBytes(self));
        } catch (IOException e) {
            LOG.warn("{}: cannot write its node status under {}: {}", nodeId, folder, e.toString());
        }
    }

    public Node self() {
        return new Node(
                nodeId,
                leading.getAsBoolean() ? "leader" : "follower",
                clock.instant().toString(),
                inFlight.getAsInt(),
                done.getAsLong(),
                started.toString());
    }

    /** Every node that ever said it is there, this one as it is now, by id. */
    public List<Node> nodes() {
        List<Node> nodes = new ArrayList<>();
        nodes.add(self());
        if (Files.isDirectory(folder)) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.json")) {
                for (Path file : files) {
                    read(file).filter(node -> !node.id().equals(nodeId)).ifPresent(nodes::add);
                }
            } catch (IOException e) {
                LOG.debug("cannot list {}: {}", folder, e.toString());
            }
        }
        nodes.sort(Comparator.comparing(Node::id));
        return nodes;
    }

    /** Nodes heard of within {@link #GONE}, this one included. */
    public int present() {
        Instant since = clock.instant().minus(GONE);
        return (int) nodes().stream()
                .filter(n -> Instant.parse(n.lastSeen()).isAfter(since))
                .count();
    }

    private static Optional<Node> read(Path file) {
        try {
            return Optional.of(JSON.readValue(file.toFile(), Node.class));
        } catch (IOException | RuntimeException e) {
            // one being rewritten, or not ours: skipped this time
            return Optional.empty();
        }
    }
}
