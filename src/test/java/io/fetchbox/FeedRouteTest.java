package io.fetchbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.fetchbox.batch.BatchRegistry;
import io.fetchbox.fetch.FetchTask;
import io.fetchbox.fetch.FileRecord;
import io.fetchbox.fetch.FileState;
import io.fetchbox.folders.InboxFolders;
import io.fetchbox.report.BatchFed;
import io.fetchbox.report.Outcome;
import io.fetchbox.report.OutcomeItem;
import io.fetchbox.testing.LogCapture;
import io.fetchbox.url.ParsedUrl;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

/**
 * Every branch of routes/feed.camel.yaml (and the recover route that feeds resumed batches): a list
 * in {@code .inprogress/} is read in order, each line becomes a task for the host scheduler or an
 * outcome at once, and the batch is told how many lines it was fed, whatever happened. The scheduler's
 * endpoint and the outcome queue are replaced by mock endpoints.
 */
class FeedRouteTest extends RouteTestSupport {
    private static final String URL = "http://127.0.0.1:9/";

    private MockEndpoint tasks;
    private MockEndpoint outcomes;

    @Override
    List<String> routeFiles() {
        return List.of("feed", "recover");
    }

    @Override
    List<String> arguments() {
        return List.of("--fetchbox.existing=skip");
    }

    @Test
    void eachValidLineBecomesATaskWithItsNameInListOrder() throws Exception {
        List<Object> items = feed("list.txt", URL + "a.jpg\n" + URL + "b.jpg\n" + URL + "dir/c.jpg\n", 3, 1);

        assertThat(tasks.getReceivedExchanges())
                .extracting(e -> e.getMessage().getBody(FetchTask.class))
                .extracting(FetchTask::file)
                .containsExactly("list/a.jpg", "list/b.jpg", "list/c.jpg");
        assertThat(items).containsExactly(new BatchFed("list", 3, true));
    }

    @Test
    void anInvalidLineIsItsOutcomeAtOnceAndTheOthersGoOn() throws Exception {
        List<Object> items = feed("bad.txt", "ftp://127.0.0.1/x\n" + URL + "ok.jpg\n", 1, 2);

        Outcome invalid = (Outcome) items.get(0);
        assertThat(invalid.line()).isEqualTo(1);
        assertThat(invalid.outcome()).isEqualTo(Outcome.INVALID);
        assertThat(invalid.error()).isEqualTo("invalid_url");
        assertThat(invalid.errorDetail()).isNotBlank();
        assertThat(items.get(1)).isEqualTo(new BatchFed("bad", 2, true));
    }

    @Test
    void aDuplicateLineWaitsForTheFirstWhoseNameIsNotKnownYetElseIsItsOutcome() throws Exception {
        List<Object> items = feed("dups.txt", URL + "same.jpg\n" + URL + "same.jpg\n", 1, 2);

        assertThat(items.get(0)).isInstanceOfSatisfying(Outcome.class, duplicate -> {
            assertThat(duplicate.line()).isEqualTo(2);
            assertThat(duplicate.outcome()).isEqualTo(Outcome.DUPLICATE);
            assertThat(duplicate.file()).isEqualTo("dups/same.jpg");
        });
        assertThat(items.get(1)).isEqualTo(new BatchFed("dups", 2, true));
    }

    @Test
    void aFileFromAnEarlierRunIsSkippedUnderExistingSkip() throws Exception {
        Path kept = folders.output.resolve("keep/here.jpg");
        Files.createDirectories(kept.getParent());
        Files.writeString(kept, "mine");
        // what the publisher records beside a file it puts in place (README, "Reliability")
        FileState state = new FileState(folders.reports);
        String url = ParsedUrl.parse(URL + "here.jpg").normalized();
        state.write(
                "keep/here.jpg",
                new FileRecord(
                        FileState.urlKey(url),
                        url,
                        null,
                        null,
                        4,
                        null,
                        Files.getLastModifiedTime(kept).toMillis()));
        state.flush();

        List<Object> items = feed("keep.txt", URL + "here.jpg\n" + URL + "new.jpg\n", 1, 2);

        assertThat(items.get(0)).isInstanceOfSatisfying(Outcome.class, skipped -> {
            assertThat(skipped.outcome()).isEqualTo(Outcome.SKIPPED);
            assertThat(skipped.file()).isEqualTo("keep/here.jpg");
        });
        assertThat(tasks.getReceivedExchanges()
                        .get(0)
                        .getMessage()
                        .getBody(FetchTask.class)
                        .file())
                .isEqualTo("keep/new.jpg");
        assertThat(Files.readString(kept)).isEqualTo("mine");
    }

