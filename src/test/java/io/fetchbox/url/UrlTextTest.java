package io.fetchbox.url;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** An invalid line's text is cut to 2 KiB in reports and the API, saying so (README, "Reports"). */
class UrlTextTest {

    @Test
    void aLongInvalidLineIsCutTo2KiBSayingHowLongItWas() {
        String junk = "x".repeat(5 * 1024 * 1024);

        String shown = UrlText.shown(junk, false);

        assertThat(shown).isEqualTo("x".repeat(2048) + "… (cut: 5242880 bytes)");
    }

    @Test
    void aTextShownOnceIsShownTheSameAgain() {
        // the API shows report lines, which were cut when they were written
        for (String line : new String[] {"x".repeat(5000), "é".repeat(3000), "http://u:p/w" + "j".repeat(9000)}) {
            String once = UrlText.shown(line, false);

            assertThat(UrlText.shown(once, false)).isEqualTo(once);
        }
    }

    @Test
    void aLineOfExactly2KiBIsShownWhole() {
        String line = "y".repeat(2048);

        assertThat(UrlText.shown(line, false)).isEqualTo(line);
        assertThat(UrlText.shown(line + "z", false)).isEqualTo(line + "… (cut: 2049 bytes)");
    }

    @Test
    void theCutNeverSplitsACharacter() {
        String line = "a" + "é".repeat(2000); // 1 + 4000 bytes: byte 2048 is inside an "é"

        String shown = UrlText.shown(line, false);

        String kept = shown.substring(0, shown.indexOf('…'));
        assertThat(kept).isEqualTo("a" + "é".repeat(1023));
        assertThat(kept.getBytes(StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(2048);
        assertThat(shown).endsWith("… (cut: 4001 bytes)");
    }

    @Test
    void credentialsAreHiddenBeforeTheCutSoNoneSurvivesIt() {
        String line = "http://user:" + "s".repeat(4000) + "/secret@host/";

        String shown = UrlText.shown(line, false);

        assertThat(shown).isEqualTo("http://***@host/");
    }

    @Test
    void credentialsOfALongLineAreHiddenAndTheRestCut() {
        String line = "http://user:pw@host/" + "p".repeat(3000) + " junk";

        assertThat(UrlText.shown(line, false))
                .startsWith("http://***@host/ppp")
                .endsWith("… (cut: " + (line.length() - 4) + " bytes)")
                .doesNotContain("user");
        assertThat(UrlText.shown("junk " + line, false))
                .startsWith("junk http://***@host/ppp")
                .endsWith("… (cut: " + (line.length() + 1) + " bytes)");
    }

    @Test
    void aLineOver8KiBThatStartsAsAUrlShowsOnlyItsScheme() {
        // the list reader cuts a line at 1 MiB: the '@' ending a password may be past the cut
        String cutByTheReader = "http://user:pa/ss" + "j".repeat(20_000);

        assertThat(UrlText.shown(cutByTheReader, false)).isEqualTo("http://***… (cut: 20017 bytes)");
    }

    @Test
    void aValidUrlIsShownWholeUpTo8KiB() {
        String url = "http://user:pw@host/?pad=" + "a".repeat(8000);

        assertThat(UrlText.shown(url, true)).isEqualTo("http://***@host/?pad=" + "a".repeat(8000));
    }
}
