package io.fetchbox.fetch;

import io.fetchbox.url.ParsedUrl;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Reads the status line: a success goes on to the body (a 206 only when it continues our partial
 * body exactly), a 304 to a conditional request keeps the file, a redirect is checked and handed
 * back to the scheduler (only to http/https, at most {@code maxRedirects}), anything else fails.
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
        Long resumeFrom = exchange.getProperty(FetchProps.RESUME_FROM, Long.class);
        if (resumeFrom != null && (status == 416 || status == 206)) {
            if (status == 206 && continuesAt(message.getHeader("Content-Range", String.class), resumeFrom)) {
                exchange.setProperty(FetchProps.APPEND, true);
                return;
            }
            // the partial body cannot be continued (already whole, or the server counts otherwise):
            // the next attempt starts from scratch
            discardBody(message);
            exchange.setProperty(FetchProps.START_OVER, true);
            throw new FetchFailure(
                    "truncated", status, "the partial body of " + resumeFrom + " bytes cannot be resumed");
        }
        if (status >= 200 && status < 300 && status != 206) {
            // a 200 to a Range request: the resource changed (If-Range), start over
            exchange.removeProperty(FetchProps.RESUME_FROM);
            return;
        }
        discardBody(message);
        if (status == 304 && exchange.getProperty(FetchProps.CONDITIONAL, false, Boolean.class)) {
            return;
        }
        String location = message.getHeader("Location", String.class);
        if (isRedirect(status) && location != null) {
            follow(exchange, status, location);
            return;
        }
        throw new FetchFailure(
                "http_" + status, status, "server answered " + status, message.getHeader("Retry-After", String.class));
    }

    private void follow(Exchange exchange, int status, String location) throws FetchFailure {
        FetchTask task = exchange.getProperty(FetchProps.TASK, FetchTask.class);
        if (task.redirects() + 1 > maxRedirects) {
            throw new FetchFailure(
                    "redirect_loop", status, "more than fetchbox.max-redirects (" + maxRedirects + ") redirects");
        }
        exchange.setProperty(FetchProps.NEXT_URL, resolve(task.url(), location, status));
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
        return resolved;
    }

    /** {@code bytes 100-199/200} continues a body of which we have the first 100 bytes. */
    static boolean continuesAt(String contentRange, long offset) {
        if (contentRange == null || !contentRange.trim().startsWith("bytes ")) {
            return false;
        }
        String range = contentRange.trim().substring(6);
        int dash = range.indexOf('-');
        try {
            return dash > 0 && Long.parseLong(range.substring(0, dash).trim()) == offset;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static void discardBody(Message message) {
        StreamAbort.abort(message.getBody(InputStream.class));
        message.setBody(null);
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }
}
