package io.fetchbox.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 10, README "Configuration": a start-up mistake is one line on standard error naming the key to change, exit
 * code 2, no stack trace, and nothing created; --help and --version print and exit 0.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class StartupMistakesIT {
    private static final Duration LIMIT = Duration.ofSeconds(60);

    @org.junit.jupiter.api.io.TempDir
    Path dir;

    @Test
    void aPortInUseIsOneLineNamingThePortAndTheKey() throws IOException {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = taken.getLocalPort();

            Run run = run("--fetchbox.http-port=" + port);

            assertThat(run.exit).as(run.log).isEqualTo(2);
            assertThat(run.stderrLine())
                    .isEqualTo("fetchbox: cannot listen on 127.0.0.1:" + port + " (fetchbox.http-port=" + port
                            + "): Address already in use; stop what uses it or choose another port with"
                            + " --fetchbox.http-port=<port> (0 = no HTTP server)");
            assertThat(run.log).doesNotContain("Exception").doesNotContain("fetchbox ready");
            assertNothingCreated();
        }
    }

    @Test
    void aPathUnderAFileCannotBeAFolder() throws IOException {
        Files.writeString(dir.resolve("passwd"), "not a folder\n");

        Run run = run("--fetchbox.inbox=passwd/inbox");

        assertThat(run.exit).as(run.log).isEqualTo(2);
        assertThat(run.stderrLine())
                .isEqualTo("fetchbox: fetchbox.inbox=passwd/inbox (" + dir.resolve("passwd/inbox")
                        + ") cannot be a folder: " + dir.resolve("passwd") + " is a file");
        assertThat(run.log).doesNotContain("Exception");
        assertNothingCreated();
    }

    /**
     * Tests run as root, whom permissions do not stop: sysfs refuses to create a file for anyone (EACCES), so a
     * folder under /sys is "not writable" as the OS reports it, as a read-only or foreign folder would be.
     */
    @Test
    void aFolderThatCannotBeWrittenIsNamedWithTheReason() {
        assumeThat(Files.isDirectory(Path.of("/sys/kernel")))
                .as("sysfs mounted")
                .isTrue();

        Run run = run("--fetchbox.output=/sys/fetchbox-output");

        assertThat(run.exit).as(run.log).isEqualTo(2);
        assertThat(run.stderrLine())
                .isEqualTo("fetchbox: fetchbox.output=/sys/fetchbox-output is not writable: cannot create a file"
                        + " in /sys: Permission denied");
        assertNothingCreated();
    }

    /**
     * Resuming an interrupted batch is a start-up step that reads its list and journal: a journal that
     * cannot be read (here a folder where the file should be) is one line and exit 2, not a stack trace.
     */
    @Test
    void anInterruptedBatchThatCannotBeReadIsOneLine() throws IOException {
        Files.createDirectories(dir.resolve("inbox/.inprogress"));
        Files.writeString(dir.resolve("inbox/.inprogress/b.txt"), "http://127.0.0.1:9/x\n");
        Files.createDirectories(dir.resolve("reports/b.jsonl"));

        Run run = run("--once");

        assertThat(run.exit).as(run.log).isEqualTo(2);
        assertThat(run.stderrLine()).isEqualTo("fetchbox: cannot resume the interrupted batches: Is a directory");
        assertThat(run.stdout).doesNotContain("Exception");
        assertThat(dir.resolve("inbox/.inprogress/b.txt")).as("left to resume").exists();
    }

    @Test
    void aTypoSuggestsTheNearestKey() {
        Run run = run("--fetchbox.concurency=4");

        assertThat(run.exit).as(run.log).isEqualTo(2);
        assertThat(run.stderrLine())
                .isEqualTo("fetchbox: unknown configuration key fetchbox.concurency (from argument"
                        + " --fetchbox.concurency=…); did you mean fetchbox.concurrency?");
        assertNothingCreated();
    }

    @Test
    void helpPrintsUsageAndExitsZero() {
        for (String flag : new String[] {"--help", "-h"}) {
            Run run = run(flag);

            assertThat(run.exit).as(run.log).isZero();
            assertThat(run.stdout)
                    .startsWith("usage: java -jar fetchbox.jar")
                    .contains("fetchbox.http-port ")
                    .contains("default: 8080")
                    .contains("exit codes:")
                    .contains("examples:");
            assertThat(run.stderr).isEmpty();
        }
        assertNothingCreated();
    }

    @Test
    void versionPrintsThreeVersionsAndExitsZero() {
        Run run = run("--version");

        assertThat(run.exit).as(run.log).isZero();
        assertThat(run.stdout.lines())
                .hasSize(3)
                .satisfies(lines -> assertThat(lines.get(0)).startsWith("fetchbox "))
                .satisfies(lines -> assertThat(lines.get(1)).matches("Apache Camel 4\\.\\d+.*"))
                .satisfies(lines -> assertThat(lines.get(2)).startsWith("Java "));
    }

    private void assertNothingCreated() {
        assertThat(dir.resolve("inbox")).doesNotExist();
        assertThat(dir.resolve("output")).doesNotExist();
        assertThat(dir.resolve("reports")).doesNotExist();
    }

    private Run run(String... args) {
        try (FetchboxProcess fetchbox = FetchboxProcess.in(dir).start(args)) {
            int exit = fetchbox.waitFor(LIMIT);
            return new Run(exit, fetchbox.stdout(), fetchbox.stderr(), fetchbox.describe());
        }
    }

    private record Run(int exit, String stdout, String stderr, String log) {
        String stderrLine() {
            assertThat(stderr.lines()).as(log).hasSize(1);
            return stderr.strip();
        }
    }
}
