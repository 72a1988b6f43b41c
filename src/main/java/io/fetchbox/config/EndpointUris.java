package io.fetchbox.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * fetchbox.notify (README, "Operating fetchbox"): Camel endpoint URIs separated by commas. Here each one is checked
 * for its shape only: a scheme, something after it, no spaces or control characters, and a host for http and https.
 * Whether Camel has a component for the scheme and takes its options is checked when Camel starts.
 */
final class EndpointUris {

    static final String ACCEPTED = "give Camel endpoint URIs separated by commas, such as"
            + " http://127.0.0.1:9000/hook or file:notices, or leave it empty";

    private static final Pattern ENDPOINT = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:[^\\s\\p{Cntrl}]+");
    private static final Pattern WEB = Pattern.compile("https?://[^/?#]+([/?#].*)?");
    private static final Pattern USER_INFO = Pattern.compile("https?://[^/?#]*@.*");

    private EndpointUris() {}

    static List<String> parse(String text) {
        List<String> uris = new ArrayList<>();
        for (String entry : text.split(",")) {
            String uri = entry.trim();
            if (uri.isEmpty()) {
                continue;
            }
            String scheme = uri.substring(0, Math.max(0, uri.indexOf(':'))).toLowerCase(Locale.ROOT);
            boolean web = scheme.equals("http") || scheme.equals("https");
            if (!ENDPOINT.matcher(uri).matches()
                    || (web
                            && !WEB.matcher(scheme + uri.substring(scheme.length()))
                                    .matches())) {
                throw new IllegalArgumentException(
                        "\"" + Redaction.redact(uri) + "\" is not an endpoint URI; " + ACCEPTED);
            }
            if (web
                    && USER_INFO
                            .matcher(scheme + uri.substring(scheme.length()))
                            .matches()) {
                // HttpClient refuses such a URL outright
                throw new IllegalArgumentException("\"" + Redaction.redact(uri)
                        + "\" has credentials before its host, which are never sent; give them as"
                        + " ?authMethod=Basic&authUsername=...&authPassword=...");
            }
            uris.add(uri);
        }
        return List.copyOf(uris);
    }
}
