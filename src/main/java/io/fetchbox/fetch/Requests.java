package io.fetchbox.fetch;

import io.fetchbox.list.UrlEntry;
import io.fetchbox.url.ParsedUrl;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Turns the task into the request camel-http sends: nothing inherited from earlier steps, the URL
 * through {@code CamelHttpUri} (its query never read as endpoint options), the host policy checked
 * before anything is sent, credentials as Basic auth for their own origin only, the list's extra
 * headers, and either a conditional request for a file fetched earlier (revalidate) or a
 * {@code Range} for the rest of a partial body. No request is sent for a file whose way from the
 * output folder passes through a link ({@code unsafe_path}).
 */
public final class Requests {
    /** A list's credentials go to the listed origin only, never to where it redirects (as curl does). */
    private static final Set<String> CREDENTIAL_HEADERS = Set.of("authorization", "cookie", "proxy-authorization");

    private final String userAgent;
    private final HostPolicy hostPolicy;
    private final FileState state;
    private final OutputFolder output;
    private final boolean revalidate;

    public Requests(String userAgent, HostPolicy hostPolicy, FileState state, OutputFolder output, boolean revalidate) {
        this.userAgent = userAgent;
        this.hostPolicy = hostPolicy;
        this.state = state;
        this.output = output;
        this.revalidate = revalidate;
    }

    public void prepare(Exchange exchange) throws FetchFailure {
        FetchTask task = exchange.getProperty(FetchProps.TASK, FetchTask.class);
        ParsedUrl target = ParsedUrl.parse(task.url());
        String denied = hostPolicy.problemWithName(target.host());
        if (denied != null) {
            throw new FetchFailure("denied", null, denied);
        }
        if (task.file() != null) {
            output.checkFolders(task.file());
        }
        Message message = exchange.getMessage();
        message.removeHeaders("*");
        message.setBody(null);
        message.setHeader(Exchange.HTTP_URI, target.requestUri().toASCIIString());
        message.setHeader("User-Agent", userAgent);
        ParsedUrl listed =
                task.atListedUrl() ? target : ParsedUrl.parse(task.entry().url());
        // parsed here once: the body step and the publisher name their records by it
        String urlKey = FileState.urlKey(listed.normalized());
        exchange.setProperty(FetchProps.URL_KEY, urlKey);
        boolean listedOrigin = listed == target || listed.hostKey().equals(task.hostKey());
        for (UrlEntry.Header header : task.entry().headers()) {
            if (listedOrigin || !CREDENTIAL_HEADERS.contains(header.name().toLowerCase(Locale.ROOT))) {
                message.setHeader(header.name(), header.value());
            }
        }
        String authorization = target.basicAuthorization() != null
                ? target.basicAuthorization()
                : listedOrigin ? listed.basicAuthorization() : null;
        if (authorization != null) {
            message.setHeader("Authorization", authorization);
        }
        if (task.file() != null && !askIfChanged(exchange, task, urlKey)) {
            askForTheRest(exchange, task, urlKey);
        }
        // bodies are saved exactly as served
        exchange.setProperty(Exchange.SKIP_GZIP_ENCODING, true);
    }

    /** revalidate: a file fetched earlier from this URL is kept when the server says it has not changed. */
    private boolean askIfChanged(Exchange exchange, FetchTask task, String urlKey) {
        // the file first: asking the state would load the folder's records into memory, and keep
        // every record written there afterwards, for a batch that has no earlier file to revalidate
        if (!revalidate) {
            return false;
        }
        BasicFileAttributes file = output.attributesIfPresent(task.file());
        if (file == null) {
            return false;
        }
        // a file changed since fetchbox wrote it is not asked about: its record no longer describes it
        Optional<FileRecord> known =
                state.read(task.file()).filter(r -> r.urlKey().equals(urlKey) && r.matches(file));
        if (known.isEmpty() || known.get().etag() == null && known.get().lastModified() == null) {
            return false;
        }
        Message message = exchange.getMessage();
        if (known.get().etag() != null) {
            message.setHeader("If-None-Match", known.get().etag());
        }
        if (known.get().lastModified() != null) {
            message.setHeader("If-Modified-Since", known.get().lastModified());
        }
        exchange.setProperty(FetchProps.CONDITIONAL, true);
        return true;
    }

    /** A partial body of this URL in the temporary file: ask for the rest, if the resource is unchanged. */
    private void askForTheRest(Exchange exchange, FetchTask task, String urlKey) {
        // the partial record (under reports/.state/) first, the output folder only when there is one
        Optional<PartialRecord> partial = state.readPartial(task.file()).filter(p -> p.temporary() != null);
        if (partial.isEmpty()) {
            return;
        }
        // whatever becomes of it, the body starts over (and its temporary file goes) unless resumed
        exchange.setProperty(FetchProps.TEMP, partial.get().temporary());
        exchange.setProperty(FetchProps.PARTIAL_RECORDED, true);
        // only a regular file of our own making is continued: never a link left in its place
        BasicFileAttributes temp = output.attributesOrNull(partial.get().temporary());
        if (!partial.get().urlKey().equals(urlKey)
                || partial.get().validator() == null
                || temp == null
                || !temp.isRegularFile()
                || temp.size() == 0) {
            return;
        }
        exchange.getMessage().setHeader("Range", "bytes=" + temp.size() + "-");
        exchange.getMessage().setHeader("If-Range", partial.get().validator());
        exchange.setProperty(FetchProps.RESUME_FROM, temp.size());
    }
}
