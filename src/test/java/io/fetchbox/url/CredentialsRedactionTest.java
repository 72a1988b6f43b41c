package io.fetchbox.url;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Credentials are found by reading the authority, whatever characters they hold (README,
 * "Credentials"): every printable ASCII character in the user and in the password, raw and
 * percent-encoded, in valid and invalid lines.
 */
class CredentialsRedactionTest {

    private static final String PRINTABLE_ASCII = printableAscii();

    /** A password around each printable character; the letters before it keep a valid host:port shape out. */
    static List<String> passwords() {
        List<String> all = new ArrayList<>();
        for (char c : PRINTABLE_ASCII.toCharArray()) {
            all.add("Pw" + c + "Zq");
        }
        for (char c : PRINTABLE_ASCII.toCharArray()) {
            all.add("Pw" + PercentEncoding.encodeIllegal(String.valueOf(c), new java.util.BitSet()) + "Zq");
        }
        all.add("Pw%40Zq");
        all.add("Pw%2FZq");
        all.add("Pw%2fZq");
        all.add("Pw%23%3F%25Zq");
        all.add("Pw" + PRINTABLE_ASCII + "Zq");
        return all;
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("passwords")
    void everyPasswordIsHiddenInAValidOrInvalidLine(String password) {
        for (String line : List.of(
                "http://user:" + password + "@example.com:8080/x?q=1",
                "https://user:" + password + "@example.com/",
                "http://user:" + password + "@example.com",
                "http://user:" + password + "@exa mple.com/x", // invalid host
                "http://user:" + password + "@example.com:99999/x", // invalid port
                "ftp://user:" + password + "@example.com/x", // unsupported scheme
                "HTTP://user:" + password + "@example.com/x",
                "http:/user:" + password + "@example.com/x", // one slash: invalid here, a URL to browsers
                "http:\\\\user:" + password + "@example.com/x",
                "http:user:" + password + "@example.com/x",
                "//user:" + password + "@example.com/x")) {
            String redacted = ParsedUrl.redact(line);

            assertThat(redacted).as(line).doesNotContain("Pw").doesNotContain("Zq");
            assertThat(redacted).as(line).contains("***@");
        }
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("passwords")
    void everyUserNameIsHidden(String secret) {
        String user = secret.replace("/", "").replace("?", "").replace("#", "");
        String line = "http://" + user + ":pass@example.com/x";

        assertThat(ParsedUrl.redact(line)).isEqualTo("http://***@example.com/x");
    }

    @Test
    void aValidLineIsWrittenAsTheUrlWithOnlyItsUserInfoHidden() {
        for (char c : PRINTABLE_ASCII.toCharArray()) {
            String line = "http://us" + c + "er:Pw" + c + "Zq@example.com:8080/x?q=1";
            String expected = "/?#".indexOf(c) >= 0
                    // it ends the authority, as in every browser and curl: a URL to host "us"
                    ? line
                    : "http://***@example.com:8080/x?q=1";

            assertThat(ParsedUrl.redact(line)).as(line).isEqualTo(expected);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            https://user:pass@host/x                          | https://***@host/x
            https://user@host/x                               | https://***@host/x
            http://user:p@ss@host:8080/x?y=a@b                | http://***@host:8080/x?y=a@b
            http://user:p ss@host/                            | http://***@host/
            http://user:p"ss@host/                            | http://***@host/
            http://user:p<ss@host/                            | http://***@host/
            http://user:p'ss@host/                            | http://***@host/
            http://user:p`ss@host/                            | http://***@host/
            http://user:p/ss@host/                            | http://***@host/
            http://user:p#ss@host/                            | http://***@host/
            http://user:p?ss@host/                            | http://***@host/
            http://user:p/ss@host/a@b                         | http://***@b
            http://user:12/ss@host/                           | http://user:12/ss@host/
            ftp://user:pass@host/x                            | ftp://***@host/x
            https://user:pass@                                | https://***@
            http://us	er:pa	ss@host/                       | http://***@host/
            GET https://a:b@h/x failed; retry https://c:d@h/y | GET https://***@h/x failed; retry https://***@h/y
            https://u:p@host/login?next=http://v:q@other/     | https://***@host/login?next=http://***@other/
            https://mastodon.social/@user                     | https://mastodon.social/@user
            https://mastodon.social/@user/1?via=a@b           | https://mastodon.social/@user/1?via=a@b
            https://host/x                                    | https://host/x
            https://host/x?mail=me@example.com                | https://host/x?mail=me@example.com
            tcp://admin:se/cret@broker:61616                  | tcp://***@broker:61616
            (tcp://a:b@h1:61616,tcp://c:d@h2:61616)?ha=true   | (tcp://***@h1:61616,tcp://***@h2:61616)?ha=true
            mail me@example.com                               | mail me@example.com
            not a url                                         | not a url
            """)
    void redactsCredentials(String text, String expected) {
        assertThat(ParsedUrl.redact(text)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            http://user:Pw/Zq@host/
            http://user:Pw#Zq@host/
            http://user:Pw?Zq@host/
            http://user:99999/Zq@host/
            http://user:Pw/Zq@host:99999/
            http://user:Pw/Zq@[::1/
            """)
    void theReasonAnInvalidLineIsRefusedEchoesNoPartOfItsUserInfo(String line) {
        String reason = ParsedUrl.problem(line);

        assertThat(reason).isNotNull().doesNotContain("Pw").doesNotContain("Zq").doesNotContain("99999");
    }

    private static String printableAscii() {
        StringBuilder all = new StringBuilder();
        for (char c = 0x20; c < 0x7f; c++) {
            all.append(c);
        }
        return all.toString();
    }
}
