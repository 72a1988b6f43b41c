package io.fetchbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.fetchbox.testing.LogCapture;
import io.fetchbox.testing.TestServer;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Credentials are written {@code ***} everywhere but {@code failed.txt} (README, "Credentials"),
 * whatever characters they hold: every printable ASCII character and percent-encoded forms in
 * passwords and user names, through a running service with its HTTP server on, then searched for
 * in every file under {@code reports/} and {@code output/}, the log, the API, the status page and
 * the metrics; fetchbox.broker-password, searched for the same way, is nowhere. And an invalid
 * line's text is cut to 2 KiB in the report and the API (README, "Reports").
 */
class SecretsOnlyInFailedListTest {
    /** Every secret holds these around its special character: a leak of either half is found too. */
    private static final List<String> MARKERS = List.of("pW0", "sEcReT", "uS3r");
    /** Given as fetchbox.broker-password; not a URL's, so in failed.txt neither. */
    private static final String BROKER_PASSWORD = "pW0-broker-sEcReT";

    @TempDir
    Path dir;

    @Test
    void everySecretStaysInFailedTxtAndNowhereElse() throws Exception {
        Workspace ws = new Workspace(dir);
        int port = WebClient.freePort();
        try (LogCapture log = new LogCapture();
                TestServer server = TestServer.start();
                ServiceRun service = new ServiceRun(ws.args(
                        "--fetchbox.http-port=" + port,
                        "--fetchbox.retries=0",
                        "--fetchbox.per-host=16",
                        // the broker password is searched for like the URLs' secrets (by its markers)
                        "--fetchbox.broker-password=" + BROKER_PASSWORD))) {
            Map<String, String> secrets = new LinkedHashMap<>();
            String list = list(server.port(), secrets);
            ws.drop("secrets.txt", list);
            ws.drop("junk.txt", "junk " + "x".repeat(5 * 1024 * 1024) + "\n" + server.url("/f/ok.bin?size=10") + "\n");

            await().atMost(Duration.ofSeconds(60)).until(() -> ws.hasSummary("secrets") && ws.hasSummary("junk"));
            WebClient http = new WebClient(port);
            Map<String, String> seen = new LinkedHashMap<>();
            seen.put("/api/batches", http.get("/api/batches").body());
            seen.put("/api/batches/secrets", http.get("/api/batches/secrets").body());
            seen.put("/", http.get("/").body());
            seen.put("/observe/metrics", http.get("/observe/metrics").body());
            seen.put(
                    "/reports/secrets.jsonl", http.get("/reports/secrets.jsonl").body());
            JsonNode junkBatch = http.json("/api/batches/junk");
            seen.put("the log", String.join("\n", log.lines()));
            for (Path file : files(ws.reports, ws.output)) {
                if (!file.getFileName().toString().endsWith(".failed.txt")) {
                    seen.put(ws.root.relativize(file).toString(), Files.readString(file, StandardCharsets.ISO_8859_1));
                }
            }

            JsonNode summary = ws.summary("secrets");
            assertThat(summary.path("outcomes").path("downloaded").asLong()).isGreaterThan(200);
            assertThat(summary.path("outcomes").path("invalid").asLong()).isGreaterThanOrEqualTo(3);
            assertThat(seen.get("the log")).contains("secrets");
            assertThat(seen.get("/api/batches/secrets")).contains("***@");
            for (Map.Entry<String, String> where : seen.entrySet()) {
                for (String marker : MARKERS) {
                    assertThat(where.getValue()).as(where.getKey()).doesNotContain(marker);
                }
                for (Map.Entry<String, String> secret : secrets.entrySet()) {
                    assertThat(where.getValue())
                            .as(where.getKey())
                            .doesNotContain(secret.getKey())
                            .doesNotContain(secret.getValue());
                }
            }
            // failed.txt gives the failed and invalid lines back as they were written
            String failed = Files.readString(ws.reports.resolve("secrets.failed.txt"));
            assertThat(failed)
                    .contains("pW0/sEcReT", "pW0?sEcReT", "pW0#sEcReT")
                    .doesNotContain(BROKER_PASSWORD);

            // the 5 MB junk line: cut to 2 KiB in the report and the API, saying so
            JsonNode junk = Reports.byLine(ws.report("junk")).get(1);
            assertThat(Reports.text(junk, "outcome")).isEqualTo("invalid");
            String shown = Reports.text(junk, "url");
            assertThat(shown).startsWith("junk xxx").matches("junk x{2043}… \\(cut: \\d+ bytes\\)");
            assertThat(junkBatch.path("failures").get(0).path("url").asText()).isEqualTo(shown);
            assertThat(Files.size(ws.reports.resolve("junk.jsonl"))).isLessThan(4096);
            // ... and whole in failed.txt, a list to drop back as it was given
            assertThat(Files.readString(ws.reports.resolve("junk.failed.txt")))
                    .isEqualTo("# fetchbox: batch=junk\njunk " + "x".repeat(5 * 1024 * 1024) + "\n  retry-of-line=1\n");
        }
    }

    /**
     * Lines whose password holds each printable ASCII character, raw and percent-encoded, and whose
     * user name does (but '/', '?' and '#', which end a URL's authority: in a user name they make a
     * URL to another host); a few invalid ones. Every secret is remembered raw and percent-decoded.
     */
    private static String list(int port, Map<String, String> secrets) {
        List<String> lines = new ArrayList<>();
        String at = "@127.0.0.1:" + port;
        int n = 0;
        for (char c = 0x20; c < 0x7f; c++) {
            String password = "pW0" + c + "sEcReT";
            lines.add("http://user:" + password + at + "/f/p" + n++ + ".bin?size=10");
            String encoded = "pW0%" + String.format(Locale.ROOT, "%02X", (int) c) + "sEcReT";
            lines.add("http://user:" + encoded + at + "/f/p" + n++ + ".bin?size=10");
            remember(secrets, password);
            remember(secrets, encoded);
            if ("/?#".indexOf(c) < 0) {
                String user = "uS3r" + c + "sEcReT";
                lines.add("http://" + user + ":pw" + at + "/f/u" + n++ + ".bin?size=10");
                remember(secrets, user);
            }
        }
        lines.add("http://user:pW0/sEcReT@127.0.0.1:99999/f/x.bin"); // invalid port
        lines.add("ftp://user:pW0sEcReT" + at + "/f/x.bin"); // unsupported scheme
        lines.add("http://user:pW0%2FsEcReT" + at + "/status/404");
        remember(secrets, "pW0%2FsEcReT");
        return String.join("\n", lines) + "\n";
    }

    private static void remember(Map<String, String> secrets, String secret) {
        String decoded;
        try {
            decoded = URLDecoder.decode(secret.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            decoded = secret;
        }
        secrets.put(secret, decoded);
    }

    private static List<Path> files(Path... roots) throws IOException {
        List<Path> all = new ArrayList<>();
        for (Path root : roots) {
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(Files::isRegularFile).forEach(all::add);
            }
        }
        return all;
    }
}
