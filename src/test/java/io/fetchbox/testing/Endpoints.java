package io.fetchbox.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** The test server's endpoints, one small method each; {@link #route} picks one by path. */
final class Endpoints {

    private static final String USER = "user";
    private static final String PASSWORD = "secret-pa55";
    private static final long GIB = 1L << 30;

    /** /huge (not exact) repeats this block: the content does not matter there, the speed does. */
    private static final byte[] HUGE_BLOCK = Bodies.bytes("huge", 0, 1 << 20);

    private interface Handler {
        void handle(Call c) throws IOException;
    }

    /** Keys ending in "/" match a prefix (the rest is the endpoint's argument); others match exactly. */
    private static final Map<String, Handler> ROUTES = Map.ofEntries(
            Map.entry("/f/", c -> file(c, c.path().substring("/f/".length()))),
            Map.entry("/status/", Endpoints::status),
            Map.entry("/redirect", Endpoints::redirect),
            Map.entry("/loop/", Endpoints::loop),
            Map.entry("/to-file", Endpoints::toFile),
            Map.entry("/auth/", Endpoints::auth),
            Map.entry("/disposition", Endpoints::disposition),
            Map.entry("/huge", Endpoints::huge),
            Map.entry("/stall", Endpoints::stall),
            Map.entry("/truncate", Endpoints::truncate),
            Map.entry("/headers", Endpoints::headers));

    private Endpoints() {}

    static void route(Call c) throws IOException {
        String path = c.path();
        Handler handler = ROUTES.get(path);
        if (handler == null) {
            int slash = path.indexOf('/', 1);
            handler = slash < 0 ? null : ROUTES.get(path.substring(0, slash + 1));
        }
        if (handler == null) {
            c.text(404, "no such endpoint: " + path + "\n");
        } else {
            handler.handle(c);
        }
    }

    /**
     * {@code /f/<name>?size=N&seed=S}: Bodies(name, S, N) with validators, conditional requests and
     * {@code Range: bytes=a-} / {@code a-b} / {@code -n} (guarded by If-Range). Options: {@code ctype},
     * {@code noetag=1}, {@code nolm=1}, {@code delay_ms} (before the headers), {@code pause_ms} (mid-body).
     */
    static void file(Call c, String name) throws IOException {
        long size = c.longParam("size", 1024);
        long seed = c.longParam("seed", 0);
        String etag = c.flag("noetag") ? null : Bodies.etag(name, seed, size);
        String lastModified = c.flag("nolm") ? null : Bodies.lastModified(seed);
        if (!c.hold(c.longParam("delay_ms", 0))) {
            return;
        }
        c.headers().set("Content-Type", c.param("ctype", "application/octet-stream"));
        c.headers().set("Accept-Ranges", "bytes");
        if (etag != null) {
            c.headers().set("ETag", etag);
        }
        if (lastModified != null) {
            c.headers().set("Last-Modified", lastModified);
        }
        if (notModified(c, etag, lastModified)) {
            c.send(304, -1);
            return;
        }
        long from = 0;
        long to = size - 1;
        int status = 200;
        String range = c.header("Range");
        if (range != null && ifRangeMatches(c.header("If-Range"), etag, lastModified)) {
            long[] r = parseRange(range, size);
            if (r != null && r[0] > r[1]) {
                c.headers().set("Content-Range", "bytes */" + size);
                c.send(416, -1);
                return;
            }
            if (r != null) {
                from = r[0];
                to = r[1];
                status = 206;
                c.headers().set("Content-Range", "bytes " + from + "-" + to + "/" + size);
            }
        }
        long length = to + 1 - from;
        c.sendBody(status, Bodies.stream(name, seed, to + 1, from), length, c.longParam("pause_ms", 0));
    }

    /** {@code /status/<code>[?retry_after=S]}: that status with a small text body. */
    static void status(Call c) throws IOException {
        int code = Integer.parseInt(c.path().substring("/status/".length()).replaceAll("/+$", ""));
        String retryAfter = c.param("retry_after", null);
        if (retryAfter != null) {
            c.headers().set("Retry-After", retryAfter);
        }
        if (code == 204 || code == 304 || code < 200) {
            c.send(code, -1); // statuses that carry no body
        } else {
            c.text(code, "status " + code + "\n");
        }
    }

    /** {@code /redirect?to=<url-encoded URL>&code=302}. */
    static void redirect(Call c) throws IOException {
        String to = c.param("to", null);
        if (to == null) {
            c.text(400, "redirect needs to=\n");
            return;
        }
        redirectTo(c, (int) c.longParam("code", 302), to);
    }

    /** {@code /loop/<n>} redirects to {@code /loop/<n+1>}, forever. */
    static void loop(Call c) throws IOException {
        long n = Long.parseLong(c.path().substring("/loop/".length()));
        redirectTo(c, 302, c.server.url("/loop/" + (n + 1)));
    }

    /** {@code /to-file}: a redirect a client must refuse to follow. */
    static void toFile(Call c) throws IOException {
        redirectTo(c, 302, "file:///etc/passwd");
    }

