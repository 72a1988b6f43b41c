package io.fetchbox.testing;

import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Deterministic pseudo-random bodies, generated on the fly and never held in memory.
 *
 * <p>Byte {@code p} of body (name, seed) is a byte of {@code splitmix64(key(name, seed) + (p / 8) * gamma)}:
 * a counter-based generator, so any offset can be produced directly (Range requests, resumes) and whole
 * 8-byte words are written at a time (several GB/s). The content at a position does not depend on the
 * size, so a shorter body is a prefix of a longer one with the same name and seed.
 */
public final class Bodies {

    private static final long GAMMA = 0x9E3779B97F4A7C15L;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final int MAX_BYTES = 64 << 20;
    private static final long JAN_1_2024 = 1_704_067_200L;
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern(
                    "EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
            .withZone(ZoneOffset.UTC);

    private Bodies() {}

    /** The whole body. */
    public static InputStream stream(String name, long seed, long size) {
        return stream(name, seed, size, 0);
    }

    /** Bytes {@code from} .. {@code size - 1} of the body, as sent for {@code Range: bytes=from-}. */
    public static InputStream stream(String name, long seed, long size, long from) {
        if (from < 0 || size < 0 || from > size) {
            throw new IllegalArgumentException("from " + from + " size " + size);
        }
        return new Generated(key(name, seed), from, size);
    }

    /** The body as an array; for small sizes only (up to 64 MiB). */
    public static byte[] bytes(String name, long seed, long size) {
        if (size < 0 || size > MAX_BYTES) {
            throw new IllegalArgumentException("use stream() for " + size + " bytes");
        }
        byte[] out = new byte[(int) size];
        fill(key(name, seed), 0, out, 0, out.length);
        return out;
    }

    /** Lower-case hex SHA-256 of the body, computed while generating it. */
    public static String sha256(String name, long seed, long size) {
        MessageDigest sha = sha256();
        long key = key(name, seed);
        byte[] buf = new byte[256 << 10];
        for (long pos = 0; pos < size; ) {
            int n = (int) Math.min(buf.length, size - pos);
            fill(key, pos, buf, 0, n);
            sha.update(buf, 0, n);
            pos += n;
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** A quoted strong ETag that changes with name, seed and size, like {@code "9f3c...-400"}. */
    public static String etag(String name, long seed, long size) {
        return String.format("\"%016x-%x\"", mix(key(name, seed) ^ mix(size)), size);
    }

    /** 2024-01-01T00:00:00Z plus {@code seed} minutes. */
    public static long lastModifiedEpochSeconds(long seed) {
        return JAN_1_2024 + seed * 60;
    }

    /** {@link #lastModifiedEpochSeconds} as the server sends it in {@code Last-Modified}. */
    public static String lastModified(long seed) {
        return httpDate(lastModifiedEpochSeconds(seed));
    }

    /** An IMF-fixdate (RFC 9110), e.g. {@code Mon, 01 Jan 2024 00:00:00 GMT}. */
    public static String httpDate(long epochSeconds) {
        return HTTP_DATE.format(Instant.ofEpochSecond(epochSeconds));
    }

    static long key(String name, long seed) {
        long h = 0xcbf29ce484222325L; // FNV-1a of the name, then mixed with the seed
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        return mix(h ^ mix(seed + GAMMA));
    }

    /** Writes body bytes {@code pos .. pos + len - 1} into {@code dst[off ..]}. */
    static void fill(long key, long pos, byte[] dst, int off, int len) {
        int end = off + len;
        while (off < end && (pos & 7) != 0) { // unaligned head
            dst[off++] = byteAt(key, pos++);
        }
        for (long word = pos >>> 3; end - off >= 8; word++, off += 8, pos += 8) {
            LONGS.set(dst, off, mix(key + word * GAMMA));
        }
        while (off < end) { // tail
            dst[off++] = byteAt(key, pos++);
        }
    }

    private static byte byteAt(long key, long pos) {
        return (byte) (mix(key + (pos >>> 3) * GAMMA) >>> ((pos & 7) * 8));
    }

    /** The splitmix64 finaliser. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Generates straight into the caller's buffer: no copy, no internal buffer. */
    private static final class Generated extends InputStream {
        private final long key;
        private final long end;
        private long pos;

        Generated(long key, long pos, long end) {
            this.key = key;
            this.pos = pos;
            this.end = end;
        }

        @Override
        public int read() {
            return pos < end ? byteAt(key, pos++) & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            if (pos >= end) {
                return -1;
            }
            int n = (int) Math.min(len, end - pos);
            fill(key, pos, b, off, n);
            pos += n;
            return n;
        }

        @Override
        public long skip(long n) {
            long k = Math.max(0, Math.min(n, end - pos));
            pos += k;
            return k;
        }

        @Override
        public int available() {
            return (int) Math.min(Integer.MAX_VALUE, end - pos);
        }
    }
}
