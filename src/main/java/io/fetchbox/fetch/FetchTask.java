package io.fetchbox.fetch;

import io.fetchbox.list.UrlEntry;
import io.fetchbox.url.ParsedUrl;

/**
 * One URL to fetch, as it travels on the fetch queue and back into the scheduler for a redirect or
 * a retry: the list entry, its batch, the file it was given (relative to the output folder,
 * '/'-separated, already made safe; null until the response names it when Content-Disposition
 * naming is on), and where the download stands.
 *
 * @param url the URL the next request goes to: the listed one, or where a redirect pointed
 * @param hostKey {@code url}'s scheme, host and port (the scheduler's lane), parsed once
 * @param attempt 1 for the first try, counting retries (not redirects)
 * @param redirects redirects followed so far in this attempt
 * @param startedMillis when the first attempt started (epoch millis), 0 before it
 */
public record FetchTask(
        String batch,
        UrlEntry entry,
        String file,
        String url,
        String hostKey,
        int attempt,
        int redirects,
        long startedMillis) {

    /** The first attempt at a listed URL whose host key the caller already has. */
    public FetchTask(String batch, UrlEntry entry, String file, String hostKey) {
        this(batch, entry, file, entry.url(), hostKey, 1, 0, 0);
    }

    public FetchTask withFile(String value) {
        return new FetchTask(batch, entry, value, url, hostKey, attempt, redirects, startedMillis);
    }

    public FetchTask started(long nowMillis) {
        return startedMillis > 0
                ? this
                : new FetchTask(batch, entry, file, url, hostKey, attempt, redirects, nowMillis);
    }

    /** The same attempt, continued at the redirect's target. */
    public FetchTask redirectedTo(String target) {
        return new FetchTask(
                batch, entry, file, target, ParsedUrl.parse(target).hostKey(), attempt, redirects + 1, startedMillis);
    }

    /** A new attempt, from the listed URL again. */
    public FetchTask nextAttempt() {
        return new FetchTask(
                batch,
                entry,
                file,
                entry.url(),
                atListedUrl() ? hostKey : ParsedUrl.parse(entry.url()).hostKey(),
                attempt + 1,
                0,
                startedMillis);
    }

    /** Whether this request goes to the listed URL itself (not to where a redirect pointed). */
    public boolean atListedUrl() {
        return url.equals(entry.url());
    }
}
