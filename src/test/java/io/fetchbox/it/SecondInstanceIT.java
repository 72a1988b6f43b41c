package io.fetchbox.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * One fetchbox per folder set (README): a second instance on the folders of a running one, service or
 * {@code --once}, exits 2 at once with one line naming the holder, and the first one's batch ends as if
 * it had been alone; after a {@code kill -9} the kernel has released the lock and a new instance starts
 * at once.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class SecondInstanceIT extends ProcessTest {
    private static final Duration UNTIL_RUNNING = Duration.ofSeconds(30);
    private static final Duration SECOND_EXITS = Duration.ofSeconds(20);
    private static final Duration BATCH_DONE = Duration.ofSeconds(90);

    @Test
    void aSecondInstanceExitsTwoNamingTheFirstWhoseBatchCompletesAlone() throws IOException {
        TestList list = new TestList(server);
        // two slow bodies (8 s each) keep the batch running while the second instances try their luck
        list.slow("slow1.bin", 400_000, 1, 50_000).slow("slow2.bin", 400_000, 2, 50_000);
        for (int i = 1; i <= 3000; i++) {
            list.fast(String.format("f%04d.txt", i), 50 + i % 200, 10 + i);
        }
        String text = list.text();
        folders.drop("three.txt", text);

        try (FetchboxProcess first =
                FetchboxProcess.in(dir).start("--fetchbox.http-port=0", "--fetchbox.inbox-settle=50ms")) {
            Waits.until(
                    first,
                    server,
                    UNTIL_RUNNING,
                    "the batch three running",
                    () -> Checks.wholeJournalLineCount(folders, "three") > 0);

            String service = secondInstance("--fetchbox.http-port=0", "--fetchbox.inbox-settle=50ms");
            String once = secondInstance("--once", "--fetchbox.inbox-settle=50ms");
            boolean stillRunning = !folders.hasSummary("three");

            String line = "fetchbox: another fetchbox (pid " + first.pid() + " on host " + hostName() + ") uses "
                    + folders.reports.toRealPath() + "; stop it first";
            SoftAssertions soft = new SoftAssertions();
            soft.assertThat(stillRunning)
                    .as("the first one's batch still running after both tries")
                    .isTrue();
            soft.assertThat(service).as("what a second service said").isEqualTo(line + "\n");
            soft.assertThat(once).as("what a second --once said").isEqualTo(line + "\n");
            soft.assertThat(first.isAlive()).as("the first one, running").isTrue();
            Checks.assertAll(soft, first.describe());

            Waits.until(first, server, BATCH_DONE, "the batch three done", () -> folders.hasSummary("three"));
            SoftAssertions done = new SoftAssertions();
            Checks.batchComplete(done, folders, "three", "three.txt", text, list);
            done.assertThat(Checks.wholeJournalLineCount(folders, "three"))
                    .as("lines in three.jsonl")
                    .isEqualTo(list.size());
            done.assertThat(Folders.tree(folders.output).stream().filter(p -> p.matches(".*\\.1(\\..*)?$")))
                    .as("numbered strays in output/")
                    .isEmpty();
            Checks.assertAll(done, first.describe());
        }
    }

    @Test
    void anInstanceSharingOnlyTheInboxExitsTwoNamingTheInbox() throws IOException {
        try (FetchboxProcess first = FetchboxProcess.in(dir).start("--fetchbox.http-port=0")) {
            awaitReady(first);
            String other = secondInstance("--once", "--fetchbox.reports=" + dir.resolve("other-reports"));
            assertThat(other)
                    .as("what an instance with its own reports but the same inbox said")
                    .isEqualTo("fetchbox: another fetchbox (pid " + first.pid() + " on host " + hostName() + ") uses "
                            + folders.inbox.toRealPath() + "; stop it first\n");
            assertThat(first.isAlive()).isTrue();
        }
    }

    @Test
    void afterKillNineANewInstanceStartsAtOnce() {
        TestList list = new TestList(server).fast("a.bin", 1000, 1).fast("b.bin", 2000, 2);
        long previous;
        try (FetchboxProcess first = FetchboxProcess.in(dir).start("--fetchbox.http-port=0")) {
            awaitReady(first);
            previous = first.pid();
            first.kill();
        }
        folders.drop("after.txt", list.text());
        try (FetchboxProcess next = FetchboxProcess.in(dir).start("--once", "--fetchbox.inbox-settle=50ms")) {
            int exit = next.waitFor(Duration.ofSeconds(60));
            SoftAssertions soft = new SoftAssertions();
            soft.assertThat(exit)
                    .as("exit code of --once after a kill -9 of pid %d", previous)
                    .isZero();
            soft.assertThat(next.log()).as("its log").doesNotContain("another fetchbox");
            Checks.batchComplete(soft, folders, "after", "after.txt", list.text(), list);
            Checks.assertAll(soft, next.describe());
        }
    }

    /** Starts an instance on the same working folder and returns what it wrote once it has exited 2. */
    private String secondInstance(String... args) {
        try (FetchboxProcess second = FetchboxProcess.in(dir).start(args)) {
            int exit = second.waitFor(SECOND_EXITS);
            assertThat(exit)
                    .as("exit code of a second instance\n%s", second.describe())
                    .isEqualTo(2);
            return second.log();
        }
    }

    private void awaitReady(FetchboxProcess fetchbox) {
        Waits.until(fetchbox, server, UNTIL_RUNNING, "fetchbox ready", () -> fetchbox.stdout()
                .contains("fetchbox ready"));
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
