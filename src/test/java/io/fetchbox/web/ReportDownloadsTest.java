package io.fetchbox.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReportDownloadsTest {
    @TempDir
    Path dir;

    Path reports;

    @BeforeEach
    void reports() throws IOException {
        reports = Files.createDirectories(dir.resolve("reports"));
        Files.writeString(reports.resolve("pics.jsonl"), "{}\n");
        Files.writeString(reports.resolve("pics.summary.json"), "{}");
        Files.writeString(reports.resolve("pics.failed.txt"), "https://user:secret@a.example/\n");
        Files.createDirectories(reports.resolve(".state/batches"));
        Files.writeString(reports.resolve(".state/batches/pics.json"), "{}");
        Files.writeString(dir.resolve("secret.jsonl"), "{}");
        Files.createSymbolicLink(reports.resolve("link.jsonl"), dir.resolve("secret.jsonl"));
    }

    @Test
    void aBatchsJournalAndSummaryAreServed() {
        ReportDownloads downloads = new ReportDownloads(reports);
        assertThat(downloads.resolve("pics.jsonl")).isEqualTo(reports.resolve("pics.jsonl"));
        assertThat(downloads.resolve("pics.summary.json")).isEqualTo(reports.resolve("pics.summary.json"));
        assertThat(downloads.contentType("pics.summary.json")).startsWith("application/json");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "pics.failed.txt",
                "pics",
                "missing.jsonl",
                "../secret.jsonl",
                "..%2Fsecret.jsonl",
                "/etc/passwd.jsonl",
                ".state/batches/pics.json",
                ".jsonl",
                "..jsonl",
                "a/../pics.jsonl",
                "a\\..\\pics.jsonl",
                "link.jsonl",
                "history",
                ""
            })
    void anythingElseIs404(String name) {
        ReportDownloads downloads = new ReportDownloads(reports);
        assertThatThrownBy(() -> downloads.resolve(name))
                .isInstanceOfSatisfying(
                        HttpError.class, e -> assertThat(e.getStatus()).isEqualTo(404));
    }

    @Test
    void noNameIs404() {
        assertThatThrownBy(() -> new ReportDownloads(reports).resolve(null)).isInstanceOf(HttpError.class);
    }
}
