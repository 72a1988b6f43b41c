package io.fetchbox.url;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A URL fetchbox can fetch: http or https, with a host, at most 8 KiB. Parsing is lenient the way
 * curl and browsers are (a space or a non-ASCII character is percent-encoded, not refused), and the
 * parts come out encoded, ready for a request.
 */
public final class ParsedUrl {

    /** Longest URL accepted, in bytes of UTF-8 (a common server limit, and far beyond real links). */
    public static final int MAX_BYTES = 8192;

    /** RFC 3986 appendix B: splits any string into scheme, authority, path, query and fragment. */
    private static final Pattern PARTS =
            Pattern.compile("^(?:([^:/?#]+):)?(?://([^/?#]*))?([^?#]*)(?:\\?([^#]*))?(?:#(.*))?$", Pattern.DOTALL);

    private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*");
    private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");

    /**
     * The URL this thread parsed last, with the string it came from: the feed parses each list line
     * twice in a row on one thread (the list reader checks it, the planner names its file), and the
     * second time costs a look-up. Keyed by the string's identity, so only the very same string hits.
     */
    private static final ThreadLocal<ParsedUrl> LAST_PARSED = new ThreadLocal<>();

    private String source;

    private final String scheme;
    private final String userInfo;
    private final String host;
    private final int port;
    private final String rawPath;
    private final String rawQuery;
    private final String rawFragment;
    /** Built once by {@link #parse} (its last check) and kept: every request needs it again. */
    private URI requestUri;

    private ParsedUrl(
            String scheme,
            String userInfo,
            String host,
            int port,
            String rawPath,
            String rawQuery,
            String rawFragment) {
        this.scheme = scheme;
        this.userInfo = userInfo;
        this.host = host;
        this.port = port;
        this.rawPath = rawPath;
        this.rawQuery = rawQuery;
        this.rawFragment = rawFragment;
    }

    /** Parses a URL, or says why it is not usable. */
    public static ParsedUrl parse(String url) throws InvalidUrlException {
        ParsedUrl last = LAST_PARSED.get();
        if (last != null && last.source == url) {
            return last;
        }
        ParsedUrl parsed = parseNew(url);
        parsed.source = url;
        LAST_PARSED.set(parsed);
        return parsed;
    }

