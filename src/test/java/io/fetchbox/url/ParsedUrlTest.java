package io.fetchbox.url;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ParsedUrlTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            # url                                  | scheme | host              | port | effective | rawPath      | rawQuery
            http://example.com/a/b.bin             | http   | example.com       | -1   | 80        | /a/b.bin     | null
            HTTPS://Example.COM:8443/x?q=1&r=2     | https  | example.com       | 8443 | 8443      | /x           | q=1&r=2
            https://example.com                    | https  | example.com       | -1   | 443       | ''           | null
            http://example.com?                    | http   | example.com       | -1   | 80        | ''           | ''
            http://127.0.0.1:8080/f                | http   | 127.0.0.1         | 8080 | 8080      | /f           | null
            http://[::1]:9000/f                    | http   | [::1]             | 9000 | 9000      | /f           | null
            http://[2001:DB8::1]/f                 | http   | [2001:db8::1]     | -1   | 80        | /f           | null
            http://my_host.internal/f              | http   | my_host.internal  | -1   | 80        | /f           | null
            http://example.com:/f                  | http   | example.com       | -1   | 80        | /f           | null
            http://example.com./f                  | http   | example.com       | -1   | 80        | /f           | null
            http://bücher.de/f                     | http   | xn--bcher-kva.de  | -1   | 80        | /f           | null
            http://example.com/a b                 | http   | example.com       | -1   | 80        | /a%20b       | null
            """)
    void parsesTheParts(
            String url, String scheme, String host, int port, int effectivePort, String rawPath, String rawQuery) {
        ParsedUrl parsed = ParsedUrl.parse(url);

        assertThat(parsed.scheme()).isEqualTo(scheme);
        assertThat(parsed.host()).isEqualTo(host);
        assertThat(parsed.port()).isEqualTo(port);
        assertThat(parsed.effectivePort()).isEqualTo(effectivePort);
        assertThat(parsed.rawPath()).isEqualTo(rawPath);
        assertThat(parsed.rawQuery()).isEqualTo(rawQuery);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ftp://x/y                    | unsupported scheme 'ftp' (only http and https)
            FTP://127.0.0.1/x.bin        | unsupported scheme 'ftp' (only http and https)
            file:///etc/passwd           | unsupported scheme 'file' (only http and https)
            javascript:alert(1)          | unsupported scheme 'javascript' (only http and https)
            gopher://127.0.0.1/x         | unsupported scheme 'gopher' (only http and https)
            not a url                    | unparseable URL: no scheme (expected http:// or https://)
            example.com/file.bin         | unparseable URL: no scheme (expected http:// or https://)
            ://example.com/              | unparseable URL: no scheme (expected http:// or https://)
            http://                      | no host
            https:///path                | no host
            http:example.com/x           | no host
            http://user:pass@/x          | no host
            http://:80/x                 | no host
            http://exa mple.com/         | unparseable URL: bad host name
            http://a..b/                 | unparseable URL: bad host name
            http://.example.com/         | unparseable URL: bad host name
            http://ex%41mple.com/        | unparseable URL: bad host name
            http://example.com:99999/    | unparseable URL: bad port (not a number from 1 to 65535)
            http://example.com:http/     | unparseable URL: bad port (not a number from 1 to 65535)
            http://[::1/x                | unparseable URL: bad IPv6 address
            http://[zz::1]/x             | unparseable URL: bad IPv6 address
            """)
    void refusesWithTheReason(String url, String reason) {
        assertThat(ParsedUrl.problem(url)).isEqualTo(reason);
        assertThatThrownBy(() -> ParsedUrl.parse(url))
                .isInstanceOf(InvalidUrlException.class)
                .hasMessage(reason);
    }

    @Test
    void refusesAnEmptyUrl() {
        assertThat(ParsedUrl.problem("")).isEqualTo("unparseable URL: empty");
        assertThat(ParsedUrl.problem("   ")).isEqualTo("unparseable URL: empty");
        assertThat(ParsedUrl.problem(null)).isEqualTo("unparseable URL: empty");
    }

    @Test
    void refusesAUrlOver8KiBWithItsSize() {
        String url = "http://example.com/long.bin?pad=" + "a".repeat(10218);

        assertThat(ParsedUrl.problem(url)).isEqualTo("URL longer than 8 KiB (10250 bytes)");
    }

    @Test
    void acceptsAUrlOfExactly8KiB() {
        String prefix = "http://example.com/?pad=";
        String url = prefix + "a".repeat(8192 - prefix.length());

        assertThat(ParsedUrl.problem(url)).isNull();
    }

    @Test
    void countsTheLimitInUtf8Bytes() {
        String prefix = "http://example.com/?pad=";
        String url = prefix + "é".repeat(4096); // 2 bytes each

        assertThat(ParsedUrl.problem(url)).isEqualTo("URL longer than 8 KiB (8216 bytes)");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", textBlock = """
            http://example.com/a b.bin               => http://example.com/a%20b.bin
            http://example.com/x#section             => http://example.com/x
            https://user:pass@example.com/x          => https://example.com/x
            http://example.com                       => http://example.com/
            http://example.com?q=1                   => http://example.com/?q=1
            http://example.com/é                     => http://example.com/%C3%A9
            http://example.com/a|b^c{d}e`f           => http://example.com/a%7Cb%5Ec%7Bd%7De%60f
            http://example.com/"q"<a>\\b             => http://example.com/%22q%22%3Ca%3E%5Cb
            http://example.com/100%                  => http://example.com/100%25
            http://example.com/%zz%4                 => http://example.com/%25zz%254
            http://example.com/ok%20already          => http://example.com/ok%20already
            http://example.com/p?q=a b&r=ü           => http://example.com/p?q=a%20b&r=%C3%BC
            http://example.com/p?next=http://x/?y    => http://example.com/p?next=http://x/?y
            http://example.com/a##b                  => http://example.com/a
            HTTP://EXAMPLE.com:8080/Path             => http://example.com:8080/Path
            http://example.com/a/./b/../c            => http://example.com/a/c
            http://example.com/../../etc/passwd      => http://example.com/etc/passwd
            http://example.com/%2e%2e/x              => http://example.com/%2e%2e/x
            """)
    void requestUriIsWhatIsSent(String url, String expected) {
        assertThat(ParsedUrl.parse(url).requestUri()).hasToString(expected);
    }

    @Test
    void dropsTabsAndNewlinesInsideTheUrlLikeBrowsers() {
        assertThat(ParsedUrl.parse("http://example.com/a\tb\r\nc").requestUri()).hasToString("http://example.com/abc");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            HTTP://Example.COM:80/a/./b/../c         | http://example.com/a/c
            http://example.com/%7euser               | http://example.com/~user
            http://example.com/a%2fb                 | http://example.com/a%2Fb
            http://example.com/%c3%a9                | http://example.com/%C3%A9
            http://example.com                       | http://example.com/
            http://example.com/x#frag                | http://example.com/x
            https://example.com:443/x                | https://example.com/x
            https://example.com:80/x                 | https://example.com:80/x
            http://example.com:443/x                 | http://example.com:443/x
            http://example.com/a/b/..                | http://example.com/a/
            http://example.com/../../x               | http://example.com/x
            http://example.com/%2E%2E/x              | http://example.com/x
            http://example.com/x?b=2&a=1             | http://example.com/x?b=2&a=1
            http://example.com/x?q=%7e%2f            | http://example.com/x?q=~%2F
            http://User:Pw@Example.com/x             | http://User:Pw@example.com/x
            """)
    void normalizesForDuplicateDetection(String url, String expected) {
        assertThat(ParsedUrl.parse(url).normalized()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            http://Example.com/x          | http://example.com:80
            https://example.com/x         | https://example.com:443
            http://example.com:8080/x     | http://example.com:8080
            https://u:p@example.com:80/   | https://example.com:80
            http://[::1]:9000/            | http://[::1]:9000
            """)
    void hostKeyNamesSchemeHostAndPort(String url, String expected) {
        assertThat(ParsedUrl.parse(url).hostKey()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            https://user:pass@example.com/     | user:pass     | Basic dXNlcjpwYXNz
            https://user@example.com/          | user          | Basic dXNlcjo=
            https://us%40er:p%3Ass@example.com | us%40er:p%3Ass | Basic dXNAZXI6cDpzcw==
            https://user:p@ss@example.com/     | user:p%40ss   | Basic dXNlcjpwQHNz
            https://example.com/               | null          | null
            """)
    void credentialsBecomeBasicAuth(String url, String userInfo, String authorization) {
        ParsedUrl parsed = ParsedUrl.parse(url);

        assertThat(parsed.userInfo()).isEqualTo(userInfo);
        assertThat(parsed.basicAuthorization()).isEqualTo(authorization);
        assertThat(parsed.host()).isEqualTo("example.com");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            https://user:pass@host/x                        | https://***@host/x
            https://user@host/x                             | https://***@host/x
            http://user:p@ss@host:8080/x?y=a@b              | http://***@host:8080/x?y=a@b
            ftp://user:pass@host/x                          | ftp://***@host/x
            https://user:pass@                              | https://***@
            GET https://a:b@h/x failed; retry https://c:d@h/y | GET https://***@h/x failed; retry https://***@h/y
            https://host/x                                  | https://host/x
            https://host/x?mail=me@example.com              | https://host/x?mail=me@example.com
            mail me@example.com                             | mail me@example.com
            not a url                                       | not a url
            """)
    void redactsCredentials(String text, String expected) {
        assertThat(ParsedUrl.redact(text)).isEqualTo(expected);
    }

    @Test
    void redactsNothingInNull() {
        assertThat(ParsedUrl.redact(null)).isNull();
    }

    @Test
    void toStringHidesCredentials() {
        assertThat(ParsedUrl.parse("https://user:pass@example.com/x#f")).hasToString("https://***@example.com/x#f");
    }

    @Test
    void sameUrlWrittenTwoWaysIsEqual() {
        assertThat(ParsedUrl.parse("HTTP://example.com:80/%7ea/./b"))
                .isEqualTo(ParsedUrl.parse("http://EXAMPLE.com/~a/b#top"));
    }

    @Test
    void theSameStringParsedAgainOnOneThreadIsTheSameParseAndNothingElseIs() throws Exception {
        String url = "http://127.0.0.1:8080/a/b?c=d";
        ParsedUrl first = ParsedUrl.parse(url);

        assertThat(ParsedUrl.parse(url)).isSameAs(first);
        String equalText = new String(url.toCharArray());
        assertThat(ParsedUrl.parse(equalText)).isNotSameAs(first).isEqualTo(first);
        ParsedUrl.parse("http://127.0.0.2/other");
        assertThat(ParsedUrl.parse(url)).isNotSameAs(first).isEqualTo(first);

        ParsedUrl[] elsewhere = new ParsedUrl[1];
        Thread other = new Thread(() -> elsewhere[0] = ParsedUrl.parse(url));
        other.start();
        other.join();
        assertThat(elsewhere[0]).isNotSameAs(ParsedUrl.parse(url)).isEqualTo(first);
    }

    @Test
    void aUrlThatFailsIsRefusedEveryTime() {
        String bad = "ftp://127.0.0.1/x";
        assertThatThrownBy(() -> ParsedUrl.parse(bad)).isInstanceOf(InvalidUrlException.class);
        assertThatThrownBy(() -> ParsedUrl.parse(bad)).isInstanceOf(InvalidUrlException.class);
    }
}
