package io.fetchbox.testing;

import java.io.IOException;
import java.io.InputStream;
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
    /** Body size of the fault endpoints when no {@code size} is given. */
    private static final long FAULT_SIZE = 1000;
    /** /slow/ writes this many chunks a second (fewer when the rate is under this many bytes a second). */
    private static final long SLOW_TICKS = 20;

    private static final long SLOW_MAX_CHUNK = 64 << 10;
    /** /slow/ waits longer than this watch for the client leaving (cheaper short waits just write). */
    private static final long SLOW_PROBE_NANOS = 100_000_000L;

    /** /huge (not exact) repeats this block: the content does not matter there, the speed does. */
    private static final byte[] HUGE_BLOCK = Bodies.bytes("huge", 0, 1 << 20);

    private interface Handler {
        void handle(Call c) throws IOException;
    }

    /** Sends a body once {@link #serveBody} has decided its status, headers and byte range. */
    private interface BodySender {
        void send(Call c, int status, InputStream content, long length) throws IOException;
    }

    /** A path the endpoint cannot parse: answered 400 with the usage. */
    private static final class BadPath extends RuntimeException {
        BadPath(String message) {
            super(message);
        }
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
            Map.entry("/headers", Endpoints::headers),
            Map.entry("/flaky/", Endpoints::flaky),
            Map.entry("/pause-host/", Endpoints::pauseHost),
            Map.entry("/reset/", Endpoints::reset),
            Map.entry("/truncate/", Endpoints::truncateFirst),
            Map.entry("/slow/", Endpoints::slow),
            Map.entry("/typed/", Endpoints::typed));

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
            return;
        }
        try {
            handler.handle(c);
        } catch (BadPath e) {
            c.text(400, e.getMessage() + "\n");
        }
    }

    /**
     * {@code /f/<name>?size=N&seed=S}: Bodies(name, S, N) (N defaults to 1024) as {@link #serveBody} serves
     * it, plus {@code pause_ms}: half the body, a pause, then the rest.
     */
    static void file(Call c, String name) throws IOException {
        serveBody(c, name, 1024, Endpoints::whole);
    }

    /**
     * The body Bodies(name, S, N) for {@code ?size=N&seed=S} (N defaults to {@code defaultSize}, S to 0), as
     * /f/ and every fault endpoint serve it: {@code Accept-Ranges: bytes}, a strong {@code ETag}
     * ({@link Bodies#etag}) and {@code Last-Modified} ({@link Bodies#lastModified}); conditional requests
     * ({@code If-None-Match}, else {@code If-Modified-Since}) get 304; {@code Range: bytes=a-} / {@code a-b}
     * / {@code -n} gets 206 with {@code Content-Range}, unless an {@code If-Range} names neither the ETag nor
     * the exact Last-Modified date (then 200 and the whole body); an unsatisfiable range gets 416. Options:
     * {@code ctype}, {@code noetag=1}, {@code nolm=1}, {@code delay_ms} (before the headers). The
     * {@code sender} then sends the status, the headers and the chosen bytes its own way.
     */
    private static void serveBody(Call c, String name, long defaultSize, BodySender sender) throws IOException {
        long size = c.longParam("size", defaultSize);
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
        sender.send(c, status, Bodies.stream(name, seed, to + 1, from), to + 1 - from);
    }

    /** The /f/ way: all of it, or with {@code pause_ms} half, a pause, then the rest. */
    private static void whole(Call c, int status, InputStream content, long length) throws IOException {
        c.sendBody(status, content, length, c.longParam("pause_ms", 0));
    }

    /** Announces {@code length}, sends {@code length / 2} bytes, then drops the connection. */
    private static void halfThenDrop(Call c, int status, InputStream content, long length) throws IOException {
        c.send(status, length);
        if (c.isHead()) {
            return;
        }
        OutputStream out = c.body();
        c.copy(content, length / 2, out);
        out.flush();
        c.exchange.close(); // fewer bytes than announced: the JDK server closes the connection
    }

    /** {@code /status/<code>[?retry_after=S]}: that status with a small text body. */
    static void status(Call c) throws IOException {
        int code = Integer.parseInt(c.path().substring("/status/".length()).replaceAll("/+$", ""));
        String retryAfter = c.param("retry_after", null);
        if (retryAfter != null) {
            c.headers().set("Retry-After", retryAfter);
        }
        statusOnly(c, code);
    }

    /** {@code code} with a small text body, or none for the statuses that carry none. */
    private static void statusOnly(Call c, int code) throws IOException {
        if (code == 204 || code == 304 || code < 200) {
            c.send(code, -1);
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
    /**
     * {@code /typed/<kind>?ctype=T&size=N}: a body of a kind ({@code jpeg}, {@code png}, {@code html},
     * {@code json}, {@code short}: two bytes of a JPEG signature) as {@code ctype} says, or with no
     * Content-Type at all for {@code ctype=none} (default: the kind's own type). {@code html} is padded to
     * {@code size} bytes, so that a client that reads it all can be told from one that hangs up.
     */
    static void typed(Call c) throws IOException {
        String kind = c.path().substring("/typed/".length());
        byte[] body = typedBody(kind, c.longParam("size", 0));
        String ctype = c.param("ctype", null);
        if (ctype == null) {
            ctype = switch (kind) {
                case "jpeg", "short" -> "image/jpeg";
                case "png" -> "image/png";
                case "html" -> "text/html; charset=utf-8";
                default -> "application/json";
            };
        }
        if (!ctype.equals("none")) {
            c.headers().set("Content-Type", ctype);
        }
        c.sendBody(200, new java.io.ByteArrayInputStream(body), body.length, 0);
    }

    /** The bodies of {@link #typed}: the same bytes for the same kind and size. */
    public static byte[] typedBody(String kind, long size) {
        byte[] filler = Bodies.bytes("typed-" + kind, 0, 2000);
        return switch (kind) {
            case "jpeg" -> concat(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}, filler);
            case "png" -> concat(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, filler);
            case "short" -> new byte[] {(byte) 0xFF, (byte) 0xD8};
            case "json" -> "{\"error\":\"not found\"}".getBytes(StandardCharsets.UTF_8);
            case "html" -> {
                byte[] page =
                        "<!DOCTYPE html><html><head><title>Sign in</title></head><body>Please sign in</body></html>\n"
                                .getBytes(StandardCharsets.UTF_8);
                byte[] padded = new byte[(int) Math.max(page.length, size)];
                java.util.Arrays.fill(padded, (byte) ' ');
                System.arraycopy(page, 0, padded, 0, page.length);
                yield padded;
            }
            default -> throw new BadPath("/typed/<jpeg|png|html|json|short>");
        };
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

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
        OutputStream out = c.body();
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
        OutputStream out = c.body();
        out.write(Bodies.bytes("stall", 0, Math.min(10, size)));
        out.flush();
        c.hold(Call.MAX_WAIT_MS); // then the server drops the connection, the body short
    }

    /**
     * {@code /truncate?size=N}: announces N, sends N/2 of Bodies("truncate", 0, N), then drops the connection,
     * every time, without validators; see {@code /truncate/<key>/<n>} for one that recovers.
     */
    static void truncate(Call c) throws IOException {
        long size = c.longParam("size", FAULT_SIZE);
        c.headers().set("Content-Type", "application/octet-stream");
        halfThenDrop(c, 200, Bodies.stream("truncate", 0, size), size);
    }

    /**
     * {@code /flaky/<key>/<n>/<code>?retry_after=S&retry_after_date=1&size=N&seed=S}: the first n requests
     * for key get status {@code code} (with {@code Retry-After: S}, or with {@code retry_after_date=1} an HTTP
     * date S seconds ahead, rounded up to the next whole second); later ones get the body of key as
     * {@link #serveBody} serves it.
     */
    static void flaky(Call c) throws IOException {
        String[] a = args(c, "/flaky/", 3, "/flaky/<key>/<n>/<code>");
        int n = number(a[1], "n");
        int code = number(a[2], "code");
        if (c.server.hit("flaky/" + a[0]) > n) {
            serveBody(c, a[0], FAULT_SIZE, Endpoints::whole);
            return;
        }
        String seconds = c.param("retry_after", null);
        if (seconds != null) {
            String value = seconds;
            if (c.flag("retry_after_date")) {
                long now = Math.floorDiv(System.currentTimeMillis() + 999, 1000);
                value = Bodies.httpDate(now + number(seconds, "retry_after"));
            }
            c.headers().set("Retry-After", value);
        }
        statusOnly(c, code);
    }

    /**
     * {@code /pause-host/<key>/<seconds>/<name>?code=429&size=N&seed=S}: the first request under key, whatever
     * its name, gets {@code code} (default 429) with {@code Retry-After: <seconds>}; every other request under
     * key gets the body of name (which may contain '/') as {@link #serveBody} serves it.
     */
    static void pauseHost(Call c) throws IOException {
        String[] a = args(c, "/pause-host/", 3, "/pause-host/<key>/<seconds>/<name>");
        number(a[1], "seconds");
        if (c.server.hit("pause-host/" + a[0]) > 1) {
            serveBody(c, a[2], FAULT_SIZE, Endpoints::whole);
            return;
        }
        c.headers().set("Retry-After", a[1]);
        statusOnly(c, (int) c.longParam("code", 429));
    }

    /**
     * {@code /reset/<key>/<n>?size=N&seed=S}: the first n requests for key get no response at all: the
     * handler closes the exchange before sending headers, on which the JDK server closes the socket, so the
     * client reads end-of-stream before any status line (a FIN, not an RST: the JDK server gives a handler
     * no socket to set SO_LINGER 0 on). Later requests get the body of key as {@link #serveBody} serves it.
     * Clients that retry such a failure on their own use up one of the n each time (the JDK HttpClient
     * silently retries a GET once when no response byte came, even on a new connection; Apache HttpClient
     * may, depending on its retry strategy): count attempts with {@link TestServer#requests(String)}.
     */
    static void reset(Call c) throws IOException {
        String[] a = args(c, "/reset/", 2, "/reset/<key>/<n>");
        int n = number(a[1], "n");
        if (c.server.hit("reset/" + a[0]) > n) {
            serveBody(c, a[0], FAULT_SIZE, Endpoints::whole);
            return;
        }
        c.exchange.close(); // no headers sent: the JDK server closes the connection; status stays 0
    }

    /**
     * {@code /truncate/<key>/<n>?size=N&seed=S}: the body of key as {@link #serveBody} serves it (validators,
     * Range, If-Range, conditional requests), but for the first n requests for key only half of what is
     * announced is sent (N/2 of a 200; half the range of a 206) before the connection is dropped.
     */
    static void truncateFirst(Call c) throws IOException {
        String[] a = args(c, "/truncate/", 2, "/truncate/<key>/<n>");
        int n = number(a[1], "n");
        boolean cut = c.server.hit("truncate/" + a[0]) <= n;
        serveBody(c, a[0], FAULT_SIZE, cut ? Endpoints::halfThenDrop : Endpoints::whole);
    }

    /**
     * {@code /slow/<name>?size=N&seed=S&bps=B}: the body of name as {@link #serveBody} serves it (Range,
     * If-Range and the rest), trickled at about B bytes a second (default 50,000) in 20 chunks a second (one
     * byte at a time under 20 B/s), each flushed; it stops at once when the server closes, and within a
     * chunk or two when the client goes away.
     */
    static void slow(Call c) throws IOException {
        String name = c.path().substring("/slow/".length());
        if (name.isEmpty()) {
            throw new BadPath("usage: /slow/<name>?size=N&seed=S&bps=B");
        }
        long bps = Math.max(1, c.longParam("bps", 50_000));
        serveBody(c, name, FAULT_SIZE, (call, status, content, length) -> trickle(call, status, content, length, bps));
    }

    private static void trickle(Call c, int status, InputStream content, long length, long bps) throws IOException {
        c.send(status, length);
        if (c.isHead()) {
            return;
        }
        OutputStream out = c.body();
        byte[] buf = new byte[(int) Math.max(1, Math.min(SLOW_MAX_CHUNK, bps / SLOW_TICKS))];
        long start = System.nanoTime();
        for (long sent = 0; sent < length; ) {
            int n = (int) Math.min(buf.length, length - sent);
            // each chunk leaves when the rate allows all of it: B bytes a second, from the first byte on
            if (!pace(c, start + (long) ((sent + n) * 1e9 / bps) - System.nanoTime())) {
                return; // the server is closing or the client left: the connection is dropped short
            }
            n = content.read(buf, 0, n);
            out.write(buf, 0, n);
            out.flush(); // on the wire now: once the client is gone, the next write or the one after fails
            sent += n;
        }
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

    /** Waits {@code nanos}; false, early, if the server closes or (long waits only) the client leaves. */
    private static boolean pace(Call c, long nanos) {
        if (nanos <= 0) {
            return true;
        }
        return nanos > SLOW_PROBE_NANOS ? c.holdNanos(nanos) : !c.server.awaitClose(nanos);
    }

    /** The {@code count} '/'-separated arguments after {@code prefix}, the last taking the rest. */
    private static String[] args(Call c, String prefix, int count, String usage) {
        String[] a = c.path().substring(prefix.length()).split("/", count);
        if (a.length != count || List.of(a).contains("")) {
            throw new BadPath("usage: " + usage);
        }
        return a;
    }

    private static int number(String s, String what) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new BadPath(what + " is not a number: " + s);
        }
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
