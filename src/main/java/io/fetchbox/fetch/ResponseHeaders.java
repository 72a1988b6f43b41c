package io.fetchbox.fetch;

import java.util.Locale;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.http.common.HttpHeaderFilterStrategy;

/**
 * camel-http's header filter with one change, for the fetch route's endpoint
 * ({@code headerFilterStrategy: "#responseHeaders"}): of a response's headers, only those fetchbox
 * reads become message headers. Every other one (Server, Date, Accept-Ranges, a server's own X- headers)
 * cost a filter check and an insert into the message's case-insensitive map for every URL, and
 * nothing reads it. Request headers are filtered exactly as camel-http does. Not for an endpoint
 * that copies its message's headers over the response (Camel filters those the same way).
 */
public final class ResponseHeaders extends HttpHeaderFilterStrategy {
    /** Lower case; camel-http hands {@code content-type} over as {@code Content-Type}. */
    static final Set<String> READ = Set.of(
            "content-type",
            "content-length",
            "content-range",
            "content-disposition",
            "etag",
            "last-modified",
            "location",
            "retry-after");

    @Override
    public boolean applyFilterToExternalHeaders(String headerName, Object headerValue, Exchange exchange) {
        return headerName == null || !READ.contains(headerName.toLowerCase(Locale.ROOT));
    }
}
