package io.fetchbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.fetchbox.folders.InboxFolders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every branch of routes/inbox.camel.yaml over a real inbox folder: a list that settles is moved to
 * {@code .inprogress/}, checked, opened as a batch and handed to the feed route (a mock endpoint
 * here); a file that is not a list, and a list whose batch cannot start, go to {@code .error/} with a
 * note saying why, and are never fed.
 */
class InboxRouteTest extends RouteTestSupport {
    private static final String URL = "http://127.0.0.1:9/a.jpg\n";

    private MockEndpoint feed;

    @Override
    List<String> routeFiles() {
        return List.of("inbox");
    }

    @Override
    List<String> arguments() {
        return List.of("--fetchbox.inbox-settle=50ms");
    }

    @BeforeEach
    void adviseFeed() throws Exception {
        AdviceWith.adviceWith(context, "inbox", route -> route.weaveByToUri("seda:feed")
                .replace()
                .to("mock:feed"));
        feed = getMockEndpoint("mock:feed");
    }

    @Test
    void aListIsMovedInProgressOpenedAsABatchAndFed() throws Exception {
        feed.expectedBodiesReceived("pics");
        feed.expectedPropertyReceived("fetchboxBatch", "pics");
        context.start();

        folders.drop("pics.txt", URL);

        feed.assertIsSatisfied(10_000);
        assertThat(InboxFolders.inProgress(folders.inbox).resolve("pics.txt")).hasContent(URL.strip());
        assertThat(folders.inbox.resolve("pics.txt")).doesNotExist();
        assertThat(folders.reports.resolve(".state/batches/pics.json")).exists();
    }

    @Test
    void aFileThatIsNotAListIsSetAsideWithWhyAndNeverFed() throws Exception {
        NotifyBuilder taken =
                new NotifyBuilder(context).fromRoute("inbox").whenDone(1).create();
        context.start();

        folders.drop("binary.txt", "ab\0cd\n");

        assertThat(taken.matches(10, TimeUnit.SECONDS)).isTrue();
        assertThat(feed.getReceivedCounter()).isZero();
        Path errors = folders.inbox.resolve(".error");
        assertThat(errors.resolve("binary.txt")).exists();
        assertThat(Files.readString(errors.resolve("binary.txt.error.txt")))
                .startsWith("binary.txt is not a list fetchbox can read: contains a NUL byte at line 1");
        assertThat(InboxFolders.inProgress(folders.inbox).resolve("binary.txt")).doesNotExist();
    }

    @Test
    void aListWhoseBatchCannotStartIsSetAsideWithWhyAndNeverFed() throws Exception {
        // where the batch's start is recorded, a file stands: the reports folder cannot take it
        Files.createDirectories(folders.reports.resolve(".state"));
        Files.writeString(folders.reports.resolve(".state/batches"), "not a folder");
        NotifyBuilder taken =
                new NotifyBuilder(context).fromRoute("inbox").whenDone(1).create();
        context.start();

        folders.drop("blocked.txt", URL);

        assertThat(taken.matches(10, TimeUnit.SECONDS)).isTrue();
        assertThat(feed.getReceivedCounter()).isZero();
        Path errors = folders.inbox.resolve(".error");
        assertThat(errors.resolve("blocked.txt")).hasContent(URL.strip());
        assertThat(Files.readString(errors.resolve("blocked.txt.error.txt")))
                .startsWith("fetchbox could not start a batch for blocked.txt: ")
                .contains(".state/batches");
    }
}
