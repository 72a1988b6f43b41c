package io.fetchbox.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResponseHeadersTest {
    private final ResponseHeaders filter = new ResponseHeaders();
    private final CamelContext context = new DefaultCamelContext();
    private final Exchange exchange = new DefaultExchange(context);

    @ParameterizedTest(name = "response header {0}: kept {1}")
    @CsvSource({
        "Content-Type, true",
        "content-length, true",
        "Content-Range, true",
        "Content-Disposition, true",
        "ETag, true",
        "etag, true",
        "Last-Modified, true",
        "LOCATION, true",
        "Retry-After, true",
        "Server, false",
        "Date, false",
        "Accept-Ranges, false",
        "Set-Cookie, false",
        "X-Powered-By, false",
        "Connection, false"
    })
    void onlyTheResponseHeadersFetchboxReadsAreKept(String name, boolean kept) {
        assertThat(filter.applyFilterToExternalHeaders(name, "v", exchange)).isEqualTo(!kept);
    }

    @ParameterizedTest(name = "request header {0}: sent {1}")
    @CsvSource({
        "User-Agent, true",
        "X-Api-Key, true",
        "Range, true",
        "If-None-Match, true",
        "CamelHttpUri, false",
        "CamelFileName, false"
    })
    void requestHeadersAreFilteredAsCamelHttpDoes(String name, boolean sent) {
        assertThat(filter.applyFilterToCamelHeaders(name, "v", exchange)).isEqualTo(!sent);
    }
}
