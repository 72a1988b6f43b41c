package io.fetchbox.fetch;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A response body whose first bytes were read ahead (to check its type) and are given again first.
 * Aborting it aborts the connection underneath, as for the body itself ({@link StreamAbort}).
 */
final class PeekedBody extends FilterInputStream {
    private final byte[] head;
    private final int headLength;
    private int given;

    PeekedBody(byte[] head, int headLength, InputStream rest) {
        super(rest);
        this.head = head;
        this.headLength = headLength;
    }

    /** The body after its first bytes: what {@link StreamAbort} aborts. */
    InputStream rest() {
        return in;
    }

    @Override
    public int read() throws IOException {
        return given < headLength ? head[given++] & 0xFF : in.read();
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (given < headLength) {
            int n = Math.min(length, headLength - given);
            System.arraycopy(head, given, buffer, offset, n);
            given += n;
            return n;
        }
        return in.read(buffer, offset, length);
    }

    @Override
    public int available() throws IOException {
        return (headLength - given) + in.available();
    }

    @Override
    public long skip(long n) throws IOException {
        throw new IOException("a body is read whole, never skipped");
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
