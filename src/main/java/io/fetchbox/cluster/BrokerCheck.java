package io.fetchbox.cluster;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import java.util.Map;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Camel readiness check {@code fetchbox/broker} (README, "Running a cluster"): down until this node
 * has a connection to the broker, and again while it has lost it, so {@code /observe/health/ready}
 * answers 503 then. It keeps one connection of its own, which does not reconnect by itself (the
 * others do, silently), so that its loss is seen; the next check connects again. Not a liveness check:
 * a broker away is no reason to restart a node.
 */
public final class BrokerCheck extends AbstractHealthCheck {
    private final ConnectionFactory connections;
    private Connection connection;
    private volatile String lost;

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
        if (connection != null && lost != null) {
            builder.message(lost).down();
            close();
            return;
        }
        if (connection == null) {
            try {
                Connection opened = connections.createConnection();
                opened.setExceptionListener(e -> lost = "the connection to the broker was lost: " + e.getMessage());
                lost = null;
                connection = opened;
            } catch (JMSException | RuntimeException e) {
                builder.message("the broker cannot be reached: " + e.getMessage())
                        .down();
                return;
            }
        }
        builder.up();
    }

    private void close() {
        try {
            connection.close();
        } catch (JMSException e) {
            // lost already
        }
        connection = null;
    }
}
