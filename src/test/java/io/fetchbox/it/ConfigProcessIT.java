package io.fetchbox.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Configuration given the other ways a user gives it (JVM system properties, environment), end to end. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ConfigProcessIT extends ProcessTest {
    private static final Duration RUN_LIMIT = Duration.ofSeconds(60);

    /**
     * Durations as system properties, with a unit and as plain milliseconds: once failed at start-up because
     * Camel read the raw property instead of the validated value.
     */
    @Test
    void timeoutsGivenAsSystemPropertiesWork() {
        TestList list = smallList();
        folders.drop("sysprops.txt", list.text());

        runOnceAndCheck(
                FetchboxProcess.in(dir).jvmArg("-Dfetchbox.connect-timeout=2000ms", "-Dfetchbox.read-timeout=1500"),
                "sysprops",
                list);
    }

    /** The same durations as environment variables ({@code FETCHBOX_CONNECT_TIMEOUT}, ...). */
    @Test
    void timeoutsGivenAsEnvironmentVariablesWork() {
        TestList list = smallList();
        folders.drop("env.txt", list.text());

        runOnceAndCheck(
                FetchboxProcess.in(dir)
                        .env("FETCHBOX_CONNECT_TIMEOUT", "2000ms")
                        .env("FETCHBOX_READ_TIMEOUT", "1500"),
                "env",
                list);
    }

    private TestList smallList() {
        return new TestList(server)
                .fast("a.bin", 1_000, 1)
                .fast("b.bin", 20_000, 2)
                // a body that takes ~1 s in 20 chunks: never 1.5 s of silence
                .slow("c.bin", 40_000, 3, 40_000);
    }

    private void runOnceAndCheck(FetchboxProcess.Builder launcher, String batch, TestList list) {
        String text = list.text();
        int exit;
        String log;
        try (FetchboxProcess fetchbox = launcher.start("--once", "--fetchbox.inbox-settle=50ms")) {
            exit = fetchbox.waitFor(RUN_LIMIT);
            log = fetchbox.describe();
        }
        assertThat(exit).as("exit code of --once\n%s", log).isEqualTo(0);
        SoftAssertions soft = new SoftAssertions();
        Checks.batchComplete(soft, folders, batch, batch + ".txt", text, list);
        Checks.assertAll(soft, log);
    }
}
