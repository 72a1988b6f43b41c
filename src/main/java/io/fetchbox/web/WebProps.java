package io.fetchbox.web;

/** Names of the exchange properties of routes/web.camel.yaml (checked by RouteNamesTest). */
public final class WebProps {
    /** The file a request names (a page asset or a report), read from its path before the headers go. */
    public static final String FILE = "fetchboxFile";
    /** The upload's request, kept so that a refusal can drop what the client still sends. */
    public static final String REQUEST = "fetchboxRequest";

    private WebProps() {}
}
