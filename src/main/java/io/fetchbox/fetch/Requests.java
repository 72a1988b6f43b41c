package io.fetchbox.fetch;

import io.fetchbox.list.UrlEntry;
import io.fetchbox.url.ParsedUrl;
import java.util.Locale;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Turns the task into the request camel-http sends: nothing inherited from earlier steps (file
 * consumer headers would leak into the request), the URL through {@code CamelHttpUri} so that its
 * query is never read as endpoint options, credentials as Basic auth, the list's extra headers.
 */
public final class Requests {
    /** A list's credentials go to the listed origin only, never to where it redirects (as curl does). */
    private static final Set<String> CREDENTIAL_HEADERS = Set.of("authorization", "cookie", "proxy-authorization");

    private final String userAgent;

    public Requests(String userAgent) {
        this.userAgent = userAgent;
    }

    public void prepare(Exchange exchange) {
        FetchTask task = exchange.getProperty(FetchProps.TASK, FetchTask.class);
        String url = exchange.getProperty(FetchProps.NEXT_URL, String.class);
        exchange.setProperty(FetchProps.URL, url);
        exchange.setProperty(FetchProps.NEXT_URL, null);
        ParsedUrl target = ParsedUrl.parse(url);

        Message message = exchange.getMessage();
        message.removeHeaders("*");
        message.setBody(null);
        message.setHeader(Exchange.HTTP_URI, target.requestUri().toASCIIString());
        message.setHeader(Exchange.HTTP_METHOD, "GET");
        message.setHeader("User-Agent", userAgent);
        boolean listedOrigin = ParsedUrl.parse(task.entry().url()).hostKey().equals(target.hostKey());
        for (UrlEntry.Header header : task.entry().headers()) {
            if (listedOrigin || !CREDENTIAL_HEADERS.contains(header.name().toLowerCase(Locale.ROOT))) {
                message.setHeader(header.name(), header.value());
            }
        }
        String authorization = authorizationFor(task, target);
        if (authorization != null) {
            message.setHeader("Authorization", authorization);
        }
        // bodies are saved exactly as served
        exchange.setProperty(Exchange.SKIP_GZIP_ENCODING, true);
    }

    /** Credentials go to the URL's own origin only, also after a redirect, as curl does. */
    private static String authorizationFor(FetchTask task, ParsedUrl target) {
        String own = target.basicAuthorization();
        if (own != null) {
            return own;
        }
        ParsedUrl listed = ParsedUrl.parse(task.entry().url());
        return listed.hostKey().equals(target.hostKey()) ? listed.basicAuthorization() : null;
    }
}
