package io.fetchbox.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fetchbox.fetch.FetchTask;
import io.fetchbox.list.UrlEntry;
import io.fetchbox.naming.NameRequest;
import io.fetchbox.report.BatchFed;
import io.fetchbox.report.Outcome;
import io.fetchbox.report.OutcomeBuilder;
import io.fetchbox.report.OutcomeItem;
import io.fetchbox.report.PendingDuplicate;
import io.fetchbox.testing.Exchanges;
import java.util.List;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

class WireTest {
    private static final UrlEntry ENTRY = new UrlEntry(
            7,
            "http://127.0.0.1:9/a b.jpg?x=1",
            "out.jpg",
            "d",
            new UrlEntry.Checksum("SHA-256", "ab12"),
            List.of(new UrlEntry.Header("Referer", "http://127.0.0.1:9/")),
            List.of("a warning"),
            null,
            3L,
            "image/*,application/pdf");

    @Test
    void aTaskComesBackAsItWasSentEveryFieldIncluded() {
        FetchTask task =
                new FetchTask("pics", ENTRY, "pics/out.jpg", "http://127.0.0.1:9/x", "http://127.0.0.1:9", 2, 1, 42);

        assertThat(Wire.task(Wire.task(task))).isEqualTo(task);
    }

    @Test
    void aTaskWithoutAFileYetComesBackSo() {
        FetchTask task = new FetchTask("pics", ENTRY, null, "http://127.0.0.1:9");

        assertThat(Wire.task(Wire.task(task))).isEqualTo(task);
    }

    @Test
    void eachKindOfOutcomeQueueItemComesBackWithItsBatch() {
        Outcome outcome = OutcomeBuilder.of("pics", ENTRY)
                .outcome(Outcome.FAILED)
                .error("http_503")
                .errorDetail("server answered 503")
                .node("node-2")
                .build();
        List<OutcomeItem> items = List.of(
                outcome,
                new BatchFed("pics", 1200, true),
                new PendingDuplicate(
                        "pics", ENTRY, new NameRequest("http://127.0.0.1:9/a", "127.0.0.1", 9, "/a", null, null)));

        for (OutcomeItem item : items) {
            assertThat(Wire.item(Wire.item(item))).isEqualTo(item);
        }
    }

    @Test
    void somethingElseOnTheQueueIsRefusedClearly() {
        assertThatThrownBy(() -> Wire.item("{\"kind\":\"other\"}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("kind other");
        assertThatThrownBy(() -> Wire.task("not json"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not a FetchTask");
    }

    @Test
    void namesAddedByALaterVersionAreSkipped() {
        FetchTask task = new FetchTask("pics", ENTRY, "pics/out.jpg", "http://127.0.0.1:9");
        String later = Wire.task(task).replaceFirst("\\{", "{\"priority\":5,");

        assertThat(Wire.task(later)).isEqualTo(task);
    }

    @Test
    void aMessageThatIsNotFetchboxsIsReadAsNothingSoThatItIsDroppedNotRolledBack() {
        Exchange garbage = Exchanges.create();
        garbage.getMessage().setBody("{\"url\": [not json");
        Exchange empty = Exchanges.create();

        assertThat(Wire.read(garbage, BrokerQueues.FETCH, Wire::task)).isEmpty();
        assertThat(Wire.read(garbage, BrokerQueues.OUTCOMES, Wire::item)).isEmpty();
        assertThat(Wire.read(empty, BrokerQueues.FETCH, Wire::task)).isEmpty();
        FetchTask task = new FetchTask("pics", ENTRY, "pics/out.jpg", "http://127.0.0.1:9");
        Exchange good = Exchanges.create();
        good.getMessage().setBody(Wire.task(task));
        assertThat(Wire.read(good, BrokerQueues.FETCH, Wire::task)).contains(task);
    }

    @Test
    void theFetchQueuesTakerDropsAMessageItCannotReadInsteadOfThrowing() throws Exception {
        BrokerHostsConsumer taker = new BrokerHostsConsumer(null, () -> null, new Handoff.Slot(), () -> {
            throw new AssertionError("nothing was downloaded");
        });
        Exchange garbage = Exchanges.create();
        garbage.getMessage().setBody("not a task");

        taker.take(garbage);
        new BrokerOutcomesComponent.Taker(new Handoff.Slot()).take(garbage);
    }
}
