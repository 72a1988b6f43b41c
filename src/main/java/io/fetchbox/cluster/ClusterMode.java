package io.fetchbox.cluster;

import io.fetchbox.batch.BatchRegistry;
import io.fetchbox.fetch.HostScheduler;
import io.fetchbox.fetch.TaskQueue;
import jakarta.jms.ConnectionFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.impl.cluster.ClusteredRoutePolicy;
import org.apache.camel.spi.Registry;
import org.apache.camel.util.function.Suppliers;
import org.springframework.jms.connection.CachingConnectionFactory;

/**
 * Everything cluster mode adds to one node (README, "Running a cluster"; docs/architecture.md, "Cluster
 * mode"), made only when fetchbox.broker-url is set: the broker connection and Camel's jms component,
 * the {@code hosts:} and {@code outcomes:} endpoints over the broker's queues, host pauses for every
 * node, leadership over the shared reports folder, and the node directory.
 */
public final class ClusterMode {
    /** How often the cluster service tries for the lead; a dead leader's heartbeat is stale after 5 of these. */
    static final int LEAD_CHECK_SECONDS = 1;

    private final String nodeId;
    private final int perHost;
    private final Path reports;
    private final ConnectionFactory connections;
    private final ConnectionFactory checkConnections;
    private final HostScheduler<Exchange> scheduler;
    private final BooleanSupplier stopping;
    private final LeadershipWatch leadership;
    private final AtomicLong done = new AtomicLong();
    private final NodeDirectory nodes;
    private CamelContext context;
    private final Supplier<ProducerTemplate> producer = Suppliers.memorize(() -> context.createProducerTemplate());
    private final HostPauses pauses;

    /**
     * @param stopping whether this node is stopping (a send the broker does not take then fails at once)
     * @param forgetBatches what this node does when it stops leading (forget its batches, resume again when it
     *     leads again)
     */
    public ClusterMode(
            String brokerUrl,
            String user,
            String password,
            String nodeId,
            int perHost,
            Path reports,
            HostScheduler<Exchange> scheduler,
            BooleanSupplier stopping,
            Runnable forgetBatches) {
        this.nodeId = nodeId;
        this.perHost = perHost;
        this.reports = reports;
        this.scheduler = scheduler;
        this.stopping = stopping;
        this.connections = connectionFactory(brokerUrl, user, password);
        ActiveMQConnectionFactory forTheCheck = connectionFactory(brokerUrl, user, password);
        forTheCheck.setReconnectAttempts(0);
        // a check answers within seconds, whatever the broker does
        forTheCheck.setCallTimeout(2000);
        this.checkConnections = forTheCheck;
        this.leadership = new LeadershipWatch(nodeId, forgetBatches);
        this.nodes = new NodeDirectory(
                reports, nodeId, leadership::isLeader, scheduler::inFlight, done::get, Clock.systemUTC());
        this.pauses = new HostPauses(scheduler, producer);
    }

    /**
     * The broker's connections: no messages prefetched (each goes to a consumer that is free, and none
     * sits in a busy or dying node's buffer), and a lost connection tried again for as long as it takes.
     */
    static ActiveMQConnectionFactory connectionFactory(String url, String user, String password) {
        ActiveMQConnectionFactory factory =
                new ActiveMQConnectionFactory(url, user.isEmpty() ? null : user, password.isEmpty() ? null : password);
        factory.setConsumerWindowSize(0);
        factory.setReconnectAttempts(-1);
        factory.setRetryInterval(500);
        factory.setRetryIntervalMultiplier(2.0);
        factory.setMaxRetryInterval(5000);
        return factory;
    }

    /**
     * Binds the broker endpoints and the cluster beans, adds the cluster service and runs the leader's
     * routes on the leader only; returns where redirects and retries go.
     */
    public TaskQueue bindInto(CamelContext context, Registry registry, BatchRegistry batches) throws Exception {
        this.context = context;
        registry.bind("jms", jmsComponent(connections));
        Supplier<TaskMessages> messages =
                Suppliers.memorize(() -> new TaskMessages(producer.get(), perHost, batches::runId, stopping));
        Handoff.Slot fetchRoute = new Handoff.Slot();
        registry.bind("hosts", new BrokerHostsComponent(messages, fetchRoute));
        registry.bind("brokerTasks", new BrokerHostsConsumer(scheduler, messages, fetchRoute, done::incrementAndGet));
        Handoff.Slot reportRoute = new Handoff.Slot();
        registry.bind("outcomes", new BrokerOutcomesComponent(batches::runId, reportRoute, stopping));
        registry.bind("brokerOutcomes", new BrokerOutcomesComponent.Taker(reportRoute));
        registry.bind("hostPauses", pauses);
        registry.bind("nodes", nodes);
        registry.bind("brokerCheck", new BrokerCheck(checkConnections));

        FileLockClusterService leaders = new FileLockClusterService();
        leaders.setId(nodeId);
        leaders.setRoot(reports.resolve(".state").resolve("cluster").toString());
        leaders.setAcquireLockInterval(LEAD_CHECK_SECONDS);
        leaders.setAcquireLockIntervalUnit(TimeUnit.SECONDS);
        context.addService(leaders);
        leaders.getView(LeadershipWatch.NAMESPACE).addEventListener(leadership);
        ClusteredRoutePolicy leaderOnly = ClusteredRoutePolicy.forNamespace(leaders, LeadershipWatch.NAMESPACE);
        context.addRoutePolicyFactory(
                (camel, routeId, route) -> LeadershipWatch.LEADER_ROUTES.contains(routeId) ? leaderOnly : null);
        return new BrokerTaskQueue(messages, pauses);
    }

    public LeadershipWatch leadership() {
        return leadership;
    }

    public NodeDirectory nodes() {
        return nodes;
    }

    /**
     * Camel's jms component on the broker: consumers on plain connections (their listener containers
     * keep one each, CACHE_CONSUMER), producers on one shared connection whose sessions and producers
     * are kept (a new connection per message, camel-jms's default without a pool, costs a round trip
     * of connecting and logging in for every URL). A lost shared connection is made again.
     */
    static JmsComponent jmsComponent(ConnectionFactory connections) {
        JmsComponent jms = JmsComponent.jmsComponent(connections);
        CachingConnectionFactory producers = new CachingConnectionFactory(connections);
        producers.setSessionCacheSize(PRODUCER_SESSIONS);
        producers.setReconnectOnException(true);
        jms.getConfiguration().setListenerConnectionFactory(connections);
        jms.getConfiguration().setTemplateConnectionFactory(producers);
        return jms;
    }

    /** Sessions kept for sending: as many as threads that send at once, at most. */
    private static final int PRODUCER_SESSIONS = 64;

    /** The connections to the broker, for the readiness check. */
    public ConnectionFactory connections() {
        return connections;
    }
}
