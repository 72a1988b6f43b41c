package io.fetchbox.naming;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/** 10,000 hostile strings (fixed seed): every result obeys every rule of the README's "Where files go". */
class SafeNamePropertyTest {

    private static final long SEED = 20261128L;
    private static final int SAMPLES = 10_000;

    /** Pieces that tend to break naming, mixed with random characters. */
    private static final String[] PIECES = {
        "/",
        "\\",
        ".",
        "..",
        " ",
        "-",
        "\u0000",
        "\n",
        "\u001f",
        "\u007f",
        "\u0085",
        "<",
        ">",
        ":",
        "\"",
        "|",
        "?",
        "*",
        "%",
        "%2e",
        "%2F",
        "%00",
        "%E9",
        "%C3%A9",
        "con",
        "CON",
        "nul",
        "Aux",
        "com1",
        "LPT\u00b9",
        "CONIN$",
        ".txt",
        ".tar.gz",
        "\u00e9",
        "\u65e5",
        "\ud83d\ude00",
        "\ud800",
        "\udc00",
        "a",
        "Z",
        "0",
        "_",
        "\u200b",
        "\u00a0",
        "\u3000",
        "\u202e",
        "\u2066",
        "\ufeff",
        "\u00ad",
        "\u2060",
        "\u2215",
        "\uff0f",
        "\uff3c",
        "\u2028",
        "\u3164",
        "\udb40\udc41",
        "%E2%80%AE",
        "%E2%88%95"
    };

    private static final Set<String> DEVICE_NAMES = deviceNames();

    @Test
    void ofAlwaysGivesASafeIdempotentName() {
        SoftAssertions softly = new SoftAssertions();
        for (String raw : samples()) {
            String safe = SafeName.of(raw);
            assertSafeName(softly, raw, safe);
            softly.assertThat(SafeName.of(safe))
                    .as("idempotent for %s", describe(raw))
                    .isEqualTo(safe);
        }
        softly.assertAll();
    }

    @Test
    void numberedNamesAreSafeDistinctAndWithinTheLimit() {
        SoftAssertions softly = new SoftAssertions();
        Random random = new Random(SEED);
        for (String raw : samples()) {
            String safe = SafeName.of(raw);
            int n = 1 + random.nextInt(100_000);
            String numbered = SafeName.numbered(safe, n);
            assertSafeName(softly, raw, numbered);
            softly.assertThat(SafeName.of(numbered)).isEqualTo(numbered);
            softly.assertThat(numbered).isNotEqualTo(safe).isNotEqualTo(SafeName.numbered(safe, n + 1));
        }
        softly.assertAll();
    }

    @Test
    void urlAndHeaderNamesAreSafe() {
        SoftAssertions softly = new SoftAssertions();
        for (String raw : samples()) {
            assertSafeName(softly, raw, SafeName.fromUrlPath(raw));
            String header = SafeName.fromContentDisposition("attachment; filename=\"" + raw + "\"");
            if (header != null) {
                assertSafeName(softly, raw, header);
            }
            String extended = SafeName.fromContentDisposition("attachment; filename*=UTF-8''" + raw);
            if (extended != null) {
                assertSafeName(softly, raw, extended);
            }
        }
        softly.assertAll();
    }

    @Test
    void dirSegmentsNeverClimbOrStartAbsolute() {
        SoftAssertions softly = new SoftAssertions();
        for (String raw : samples()) {
            String folder = SafeName.segments(raw);
            softly.assertThat(folder).doesNotStartWith("/").doesNotEndWith("/").doesNotContain("//");
            if (!folder.isEmpty()) {
                for (String segment : folder.split("/")) {
                    assertSafeName(softly, raw, segment);
                }
            }
            softly.assertThat(SafeName.segments(folder)).isEqualTo(folder);
        }
        softly.assertAll();
    }

    private static void assertSafeName(SoftAssertions softly, String raw, String name) {
        String about = describe(raw) + " -> " + describe(name);
        softly.assertThat(name).as(about).isNotEmpty().isNotEqualTo(".").isNotEqualTo("..");
        softly.assertThat(name.getBytes(StandardCharsets.UTF_8).length)
                .as(about)
                .isLessThanOrEqualTo(200);
        softly.assertThat(name.codePoints().noneMatch(SafeNamePropertyTest::isForbidden))
                .as("forbidden character in " + about)
                .isTrue();
        softly.assertThat(name.charAt(0)).as(about).isNotIn('.', '-');
        softly.assertThat(name.charAt(name.length() - 1)).as(about).isNotIn('.', ' ');
        int dot = name.indexOf('.');
        String device = (dot < 0 ? name : name.substring(0, dot)).stripTrailing();
        softly.assertThat(DEVICE_NAMES).as(about).doesNotContain(device.toUpperCase(Locale.ROOT));
    }

    private static boolean isForbidden(int codePoint) {
        return codePoint < 0x20
                || (codePoint >= 0x7f && codePoint <= 0x9f)
                || (codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE)
                || "/\\<>:\"|?*".indexOf(codePoint) >= 0
                // invisible and format characters, separator look-alikes (README, "Where files go")
                || Character.getType(codePoint) == Character.FORMAT
                || codePoint == 0x2028
                || codePoint == 0x2029
                || codePoint == 0x3164
                || "\u2044\u2215\u2216\u2571\u2572\u29f5\u29f8\u29f9\ufe68\uff0f\uff3c".indexOf(codePoint) >= 0;
    }

    private static List<String> samples() {
        Random random = new Random(SEED);
        List<String> samples = new ArrayList<>(SAMPLES);
        for (int i = 0; i < SAMPLES; i++) {
            int pieces = random.nextInt(i % 10 == 0 ? 200 : 12);
            StringBuilder raw = new StringBuilder();
            for (int p = 0; p < pieces; p++) {
                if (random.nextInt(4) == 0) {
                    raw.append((char) random.nextInt(0x3000)); // anything, unpaired surrogates excluded
                } else {
                    raw.append(PIECES[random.nextInt(PIECES.length)]);
                }
            }
            samples.add(raw.toString());
        }
        return samples;
    }

    private static Set<String> deviceNames() {
        List<String> names = new ArrayList<>(List.of("CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"));
        for (String port : List.of("COM", "LPT")) {
            for (String digit :
                    List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "\u00b9", "\u00b2", "\u00b3")) {
                names.add(port + digit);
            }
        }
        return Set.copyOf(names);
    }

    private static String describe(String s) {
        StringBuilder out = new StringBuilder("\"");
        s.codePoints().limit(60).forEach(c -> {
            if (c < 0x20 || c >= 0x7f) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.append((char) c);
            }
        });
        return out.append(s.length() > 60 ? "...\"" : "\"").toString();
    }
}
