package io.fetchbox.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import io.fetchbox.url.ParsedUrl;
import org.junit.jupiter.api.Test;

/**
 * The URL key kept in {@code reports/.state/} is a hash of the normalized URL without its user
 * info (README, "Credentials"): nothing of a password can be recovered from it, and the same file
 * is recognised whoever's credentials fetched it.
 */
class UrlKeyTest {

    @Test
    void theKeyOfAUrlWithCredentialsIsTheKeyOfTheUrlWithout() {
        String without = FileState.urlKey(
                ParsedUrl.parse("http://example.com:8080/x?q=1").normalized());
        for (char c = 0x20; c < 0x7f; c++) {
            if ("/?#".indexOf(c) >= 0) {
                continue; // they end the authority: not credentials
            }
            for (String userInfo : new String[] {"user:pW0" + c + "Zq", "us" + c + "er:pw", "pW0%40" + c + "%2FZq"}) {
                String url = "http://" + userInfo + "@example.com:8080/x?q=1";

                assertThat(FileState.urlKey(ParsedUrl.parse(url).normalized()))
                        .as(url)
                        .isEqualTo(without);
            }
        }
    }
}
