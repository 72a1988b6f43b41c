package io.fetchbox.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.ActiveMQServers;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.slf4j.LoggerFactory;

/**
 * An ActiveMQ Artemis broker for tests, in this JVM, on one acceptor at {@code tcp://127.0.0.1:<free port>}: the
 * broker the fetchbox JVMs of a cluster-mode process test share (queue {@code fetchbox.fetch} with message groups
 * keyed by host, queue {@code fetchbox.outcomes}, the host-pause topic).
 *
 * <p>Persistence is on, with the journal, bindings, paging and large-messages folders under the given data folder, so
 * {@link #restart()} (or a new broker on the same folder) keeps every persistent message that was not consumed. The
 * port is chosen once, at {@link #start(Path)}, and kept across restarts, so clients can reconnect to the same
 * {@link #url()}. Security is off; there is no other acceptor, no cluster connection, no broadcast or discovery group,
 * no JMX and no web console. The broker's core management address ({@code activemq.management}) still answers on the
 * acceptor, as in every Artemis broker, but only on loopback.
 *
 * <p>Address settings for every address ({@code #}):
 *
 * <ul>
 *   <li>{@code autoCreateQueues(true)}, {@code autoCreateAddresses(true)}: a producer or consumer names a queue or
 *       topic and it exists, as with the real broker's defaults; tests declare nothing up front.
 *   <li>{@code defaultGroupRebalance(true)} (there is no {@code setGroupRebalance}; this is the default of every
 *       queue created without its own value, auto-created ones included): when a consumer joins a queue, the message groups (JMSXGroupID, one per host on
 *       {@code fetchbox.fetch}) are spread again over all consumers, so a fetchbox JVM that starts late still gets
 *       hosts instead of the first JVM keeping every group for ever.
 *   <li>{@code redeliveryDelay(0)}: a message rolled back or left by a dead consumer is redelivered at once, so tests
 *       that kill or roll back do not wait for a back-off.
 *   <li>{@code maxDeliveryAttempts(-1)}: never moved to a dead-letter address, however often it is redelivered;
 *       fetchbox decides itself when a download has failed (and reports it on {@code fetchbox.outcomes}), the broker
 *       must not drop a task silently after n rollbacks.
 * </ul>
 *
 * <p>Other settings for tests: journal type NIO (no libaio needed) with small 1 MiB journal files, so that start
 * does not pre-allocate tens of MiB; Netty's NIO transport for the acceptor ({@code useEpoll=false}: it starts faster
 * than the native epoll one, about 50 ms instead of 400 ms in a warm JVM); the disk-usage check is off (a nearly full
 * disk on a build machine would otherwise block producers); the critical analyzer is off (a slow, loaded machine must
 * not make it stop the broker). Artemis's audit loggers ({@code org.apache.activemq.audit}) are
 * turned off: at INFO they log every connection, session and message. Still logged: about ten INFO lines
 * per start and stop, and two WARN lines per new queue (AMQ222165, AMQ222166: no dead-letter or expiry address),
 * which are expected: nothing is ever sent to either.
 *
 * <p>A cold start, the first in a JVM, takes seconds (1.3-3.3 s measured on 2 busy cores), most of it loading
 * classes; later starts and {@link #restart()} take 50-500 ms. {@link #stop()} leaves no broker thread behind; the
 * Artemis client's shared pools ({@code ActiveMQ-client-*}, daemon threads) stay for the life of the JVM.
 *
 * <pre>{@code
 * @TempDir Path dir;
 *
 * try (EmbeddedBroker broker = EmbeddedBroker.start(dir.resolve("broker"))) {
 *     ConnectionFactory factory = new ActiveMQConnectionFactory(broker.url());
 *     ... // send to or start fetchbox JVMs on broker.url()
 *     assertThat(broker.messageCount("fetchbox.fetch")).isEqualTo(3);
 *     broker.restart(); // same port and folder: persistent messages are still there
 * }
 * }</pre>
 */
public final class EmbeddedBroker implements AutoCloseable {

    private static final int JOURNAL_FILE_SIZE = 1024 * 1024;

