package io.fetchbox.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The folder lock within one JVM (the process tests, it.SecondInstanceIT, try it across processes). */
class InstanceLockTest {
    @TempDir
    Path dir;

    @Test
    void aHeldFolderSetIsRefusedNamingItsHolderUntilReleased() throws IOException {
        Path reports = dir.resolve("reports");
        Path inbox = dir.resolve("inbox");
        try (InstanceLock first = InstanceLock.acquire(reports, inbox)) {
            long pid = ProcessHandle.current().pid();
            assertThatThrownBy(() -> InstanceLock.acquire(reports, dir.resolve("other-inbox")))
                    .isInstanceOf(HeldElsewhereException.class)
                    .hasMessageStartingWith("another fetchbox (pid " + pid + " on host ")
                    .hasMessageEndingWith(") uses " + reports.toRealPath() + "; stop it first");
            assertThatThrownBy(() -> InstanceLock.acquire(dir.resolve("other-reports"), inbox))
                    .isInstanceOf(HeldElsewhereException.class)
                    .hasMessageEndingWith(") uses " + inbox.toRealPath() + "; stop it first");
            JsonNode holder = new ObjectMapper()
                    .readTree(reports.resolve(".state/fetchbox.lock").toFile());
            assertThat(holder.path("pid").asLong()).isEqualTo(pid);
            assertThat(holder.path("host").asText()).isNotBlank();
        }
        // a refused attempt took nothing: both folders are free again
        try (InstanceLock again = InstanceLock.acquire(reports, inbox);
                InstanceLock others = InstanceLock.acquire(dir.resolve("other-reports"), dir.resolve("other-inbox"))) {
            assertThat(again).isNotNull();
            assertThat(others).isNotNull();
        }
    }

    @Test
    void theSameFolderByAnotherPathIsTheSameFolder() throws IOException {
        Path reports = Files.createDirectories(dir.resolve("reports"));
        Path alias = Files.createSymbolicLink(dir.resolve("alias"), reports);
        try (InstanceLock first = InstanceLock.acquire(reports, dir.resolve("inbox"))) {
            assertThatThrownBy(() -> InstanceLock.acquire(alias, dir.resolve("inbox2")))
                    .isInstanceOf(HeldElsewhereException.class);
        }
    }

    @Test
    void aLinkPlantedAsTheLockFileIsNeverWrittenThrough() throws IOException {
        Path reports = Files.createDirectories(dir.resolve("reports/.state")).getParent();
        Path victim = Files.writeString(dir.resolve("victim"), "mine\n");
        Files.createSymbolicLink(reports.resolve(".state/fetchbox.lock"), victim);

        assertThatThrownBy(() -> InstanceLock.acquire(reports, dir.resolve("inbox")))
                .isInstanceOf(IOException.class);
        assertThat(victim).hasContent("mine");
    }
}
