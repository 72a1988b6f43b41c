package io.fetchbox.fetch;

import io.fetchbox.url.InvalidUrlException;
import io.fetchbox.url.ParsedUrl;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Reads the status line: a success goes on to the body, a redirect is checked and followed by the
 * route's loop (only to http/https, at most {@code maxRedirects}), anything else fails at once.
 */
public final class Responses {
    private final int maxRedirects;

    public Responses(int maxRedirects) {
        this.maxRedirects = maxRedirects;
    }

    public void inspect(Exchange exchange) throws FetchFailure {
        Message message = exchange.getMessage();
        int status = message.getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        exchange.setProperty(FetchProps.STATUS, status);
        if (status >= 200 && status < 300) {
            return;
        }
        StreamAbort.abort(message.getBody(InputStream.class));
        message.setBody(null);
        if (isRedirect(status)) {
            String location = message.getHeader("Location", String.class);
            if (location != null) {
                follow(exchange, status, location);
                return;
            }
        }
        throw new FetchFailure("http_" + status, status, "server answered " + status);
    }

    private void follow(Exchange exchange, int status, String location) throws FetchFailure {
        int redirects = exchange.getProperty(FetchProps.REDIRECTS, 0, Integer.class) + 1;
        if (redirects > maxRedirects) {
            throw new FetchFailure(
                    "redirect_loop", status, "more than fetchbox.max-redirects (" + maxRedirects + ") redirects");
        }
        String next = resolve(exchange.getProperty(FetchProps.URL, String.class), location, status);
        exchange.setProperty(FetchProps.REDIRECTS, redirects);
        exchange.setProperty(FetchProps.NEXT_URL, next);
    }

    private static String resolve(String current, String location, int status) throws FetchFailure {
        String resolved;
        try {
            resolved = ParsedUrl.parse(current)
                    .requestUri()
                    .resolve(new URI(location.trim()))
                    .toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            resolved = location.trim();
        }
        String problem = ParsedUrl.problem(resolved);
        if (problem != null) {
            throw new FetchFailure(
                    "bad_redirect", status, "redirect to " + ParsedUrl.redact(resolved) + ": " + problem);
        }
        try {
            ParsedUrl.parse(resolved);
        } catch (InvalidUrlException e) {
            throw new FetchFailure("bad_redirect", status, "redirect to an unusable URL: " + e.getMessage());
        }
        return resolved;
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }
}
