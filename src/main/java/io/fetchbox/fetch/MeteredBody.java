package io.fetchbox.fetch;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * The response body on its way to disk: counts bytes, digests them (SHA-256 always, plus the list's
 * checksum algorithm when it differs), stops a body that grows past the byte limit and notices one
 * that ends before its Content-Length. On any failure the connection is aborted rather than
 * drained, so a huge or stalled body costs nothing more.
 */
public final class MeteredBody extends FilterInputStream {
    private final long maxBytes;
    private final long expectedLength;
    private final MessageDigest sha256;
    private final MessageDigest extra;
    private final Runnable bytesArrived;
    private long bytes;
    private boolean aborted;
    private boolean ended;

    /**
     * @param maxBytes 0 for no limit
     * @param expectedLength the announced Content-Length, or -1
     * @param extraAlgorithm the list's checksum algorithm when it is not SHA-256, else null
     * @param bytesArrived told after every read that returned bytes (a download that progresses is not stalled)
     */
    public MeteredBody(
            InputStream body, long maxBytes, long expectedLength, String extraAlgorithm, Runnable bytesArrived) {
        super(body);
        this.bytesArrived = bytesArrived;
        this.maxBytes = maxBytes;
        this.expectedLength = expectedLength;
        this.sha256 = digest("SHA-256");
        this.extra = extraAlgorithm == null || "SHA-256".equals(extraAlgorithm) ? null : digest(extraAlgorithm);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n;
        try {
            n = in.read(buffer, offset, length);
        } catch (IOException e) {
            abort();
            throw e;
        }
        if (n < 0) {
            ended = true;
            if (expectedLength >= 0 && bytes < expectedLength) {
                abort();
                throw new BodyFailure(new FetchFailure(
                        "truncated", null, "body ended after " + bytes + " of " + expectedLength + " bytes"));
            }
            return n;
        }
        bytes += n;
        bytesArrived.run();
        if (maxBytes > 0 && bytes > maxBytes) {
            abort();
            throw new BodyFailure(new FetchFailure(
                    "too_large", null, "body is larger than fetchbox.max-bytes (" + maxBytes + " bytes)"));
        }
        sha256.update(buffer, offset, n);
        if (extra != null) {
            extra.update(buffer, offset, n);
        }
        return n;
    }

    /**
     * Counts and digests bytes already on disk (the start of a resumed body), so that the size,
     * limit and digests are those of the whole file.
     */
    public void include(InputStream alreadyWritten) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        for (int n; (n = alreadyWritten.read(buffer)) > 0; ) {
            bytes += n;
            sha256.update(buffer, 0, n);
            if (extra != null) {
                extra.update(buffer, 0, n);
            }
        }
    }

    @Override
    public long skip(long n) throws IOException {
        throw new IOException("a metered body is read, never skipped");
    }

    /**
     * After the whole body, a normal close (the connection goes back to the pool); before it (the
     * disk failed, the writer gave up), an abort: HttpClient would otherwise read the rest first.
     */
    @Override
    public void close() throws IOException {
        if (ended && !aborted) {
            super.close();
        } else {
            abort();
        }
    }

    /** Drops the connection without reading what is left of the body. */
    public void abort() {
        if (!aborted) {
            aborted = true;
            StreamAbort.abort(in);
        }
    }

    public long bytes() {
        return bytes;
    }

    public String sha256Hex() {
        return HexFormat.of().formatHex(sha256.digest());
    }

    /** The digest in the list's algorithm (SHA-256 when none other was asked for). */
    public String checksumHex(String sha256Hex) {
        return extra == null ? sha256Hex : HexFormat.of().formatHex(extra.digest());
    }

    private static MessageDigest digest(String algorithm) {
        return Digests.of(algorithm);
    }

    /** Carries a {@link FetchFailure} through stream code that only lets IOExceptions pass. */
    public static final class BodyFailure extends IOException {
        public BodyFailure(FetchFailure failure) {
            super(failure.getMessage(), failure);
        }

        public FetchFailure failure() {
            return (FetchFailure) getCause();
        }
    }
}
