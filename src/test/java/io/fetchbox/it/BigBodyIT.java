package io.fetchbox.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fetchbox.testing.Bodies;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A body far larger than the heap goes from the socket to the disk as a stream. */
class BigBodyIT extends ProcessTest {
    private static final long GIB = 1L << 30;

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void aOneGibBodyIsStreamedToDiskWithASixtyFourMibHeap() throws IOException {
        folders.drop("big.txt", server.url("/huge?size=" + GIB + "&exact=1") + "\n");

        long started = System.nanoTime();
        int exit;
        long peakRssKb;
        String log;
        try (FetchboxProcess fetchbox = FetchboxProcess.in(dir).heap("64m").start("--once")) {
            exit = fetchbox.waitFor(Duration.ofMinutes(3));
            peakRssKb = fetchbox.peakRssKb();
            log = fetchbox.describe();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(
                "BigBodyIT: 1 GiB with -Xmx64m: %.1f s (JVM start included), peak RSS %.1f MiB%n",
                seconds, peakRssKb / 1024.0);

        assertThat(exit).as("exit code\n%s", log).isEqualTo(0);
        Path file = folders.output.resolve("big/huge");
        assertThat(file).isRegularFile();
        assertThat(Files.size(file)).isEqualTo(GIB);
        String expected = Bodies.sha256("huge", 0, GIB);
        assertThat(Folders.sha256(file)).as("sha256 of the file").isEqualTo(expected);

        List<JsonNode> report = folders.report("big");
        assertThat(report).hasSize(1);
        JsonNode line = report.get(0);
        assertThat(line.path("outcome").asText()).isEqualTo("downloaded");
        assertThat(line.path("file").asText()).isEqualTo("big/huge");
        assertThat(line.path("bytes").asLong()).isEqualTo(GIB);
        assertThat(line.path("sha256").asText()).as("report sha256").isEqualTo(expected);
        assertThat(Folders.tree(folders.output)).as("nothing but the file").containsExactly("big", "big/huge");
    }
}
