package io.fetchbox.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedBrokerTest {

    private static final long RECEIVE_MS = 5000;

    @TempDir
    Path dir;

    @Test
    void persistentMessagesSurviveARestart() throws Exception {
        long t0 = System.nanoTime();
        try (EmbeddedBroker broker = EmbeddedBroker.start(dir.resolve("broker"))) {
            long started = System.nanoTime();
            System.out.printf("EmbeddedBroker.start took %d ms on %s%n", (started - t0) / 1_000_000, broker.url());
            assertThat(broker.url()).isEqualTo("tcp://127.0.0.1:" + broker.port());
            assertThat(broker.messageCount("t.q")).isZero();

            ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(broker.url());
            try (factory;
                    Connection connection = factory.createConnection()) {
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                MessageProducer producer = session.createProducer(session.createQueue("t.q"));
                producer.setDeliveryMode(DeliveryMode.PERSISTENT);
                for (int i = 1; i <= 3; i++) {
                    producer.send(session.createTextMessage("m" + i));
                }
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> broker.messageCount("t.q") == 3);

            long r0 = System.nanoTime();
            broker.restart();
            System.out.printf("EmbeddedBroker.restart took %d ms%n", (System.nanoTime() - r0) / 1_000_000);
            assertThat(broker.messageCount("t.q")).isEqualTo(3);

            ActiveMQConnectionFactory again = new ActiveMQConnectionFactory(broker.url());
            try (again;
                    Connection connection = again.createConnection()) {
                connection.start();
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                MessageConsumer consumer = session.createConsumer(session.createQueue("t.q"));
                List<String> texts = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    Message m = consumer.receive(RECEIVE_MS);
                    assertThat(m).as("message %d after the restart", i + 1).isNotNull();
                    texts.add(((TextMessage) m).getText());
                }
                assertThat(texts).containsExactly("m1", "m2", "m3");
                assertThat(consumer.receiveNoWait()).isNull();
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> broker.messageCount("t.q") == 0);
        }
    }

    @Test
    void eachMessageGroupGoesToOneConsumer() throws Exception {
        long t0 = System.nanoTime();
        try (EmbeddedBroker broker = EmbeddedBroker.start(dir.resolve("broker"));
                ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(broker.url());
                Connection first = factory.createConnection();
                Connection second = factory.createConnection();
                Connection sender = factory.createConnection()) {
            System.out.printf("EmbeddedBroker.start took %d ms%n", (System.nanoTime() - t0) / 1_000_000);
            List<MessageConsumer> consumers = new ArrayList<>();
            for (Connection c : List.of(first, second)) {
                c.start();
                Session session = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
                consumers.add(session.createConsumer(session.createQueue("t.groups")));
            }

            Session session = sender.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createQueue("t.groups"));
            List<String> groups = List.of("a.example", "b.example", "c.example", "d.example");
            int perGroup = 5;
            for (int i = 0; i < perGroup; i++) {
                for (String group : groups) {
                    TextMessage m = session.createTextMessage(group + "#" + i);
                    m.setStringProperty("JMSXGroupID", group);
                    producer.send(m);
                }
            }

            Map<String, Set<Integer>> consumersOfGroup = new HashMap<>();
            Map<String, List<String>> bodiesOfGroup = new HashMap<>();
            int expected = groups.size() * perGroup;
            int received = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (received < expected && System.nanoTime() < deadline) {
                for (int c = 0; c < consumers.size(); c++) {
                    Message m = consumers.get(c).receive(100);
                    if (m != null) {
                        String group = m.getStringProperty("JMSXGroupID");
                        consumersOfGroup
                                .computeIfAbsent(group, g -> new HashSet<>())
                                .add(c);
                        bodiesOfGroup
                                .computeIfAbsent(group, g -> new ArrayList<>())
                                .add(((TextMessage) m).getText());
                        received++;
                    }
                }
            }

            assertThat(received).isEqualTo(expected);
            assertThat(consumersOfGroup).containsOnlyKeys(groups);
            consumersOfGroup.forEach(
                    (group, cs) -> assertThat(cs).as("consumers of %s", group).hasSize(1));
            bodiesOfGroup.forEach((group, bodies) -> assertThat(bodies)
                    .containsExactly(group + "#0", group + "#1", group + "#2", group + "#3", group + "#4"));
            Set<Integer> used = new HashSet<>();
            consumersOfGroup.values().forEach(used::addAll);
            assertThat(used).as("groups are spread over both consumers").containsExactlyInAnyOrder(0, 1);
        }
    }
}
