package io.fetchbox.cluster;

import java.util.Optional;
import java.util.Set;
import org.apache.camel.cluster.CamelClusterEventListener;
import org.apache.camel.cluster.CamelClusterMember;
import org.apache.camel.cluster.CamelClusterView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who leads (README, "Running a cluster"): the one node that reads the inbox, plans names, keeps the
 * journals and writes the reports. Camel's cluster service elects it; {@code ClusteredRoutePolicy} runs
 * the {@link #LEADER_ROUTES} on the leader only; this listener says so in the log and, when this node
 * stops leading, forgets the batches it ran (the next leader resumes them from their journals).
 */
public final class LeadershipWatch implements CamelClusterEventListener.Leadership {
    private static final Logger LOG = LoggerFactory.getLogger(LeadershipWatch.class);

    /** The cluster service's namespace for fetchbox's leadership. */
    static final String NAMESPACE = "fetchbox";

    /** The routes only the leader runs; the fetch route, the web routes and the cluster routes run on every node. */
    static final Set<String> LEADER_ROUTES = Set.of(
            "inbox",
            "recover",
            "feed",
            "report",
            "outcomes-from-broker",
            "progress",
            "stall-watch",
            "notify",
            "notify-retries");

    private final String nodeId;
    private final Runnable forgetBatches;
    private volatile boolean leading;
    private volatile String leader;

    LeadershipWatch(String nodeId, Runnable forgetBatches) {
        this.nodeId = nodeId;
        this.forgetBatches = forgetBatches;
    }

    @Override
    public void leadershipChanged(CamelClusterView view, CamelClusterMember leaderMember) {
        boolean now = leaderMember != null && leaderMember.isLocal();
        leader = leaderMember == null ? null : leaderMember.getId();
        if (now && !leading) {
            LOG.info("{}: this node is now the leader: it reads the inbox and writes the reports", nodeId);
        } else if (!now && leading) {
            LOG.warn("{}: this node is no longer the leader; its batches are resumed by the next one", nodeId);
            forgetBatches.run();
        }
        leading = now;
    }

    public boolean isLeader() {
        return leading;
    }

    /** The leading node's id, as far as this node knows. */
    public Optional<String> leader() {
        return Optional.ofNullable(leader);
    }
}
