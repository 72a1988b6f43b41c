package io.fetchbox.notify;

import io.fetchbox.config.Redaction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.Endpoint;
import org.apache.camel.component.file.FileComponent;
import org.apache.camel.component.http.HttpComponent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The endpoints of fetchbox.notify as Camel endpoints. They are the operator's own configuration and trusted like
 * it (README, "Operating fetchbox"), so http, https and file are sent through Camel's stock components bound under
 * names of their own, not through the download components bound as http (the host policy checked on every address
 * connected to, fetchbox.deny-private-networks included) and file (writes only into the output folder's temporary
 * files). Any other scheme is Camel's as given.
 */
public final class NotifyEndpoints {
    private static final Logger LOG = LoggerFactory.getLogger(NotifyEndpoints.class);
    static final String HTTP = "notify-http";
    static final String HTTPS = "notify-https";
    static final String FILE = "notify-file";

    private final List<String> configured;
    /** Each endpoint's text as configured, credentials hidden, by the URI Camel gave the endpoint. */
    private final Map<String, String> shown = new ConcurrentHashMap<>();

    private volatile List<Endpoint> endpoints;

    public NotifyEndpoints(List<String> configured) {
        this.configured = List.copyOf(configured);
    }

    /**
     * The components the endpoints of {@link #camelUri} use: camel-http timed by fetchbox.connect-timeout and
     * read-timeout, retrying nothing itself (routes/notify.camel.yaml retries), and Camel's own file component.
     */
    public static Map<String, Component> components(Duration connectTimeout, Duration readTimeout, String userAgent) {
        return Map.of(
                HTTP, http(connectTimeout, readTimeout, userAgent),
                HTTPS, http(connectTimeout, readTimeout, userAgent),
                FILE, new FileComponent());
    }

    private static HttpComponent http(Duration connectTimeout, Duration readTimeout, String userAgent) {
        HttpComponent http = new HttpComponent();
        http.setConnectTimeout(connectTimeout.toMillis());
        http.setConnectionRequestTimeout(connectTimeout.toMillis());
        http.setSoTimeout(readTimeout.toMillis());
        http.setResponseTimeout(readTimeout.toMillis());
        http.setAutomaticRetriesDisabled(true);
        http.setCookieManagementDisabled(true);
        http.setUserAgent(userAgent);
        return http;
    }

    /** The URI Camel is given for one configured endpoint: http, https and file to the components above. */
    static String camelUri(String configured) {
        int colon = configured.indexOf(':');
        String scheme = configured.substring(0, colon).toLowerCase(Locale.ROOT);
        return switch (scheme) {
            // the whole URL after the component's name: camel-http takes http or https from it
            case "http" -> HTTP + ":" + configured;
            case "https" -> HTTPS + ":" + configured;
            case "file" -> FILE + configured.substring(colon);
            default -> configured;
        };
    }

    public boolean any() {
        return !configured.isEmpty();
    }

    /**
     * Resolves every endpoint once Camel has started, so that an unknown scheme or option stops the start (exit 2)
     * rather than every batch's notice; empty when all are usable, else one line naming the first that is not.
     */
    public synchronized Optional<String> resolve(CamelContext context) {
        if (endpoints != null) {
            return Optional.empty();
        }
        List<Endpoint> resolved = new ArrayList<>();
        for (String uri : configured) {
            String problem;
            try {
                Endpoint endpoint = context.getEndpoint(camelUri(uri));
                if (endpoint != null) {
                    resolved.add(endpoint);
                    shown.put(endpoint.getEndpointUri(), Redaction.redact(uri));
                    continue;
                }
                problem = "no Camel component for its scheme";
            } catch (RuntimeException e) {
                problem = rootMessage(e);
            }
            return Optional.of(
                    "fetchbox.notify: cannot send to " + Redaction.redact(uri) + ": " + Redaction.redact(problem));
        }
        endpoints = List.copyOf(resolved);
        return Optional.empty();
    }

    /**
     * The recipients of a summary (the recipient list of routes/notify.camel.yaml), resolved here if a batch
     * finished before the start-up check. Never throws: the route must always reach its last step, which a --once
     * run waits for; an endpoint that cannot be used stops the start anyway.
     */
    public List<Endpoint> all(CamelContext context) {
        if (endpoints == null) {
            Optional<String> problem = resolve(context);
            if (problem.isPresent()) {
                LOG.warn("summary not sent: {}", problem.get());
                return List.of();
            }
        }
        return endpoints;
    }

    /** An endpoint as the operator wrote it, credentials hidden, for the log. */
    String shown(String endpointUri) {
        String text = endpointUri == null ? null : shown.get(endpointUri);
        return text != null ? text : Redaction.redact(String.valueOf(endpointUri));
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }
}
