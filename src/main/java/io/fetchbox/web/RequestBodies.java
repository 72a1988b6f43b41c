package io.fetchbox.web;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A request body as a plain blocking {@link InputStream}, read as it arrives. The platform-http
 * endpoint of {@code POST /api/batches} has {@code useBodyHandler=false}: its body is the paused
 * Vert.x request, nothing of it read yet. This stream asks Vert.x for a few chunks at a time (so at
 * most {@link #PREFETCH} chunks are ever held), and sends {@code 100 Continue} only when it is first
 * read: a request refused before (a bad name, a conflict, a declared size over the limit) makes
 * the client send nothing. From that first read on, the client must keep to {@link UploadLimits}'
 * minimum rate and total time, and never be silent for the idle timeout ({@link UploadPace}); a
 * connection that closes ends the stream with an exception at once (within a quarter of a second
 * when it closed before the stream was first read), so that the upload's temporary file goes with
 * it (README, "Operating fetchbox").
 */
public final class RequestBodies {
    /** Chunks asked for ahead of the reader. */
    static final int PREFETCH = 8;

    /** Bytes of a refused body read and dropped before its connection is closed instead. */
    static final long DISCARD_LIMIT = 8L << 20;

    private final long idleTimeoutNanos;
    private final UploadLimits limits;

    /** @param idleTimeout how long the client may send nothing before the upload is refused */
    public RequestBodies(Duration idleTimeout) {
        this(idleTimeout, UploadLimits.DEFAULT);
    }

    public RequestBodies(Duration idleTimeout, UploadLimits limits) {
        this.idleTimeoutNanos = Math.max(1, idleTimeout.toNanos());
        this.limits = limits;
    }

    /** The body of the exchange; an {@code InputStream} as it is, or the paused Vert.x request as a stream. */
    public InputStream open(Object body) {
        if (body instanceof InputStream in) {
            return in;
        }
        if (body instanceof HttpServerRequest request) {
            return new RequestStream(request, new PaceFactory(limits, idleTimeoutNanos));
        }
        return InputStream.nullInputStream();
    }

    /**
     * After a refusal: what the client still sends is read and dropped, so that it gets to read the
     * answer (a client that does not wait for {@code 100 Continue} sends its whole body first). Past
     * {@link #DISCARD_LIMIT} bytes an HTTP/1 connection is closed instead, as other servers do.
     */
    public void release(Object body) {
        if (!(body instanceof HttpServerRequest request)) {
            return;
        }
        AtomicLong dropped = new AtomicLong();
        try {
            if (request.isEnded()) {
                return;
            }
            request.exceptionHandler(e -> {});
            request.endHandler(v -> {});
            request.handler(chunk -> {
                if (dropped.addAndGet(chunk.length()) > DISCARD_LIMIT && request.version() != HttpVersion.HTTP_2) {
                    request.connection().close();
                }
            });
            request.resume();
        } catch (IllegalStateException ended) {
            // read to its end meanwhile: nothing left to drop
        }
    }

    /** The pace of a stream starts at its first read, not when the request arrived. */
    private record PaceFactory(UploadLimits limits, long idleNanos) {
        UploadPace start() {
            return new UploadPace(limits, idleNanos, System::nanoTime);
        }
    }

    private static final class RequestStream extends InputStream {
        private static final Object END = new Object();
        /**
         * A connection that closed while its request waited for a worker thread told no handler of
         * ours (the exception went nowhere, no end will come): {@code closed()} is looked at
         * whenever nothing arrived for this long, and Vert.x's own close handlers are left alone.
         */
        private static final long CLOSE_CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

        private final HttpServerRequest request;
        private final PaceFactory paceFactory;
        private UploadPace pace;
        private final BlockingQueue<Object> arrived = new LinkedBlockingQueue<>();
        private boolean started;
        private boolean ended;
        private byte[] chunk = new byte[0];
        private int position;

        RequestStream(HttpServerRequest request, PaceFactory paceFactory) {
            this.request = request;
            this.paceFactory = paceFactory;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] target, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            while (position >= chunk.length) {
                if (ended || !nextChunk()) {
                    return -1;
                }
            }
            int n = Math.min(length, chunk.length - position);
            System.arraycopy(chunk, position, target, offset, n);
            position += n;
            return n;
        }

        private boolean nextChunk() throws IOException {
            start();
            Object next = null;
            while (next == null) {
                long wait = Math.min(pace.checkAndWaitNanos(), CLOSE_CHECK_NANOS);
                try {
                    next = arrived.poll(wait, TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while reading the request body");
                }
                if (next == null && request.response().closed()) {
                    throw new IOException("the request body was cut short: the connection was closed");
                }
            }
            if (next == END) {
                ended = true;
                return false;
            }
            if (next instanceof Throwable failure) {
                throw new IOException("the request body was cut short: " + failure.getMessage(), failure);
            }
            chunk = ((Buffer) next).getBytes();
            position = 0;
            pace.arrived(chunk.length);
            fetch(1);
            return true;
        }

        private void start() throws IOException {
            if (started) {
                return;
            }
            started = true;
            try {
                request.handler(arrived::add);
                request.endHandler(v -> arrived.add(END));
                request.exceptionHandler(arrived::add);
            } catch (IllegalStateException e) {
                // the request is paused until this point, so its end cannot have been read yet
                throw new IOException("the request body was read before the route: " + e.getMessage(), e);
            }
            pace = paceFactory.start();
            if ("100-continue".equalsIgnoreCase(request.getHeader("Expect"))) {
                request.response().writeContinue();
            }
            fetch(PREFETCH);
        }

        /** Asks for more; once the end has been read (HTTP/2 then refuses any fetch) there is no more to ask. */
        private void fetch(int chunks) {
            try {
                request.fetch(chunks);
            } catch (IllegalStateException ended) {
                // the end is already queued for this stream
            }
        }
    }
}