    @Test
    void aResumedBatchFeedsOnlyTheLinesItsJournalDoesNotHaveUnderTheSameNames() throws Exception {
        Path inProgress = InboxFolders.inProgress(folders.inbox);
        Files.createDirectories(inProgress);
        Files.writeString(inProgress.resolve("again.txt"), URL + "a.jpg\n" + URL + "a.jpg?v=2\n" + URL + "b.jpg\n");
        Files.writeString(
                folders.reports.resolve("again.jsonl"),
                "{\"line\":1,\"outcome\":\"downloaded\",\"bytes\":4}\n",
                StandardCharsets.UTF_8);
        // as Service does before Camel starts its routes; the recover route then feeds them
        configuration.resumeInterrupted();

        List<Object> items = start(2, 1);

        assertThat(tasks.getReceivedExchanges())
                .extracting(e -> e.getMessage().getBody(FetchTask.class))
                .extracting(task -> task.entry().line(), FetchTask::file)
                .containsExactly(tuple(2L, "again/a.1.jpg"), tuple(3L, "again/b.jpg"));
        assertThat(items).containsExactly(new BatchFed("again", 3, true));
    }

    @Test
    void aListThatCannotBeReadEndsItsBatchWithTheLinesReadSoFar() throws Exception {
        try (LogCapture log = new LogCapture()) {
            Path list = inProgress("gone.txt", URL + "a.jpg\n");
            String batch = batches().open(list.toString(), "gone.txt");
            Files.delete(list);

            List<Object> items = start(0, 1, batch);

            assertThat(items).containsExactly(new BatchFed("gone", 0, true));
            assertThat(log.linesContaining("gone: reading the list failed after 0 lines"))
                    .hasSize(1);
        }
    }

    @Test
    void aFeedCutByAStopLeavesTheBatchOpenForTheNextStart() throws Exception {
        Path list = inProgress("cut.txt", URL + "a.jpg\n" + URL + "b.jpg\n");
        String batch = batches().open(list.toString(), "cut.txt");
        configuration.lifecycle().stopping();

        List<Object> items = start(1, 1, batch, exchange -> {
            throw new RejectedExecutionException("the scheduler is stopped");
        });

        assertThat(items).containsExactly(new BatchFed("cut", 1, false));
    }

    /** Puts a list into .inprogress/ as the inbox route's preMove does, opens its batch and feeds it. */
    private List<Object> feed(String name, String content, int taskCount, int outcomeCount) throws Exception {
        Path list = inProgress(name, content);
        String batch = batches().open(list.toString(), name);
        return start(taskCount, outcomeCount, batch);
    }

    private Path inProgress(String name, String content) throws Exception {
        Path folder = InboxFolders.inProgress(folders.inbox);
        Files.createDirectories(folder);
        return Files.writeString(folder.resolve(name), content, StandardCharsets.UTF_8);
    }

    private List<Object> start(int taskCount, int outcomeCount) throws Exception {
        return start(taskCount, outcomeCount, null);
    }

    private List<Object> start(int taskCount, int outcomeCount, String batch) throws Exception {
        return start(taskCount, outcomeCount, batch, exchange -> {});
    }

    /**
     * Advises the routes (the scheduler's endpoint and the outcome queue become mocks; the feed's queue a
     * direct endpoint), starts them, feeds {@code batch} when given as the inbox route does, and returns
     * the outcome queue's items once the expected counts arrived.
     */
    private List<Object> start(int taskCount, int outcomeCount, String batch, Processor scheduler) throws Exception {
        AdviceWith.adviceWith(context, "feed", route -> {
            route.replaceFromWith("direct:feed");
            route.weaveByToUri("hosts:fetch").replace().to("mock:tasks");
            route.weaveByToUri("outcomes:report").replace().to("mock:outcomes");
        });
        AdviceWith.adviceWith(context, "recover", route -> route.weaveByToUri("seda:feed")
                .replace()
                .to("direct:feed"));
        tasks = getMockEndpoint("mock:tasks");
        tasks.whenAnyExchangeReceived(scheduler);
        outcomes = getMockEndpoint("mock:outcomes");
        tasks.expectedMessageCount(taskCount);
        outcomes.expectedMessageCount(outcomeCount);
        context.start();
        if (batch != null) {
            template.sendBodyAndProperty("direct:feed", batch, "fetchboxBatch", batch);
        }
        MockEndpoint.assertIsSatisfied(context);
        return outcomes.getReceivedExchanges().stream()
                .map(Exchange::getMessage)
                .map(message -> (Object) message.getBody(OutcomeItem.class))
                .toList();
    }

    private BatchRegistry batches() {
        return context.getRegistry().lookupByNameAndType("batches", BatchRegistry.class);
    }
}
