package io.fetchbox.cluster;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Session;
import java.util.Map;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Camel readiness check {@code fetchbox/broker} (README, "Running a cluster"): down until this node
 * has a connection to the broker, and again while it has lost it, so {@code /observe/health/ready}
 * answers 503 then. It keeps one connection of its own, which does not reconnect by itself (the
 * others do, silently), and opens a session on it at each check: a round trip that fails at once
 * when the broker is gone. Not a liveness check: a broker away is no reason to restart a node.
 */
public final class BrokerCheck extends AbstractHealthCheck {
    private final ConnectionFactory connections;
    private Connection connection;

    /** @param connections a factory that neither reconnects nor waits long for an answer */
    BrokerCheck(ConnectionFactory connections) {
        super("fetchbox", "broker");
        this.connections = connections;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected synchronized void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        try {
            if (connection == null) {
                connection = connections.createConnection();
            }
            connection.createSession(false, Session.AUTO_ACKNOWLEDGE).close();
            builder.up();
        } catch (JMSException | RuntimeException e) {
            close();
            builder.message("the broker cannot be reached: " + e.getMessage()).down();
        }
    }

    private void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (JMSException | RuntimeException e) {
                // gone already
            }
            connection = null;
        }
    }
}
