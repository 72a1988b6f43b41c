package io.fetchbox.cluster;

/**
 * The broker's addresses and how fetchbox uses them (docs/architecture.md, "Cluster mode"). Every
 * message on a queue is persistent; the routes of {@code routes/cluster.camel.yaml} take one message
 * at a time inside a local transaction, committed only when its work is done.
 */
final class BrokerQueues {
    /** Downloads: one message per URL (a retry or a redirect is a new one), grouped by host and slot. */
    static final String FETCH = "fetchbox.fetch";
    /** Outcomes, and the news that a list was fed to its end: read by the leader alone. */
    static final String OUTCOMES = "fetchbox.outcomes";
    /** Host pauses (Retry-After) one node saw, for every node: not persistent, a pause is short-lived. */
    static final String HOST_PAUSES = "fetchbox.hosts";

    /** Artemis's message property for scheduled delivery: the epoch milliseconds it is delivered at. */
    static final String SCHEDULED_DELIVERY = "_AMQ_SCHED_DELIVERY";
    /** JMS's message group: Artemis hands every message of one group to one consumer at a time. */
    static final String GROUP = "JMSXGroupID";

    private BrokerQueues() {}

    /** Sends, persistent, on Camel's jms component bound to the broker. */
    static String sendTo(String queue) {
        return "jms:queue:" + queue + "?deliveryPersistent=true";
    }
}