    private static ParsedUrl parseNew(String url) {
        if (url == null) {
            throw new InvalidUrlException("unparseable URL: empty");
        }
        int bytes = url.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            throw new InvalidUrlException("URL longer than 8 KiB (" + bytes + " bytes)");
        }
        // like the WHATWG URL parser: surrounding white space and any tab or newline are dropped
        String text = UrlText.withoutTabsAndNewlines(url.strip());
        if (text.isEmpty()) {
            throw new InvalidUrlException("unparseable URL: empty");
        }
        Matcher parts = PARTS.matcher(text);
        if (!parts.matches()
                || parts.group(1) == null
                || !SCHEME.matcher(parts.group(1)).matches()) {
            throw new InvalidUrlException("unparseable URL: no scheme (expected http:// or https://)");
        }
        String scheme = parts.group(1).toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new InvalidUrlException("unsupported scheme '" + scheme + "' (only http and https)");
        }
        String authority = parts.group(2);
        if (authority == null || authority.isEmpty()) {
            throw new InvalidUrlException("no host");
        }
        int at = authority.lastIndexOf('@'); // browsers split at the last '@': a raw '@' may be in the password
        String userInfo =
                at < 0 ? null : PercentEncoding.encodeIllegal(authority.substring(0, at), PercentEncoding.USER_INFO);
        String hostPort = authority.substring(at + 1);
        int colon = hostPort.startsWith("[")
                ? hostPort.indexOf(':', Math.max(hostPort.indexOf(']'), 0))
                : hostPort.lastIndexOf(':');
        String host = CanonicalHost.of(colon < 0 ? hostPort : hostPort.substring(0, colon));
        int port = colon < 0 ? -1 : port(hostPort.substring(colon + 1));
        ParsedUrl parsed = new ParsedUrl(
                scheme,
                userInfo,
                host,
                port,
                PercentEncoding.encodeIllegal(parts.group(3), PercentEncoding.PATH),
                parts.group(4) == null ? null : PercentEncoding.encodeIllegal(parts.group(4), PercentEncoding.QUERY),
                parts.group(5) == null ? null : PercentEncoding.encodeIllegal(parts.group(5), PercentEncoding.QUERY));
        parsed.requestUri(); // the final check: java.net.URI must accept what we will send
        return parsed;
    }

    /** Null when the URL is usable, else why not. */
    public static String problem(String url) {
        try {
            parse(url);
            return null;
        } catch (InvalidUrlException e) {
            return e.getMessage();
        }
    }

    private static int port(String given) {
        if (given.isEmpty()) {
            return -1; // "http://host:/" is allowed by RFC 3986 and means the default port
        }
        if (!PORT.matcher(given).matches() || Integer.parseInt(given) < 1 || Integer.parseInt(given) > 65535) {
            // the port is not echoed: in a line like http://user:pa/ss@host/ it is part of the password
            throw new InvalidUrlException("unparseable URL: bad port (not a number from 1 to 65535)");
        }
        return Integer.parseInt(given);
    }

    /** http or https, lower-case. */
    public String scheme() {
        return scheme;
    }

    /**
     * The canonical host ({@link CanonicalHost}): lower case, no trailing dot, an international name
     * in its ASCII form, IPv4 in dotted decimal, IPv6 compressed in brackets.
     */
    public String host() {
        return host;
    }

    /** The port written in the URL, or -1. */
    public int port() {
        return port;
    }

    /** The port connected to: the written one, else 80 for http and 443 for https. */
    public int effectivePort() {
        return port != -1 ? port : defaultPort();
    }

    private int defaultPort() {
        return scheme.equals("https") ? 443 : 80;
    }

    /** The path, percent-encoded; empty when the URL has none. */
    public String rawPath() {
        return rawPath;
    }

    /** The query without its "?", percent-encoded, or null. */
    public String rawQuery() {
        return rawQuery;
    }

    /** The user info as written (still percent-encoded), or null. */
    public String userInfo() {
        return userInfo;
    }

    /**
     * What to send: no user info, no fragment, an empty path as "/", literal dot segments resolved
     * (as curl and browsers do; an encoded {@code %2e} is sent as written).
     */
    public URI requestUri() {
        URI known = requestUri;
        if (known != null) {
            return known;
        }
        String path = DotSegments.remove(requestPath());
        String text = scheme + "://" + authority(false) + path + (rawQuery == null ? "" : "?" + rawQuery);
        try {
            URI uri = new URI(text);
            if (uri.getHost() == null && CanonicalHost.address(host) != null) {
                // an address java.net.URI cannot take would reach the HTTP client as no host at all
                throw new InvalidUrlException("unparseable URL: bad host address");
            }
            requestUri = uri;
            return requestUri;
        } catch (URISyntaxException e) {
            throw new InvalidUrlException("unparseable URL: " + e.getReason() + " at index " + e.getIndex());
        }
    }

    /** {@code Basic base64(user:password)} from the URL's credentials, or null when it has none. */
    public String basicAuthorization() {
        if (userInfo == null || userInfo.isEmpty()) {
            return null;
        }
        int colon = userInfo.indexOf(':');
        String user = PercentEncoding.decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
        String password = colon < 0 ? "" : PercentEncoding.decode(userInfo.substring(colon + 1));
        String pair = user + ":" + password;
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code scheme://host:port}, the port always written: the key of per-host limits and pauses. */
    public String hostKey() {
        return scheme + "://" + host + ":" + effectivePort();
    }

    /**
     * RFC 3986 normal form, to recognise the same URL written twice: scheme and host lower-case,
     * escapes upper-case and unreserved ones decoded, dot segments removed, the default port dropped,
     * an empty path as "/", no fragment. User info and query are kept.
     */
    public String normalized() {
        String path = DotSegments.remove(PercentEncoding.normalise(requestPath()));
        return scheme
                + "://"
                + (userInfo == null ? "" : PercentEncoding.normalise(userInfo) + "@")
                + host
                + (port == -1 || port == defaultPort() ? "" : ":" + port)
                + path
                + (rawQuery == null ? "" : "?" + PercentEncoding.normalise(rawQuery));
    }

    /** The URL as parsed (encoded), credentials written {@code ***}: safe for logs. */
    @Override
    public String toString() {
        return redact(scheme + "://" + authority(true) + rawPath + (rawQuery == null ? "" : "?" + rawQuery)
                + (rawFragment == null ? "" : "#" + rawFragment));
    }

    /**
     * Writes credentials in URLs as {@code ***} ({@code https://user:pass@host/} becomes {@code
     * https://***@host/}), in a URL, an invalid one or any text with URLs in it; text without
     * credentials comes back unchanged. See {@link Credentials}.
     */
    public static String redact(String anyText) {
        return Credentials.redact(anyText);
    }

    private String authority(boolean withUserInfo) {
        String userPart = withUserInfo && userInfo != null ? userInfo + "@" : "";
        return userPart + host + (port == -1 ? "" : ":" + port);
    }

    private String requestPath() {
        return rawPath.isEmpty() ? "/" : rawPath;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ParsedUrl that && normalized().equals(that.normalized());
    }

    @Override
    public int hashCode() {
        return normalized().hashCode();
    }
}
