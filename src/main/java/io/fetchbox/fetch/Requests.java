package io.fetchbox.fetch;

import io.fetchbox.list.UrlEntry;
import io.fetchbox.url.ParsedUrl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * {@code Range} for the rest of a partial body.
 */
public final class Requests {
    /** A list's credentials go to the listed origin only, never to where it redirects (as curl does). */
    private static final Set<String> CREDENTIAL_HEADERS = Set.of("authorization", "cookie", "proxy-authorization");

    private final String userAgent;
    private final HostPolicy hostPolicy;
    private final FileState state;
    private final Path output;
    private final boolean revalidate;

    public Requests(String userAgent, HostPolicy hostPolicy, FileState state, Path output, boolean revalidate) {
        this.userAgent = userAgent;
        this.hostPolicy = hostPolicy;
        this.state = state;
        this.output = output;
        this.revalidate = revalidate;
    }

    public void prepare(Exchange exchange) throws FetchFailure, IOException {
        FetchTask task = exchange.getProperty(FetchProps.TASK, FetchTask.class);
        ParsedUrl target = ParsedUrl.parse(task.url());
        String denied = hostPolicy.problemWithName(target.host());
        if (denied != null) {
            throw new FetchFailure("denied", null, denied);
        }
        Message message = exchange.getMessage();
        message.removeHeaders("*");
        message.setBody(null);
        message.setHeader(Exchange.HTTP_URI, target.requestUri().toASCIIString());
        message.setHeader("User-Agent", userAgent);
        ParsedUrl listed =
                task.atListedUrl() ? target : ParsedUrl.parse(task.entry().url());
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
        if (task.file() != null && !askIfChanged(exchange, task, listed)) {
            askForTheRest(exchange, task, listed);
        }
        // bodies are saved exactly as served
        exchange.setProperty(Exchange.SKIP_GZIP_ENCODING, true);
    }

    /** revalidate: a file fetched earlier from this URL is kept when the server says it has not changed. */
    private boolean askIfChanged(Exchange exchange, FetchTask task, ParsedUrl listed) {
        // the file first: asking the state would load the folder's records into memory, and keep
        // every record written there afterwards, for a batch that has no earlier file to revalidate
        if (!revalidate || !Files.exists(output.resolve(task.file()))) {
            return false;
        }
        Optional<FileRecord> known =
                state.read(task.file()).filter(r -> r.urlKey().equals(FileState.urlKey(listed.normalized())));
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
    private void askForTheRest(Exchange exchange, FetchTask task, ParsedUrl listed) throws IOException {
        // the partial record (under reports/.state/) first, the output folder only when there is one
        Optional<PartialRecord> partial = state.readPartial(task.file())
                .filter(p -> p.urlKey().equals(FileState.urlKey(listed.normalized())) && p.validator() != null);
        if (partial.isEmpty()) {
            return;
        }
        Path temp = output.resolve(TempFiles.of(task.file()));
        if (!Files.exists(temp) || Files.size(temp) == 0) {
            return;
        }
        long have = Files.size(temp);
        exchange.getMessage().setHeader("Range", "bytes=" + have + "-");
        exchange.getMessage().setHeader("If-Range", partial.get().validator());
        exchange.setProperty(FetchProps.RESUME_FROM, have);
    }
}