    /** {@code /auth/<name>?size=N&seed=S}: the /f/ body, for Basic user:secret-pa55 only. */
    static void auth(Call c) throws IOException {
        String expected = USER + ":" + PASSWORD;
        String given = c.header("Authorization");
        boolean ok = false;
        if (given != null && given.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                byte[] decoded = Base64.getDecoder().decode(given.substring(6).trim());
                ok = expected.equals(new String(decoded, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                ok = false; // not base64: same as wrong credentials
            }
        }
        if (!ok) {
            c.headers().set("WWW-Authenticate", "Basic realm=\"fetchbox-test\"");
            c.text(401, "unauthorized\n");
            return;
        }
        file(c, c.path().substring("/auth/".length()));
    }

    /** {@code /disposition?filename=<url-encoded>&size=N&seed=S}: the filename sent raw, unsanitised. */
    static void disposition(Call c) throws IOException {
        long size = c.longParam("size", 16);
        c.headers().set("Content-Type", "application/octet-stream");
        c.headers().set("Content-Disposition", "attachment; filename=\"" + c.param("filename", "") + "\"");
        c.sendBody(200, Bodies.stream("disposition", c.longParam("seed", 0), size), size, 0);
    }

    /**
     * {@code /huge?size=N} (default 10 GiB) announces N and streams a repeated block until the client goes
     * away; {@code exact=1} sends exactly Bodies("huge", 0, N) instead, for a checksum.
     */
    static void huge(Call c) throws IOException {
        long size = c.longParam("size", 10 * GIB);
        c.headers().set("Content-Type", "application/octet-stream");
        if (c.flag("exact")) {
            c.sendBody(200, Bodies.stream("huge", 0, size), size, 0);
            return;
        }
        c.send(200, size);
        if (c.isHead()) {
            return;
        }
        OutputStream out = c.exchange.getResponseBody();
        for (long left = size; left > 0 && !c.server.isClosed(); ) {
            int n = (int) Math.min(HUGE_BLOCK.length, left);
            out.write(HUGE_BLOCK, 0, n); // fails as soon as the client is gone: recorded by the server
            left -= n;
        }
    }

    /** {@code /stall?size=N}: headers and 10 bytes, then silence until the client or the server closes. */
    static void stall(Call c) throws IOException {
        long size = c.longParam("size", 1 << 20);
        c.headers().set("Content-Type", "application/octet-stream");
        c.send(200, size);
        if (c.isHead()) {
            return;
        }
        OutputStream out = c.exchange.getResponseBody();
        out.write(Bodies.bytes("stall", 0, Math.min(10, size)));
        out.flush();
        c.hold(Call.MAX_WAIT_MS); // then the server drops the connection, the body short
    }

    /** {@code /truncate?size=N}: announces N, sends N/2, then drops the connection. */
    static void truncate(Call c) throws IOException {
        long size = c.longParam("size", 1000);
        c.headers().set("Content-Type", "application/octet-stream");
        c.send(200, size);
        if (c.isHead()) {
            return;
        }
        OutputStream out = c.exchange.getResponseBody();
        c.copy(Bodies.stream("truncate", 0, size / 2), size / 2, out);
        out.flush();
        c.exchange.close(); // fewer bytes than announced: the JDK server closes the connection
    }

    /** {@code /headers}: the request headers as {@code name: value} lines, names lower-cased, sorted. */
    static void headers(Call c) throws IOException {
        StringBuilder body = new StringBuilder();
        for (Map.Entry<String, List<String>> h : c.request.headers().entrySet()) {
            for (String value : h.getValue()) {
                body.append(h.getKey()).append(": ").append(value).append('\n');
            }
        }
        c.text(200, body.toString());
    }

    private static void redirectTo(Call c, int code, String location) throws IOException {
        c.headers().set("Location", location);
        c.text(code, "redirect to " + location + "\n");
    }

    /** If-None-Match wins over If-Modified-Since (RFC 9110 13.2.2). */
    private static boolean notModified(Call c, String etag, String lastModified) {
        String inm = c.header("If-None-Match");
        if (inm != null) {
            return etag != null
                    && (inm.trim().equals("*")
                            || List.of(inm.split("\\s*,\\s*")).contains(etag));
        }
        String ims = c.header("If-Modified-Since");
        return ims != null && lastModified != null && epoch(ims) >= epoch(lastModified);
    }

    /** No If-Range, or one that names the current ETag (strong) or Last-Modified exactly. */
    private static boolean ifRangeMatches(String ifRange, String etag, String lastModified) {
        if (ifRange == null) {
            return true;
        }
        if (ifRange.startsWith("\"") || ifRange.startsWith("W/")) {
            return ifRange.equals(etag);
        }
        return lastModified != null && epoch(ifRange) == epoch(lastModified);
    }

    /** {first, last} of one {@code bytes=} range; {1, 0} if unsatisfiable; null if not understood. */
    private static long[] parseRange(String header, long size) {
        if (!header.startsWith("bytes=") || header.contains(",")) {
            return null; // several ranges: answer with the whole body, as servers may
        }
        String spec = header.substring("bytes=".length()).trim();
        int dash = spec.indexOf('-');
        try {
            if (dash == 0) { // last n bytes
                long n = Long.parseLong(spec.substring(1));
                return n == 0 || size == 0 ? new long[] {1, 0} : new long[] {Math.max(0, size - n), size - 1};
            }
            long first = Long.parseLong(spec.substring(0, dash));
            String rest = spec.substring(dash + 1);
            long last = rest.isEmpty() ? size - 1 : Math.min(Long.parseLong(rest), size - 1);
            return first >= size ? new long[] {1, 0} : new long[] {first, last};
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            return null;
        }
    }

    /** Epoch seconds of an HTTP date, or Long.MIN_VALUE if it is not one (never matches). */
    private static long epoch(String httpDate) {
        try {
            return ZonedDateTime.parse(httpDate.trim(), DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toEpochSecond();
        } catch (DateTimeParseException e) {
            return Long.MIN_VALUE;
        }
    }
}