    static {
        // Artemis's audit loggers (org.apache.activemq.audit.base, .message, .resource) log every connection, session,
        // consumer and message at INFO when INFO is on, as it is for fetchbox's root logger; the Artemis distribution
        // turns them off in its own logging configuration, so do the same here.
        if (LoggerFactory.getLogger("org.apache.activemq.audit") instanceof ch.qos.logback.classic.Logger audit) {
            audit.setLevel(ch.qos.logback.classic.Level.OFF);
        }
    }

    private final Path dataDir;
    private final int port;
    private ActiveMQServer server;

    private EmbeddedBroker(Path dataDir, int port) {
        this.dataDir = dataDir;
        this.port = port;
    }

    /** Starts a broker on a free port of 127.0.0.1, with its data under {@code dataDir} (created if missing). */
    public static EmbeddedBroker start(Path dataDir) {
        EmbeddedBroker broker = new EmbeddedBroker(dataDir.toAbsolutePath(), freePort());
        broker.startServer();
        return broker;
    }

    /**
     * A broker not started yet, whose {@link #url()} is already known: for clients that must start before
     * their broker. {@link #restart()} starts it.
     */
    public static EmbeddedBroker notStarted(Path dataDir) {
        return new EmbeddedBroker(dataDir.toAbsolutePath(), freePort());
    }

    /** {@code tcp://127.0.0.1:<port>}, for {@code ActiveMQConnectionFactory} or Camel's JMS component. */
    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** Stops the broker; persistent messages stay in the data folder. Does nothing if it is stopped already. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop the embedded broker on " + url(), e);
        } finally {
            server = null;
        }
    }

    /** Stops the broker and starts it again on the same port and data folder. */
    public synchronized void restart() {
        stop();
        startServer();
    }

    /** Messages in {@code queue} (delivered but not yet acknowledged ones included); 0 if there is no such queue. */
    public synchronized long messageCount(String queue) {
        if (server == null) {
            throw new IllegalStateException("the embedded broker on " + url() + " is stopped");
        }
        Queue q = server.locateQueue(SimpleString.of(queue));
        return q == null ? 0 : q.getMessageCount();
    }

    @Override
    public void close() {
        stop();
    }

    private synchronized void startServer() {
        ActiveMQServer s = ActiveMQServers.newActiveMQServer(configuration());
        try {
            s.start();
            if (!s.waitForActivation(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the embedded broker did not become active");
            }
        } catch (Exception e) {
            try {
                s.stop();
            } catch (Exception suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new IllegalStateException("cannot start the embedded broker on " + url() + " in " + dataDir, e);
        }
        server = s;
    }

    private ConfigurationImpl configuration() {
        ConfigurationImpl config = new ConfigurationImpl();
        config.setName("fetchbox-test-broker");
        config.setPersistenceEnabled(true);
        config.setJournalType(JournalType.NIO);
        // a broker restart in a test keeps what was written (the page cache survives it); no fsync per
        // commit, which costs tens of milliseconds here and is not what the tests measure
        config.setJournalSyncTransactional(false);
        config.setJournalSyncNonTransactional(false);
        config.setJournalDirectory(dataDir.resolve("journal").toString());
        config.setBindingsDirectory(dataDir.resolve("bindings").toString());
        config.setPagingDirectory(dataDir.resolve("paging").toString());
        config.setLargeMessagesDirectory(dataDir.resolve("large-messages").toString());
        config.setJournalFileSize(JOURNAL_FILE_SIZE);
        config.setJournalMinFiles(2);
        config.setSecurityEnabled(false);
        config.setJMXManagementEnabled(false);
        config.setMaxDiskUsage(-1);
        config.setCriticalAnalyzer(false);
        try {
            config.addAcceptorConfiguration("tcp", url() + "?useEpoll=false");
        } catch (Exception e) {
            throw new IllegalStateException("bad acceptor URL " + url(), e);
        }
        config.addAddressSetting(
                "#",
                new AddressSettings()
                        .setAutoCreateQueues(true)
                        .setAutoCreateAddresses(true)
                        .setDefaultGroupRebalance(true)
                        .setRedeliveryDelay(0)
                        .setMaxDeliveryAttempts(-1));
        return config;
    }

    /** Binds port 0 on 127.0.0.1 and closes it: free now, very likely still free when the broker binds it. */
    private static int freePort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port on 127.0.0.1", e);
        }
    }
}
