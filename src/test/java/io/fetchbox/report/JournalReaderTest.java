package io.fetchbox.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalReaderTest {
    @TempDir
    Path dir;

    @Test
    void aTornLastLineIsCutAndTheRestReplayed() throws IOException {
        Path journal = dir.resolve("b.jsonl");
        Files.writeString(
                journal,
                "{\"line\":1,\"outcome\":\"downloaded\",\"bytes\":10}\n"
                        + "{\"line\":3,\"outcome\":\"failed\",\"bytes\":null}\n"
                        + "{\"line\":2,\"outc");
        List<JournalReader.Recorded> seen = new ArrayList<>();

        JournalReader.replay(journal, seen::add);

        assertThat(seen)
                .containsExactly(
                        new JournalReader.Recorded(1, "downloaded", 10), new JournalReader.Recorded(3, "failed", 0));
        assertThat(Files.readString(journal)).endsWith("\"bytes\":null}\n");
    }

    @Test
    void aWholeLineThatIsNotJsonIsDroppedToo() throws IOException {
        Path journal = dir.resolve("b.jsonl");
        Files.writeString(journal, "{\"line\":1,\"outcome\":\"invalid\"}\n\u0000\u0000garbage\n");
        List<JournalReader.Recorded> seen = new ArrayList<>();

        JournalReader.replay(journal, seen::add);

        assertThat(seen).containsExactly(new JournalReader.Recorded(1, "invalid", 0));
    }

    @Test
    void noJournalIsNothingToReplay() throws IOException {
        List<JournalReader.Recorded> seen = new ArrayList<>();

        JournalReader.replay(dir.resolve("none.jsonl"), seen::add);

        assertThat(seen).isEmpty();
    }
}
