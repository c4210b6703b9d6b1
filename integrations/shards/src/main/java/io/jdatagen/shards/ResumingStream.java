package io.jdatagen.shards;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.time.Duration;

/**
 * A remote object read as a stream (never held whole) that survives dropped connections: when a
 * connection fails, or ends before the object's known length, the stream connects again for the rest
 * from the byte it reached (a ranged request), after a pause that grows with each failure in a row
 * ({@code delay × failures}), up to {@code retries} failures in a row without a byte read. A subclass
 * says how to connect from an offset and which failures are final; {@link TarShards#opener} takes a
 * {@link ShardOpener} returning such a stream for a store of its own.
 */
public abstract class ResumingStream extends InputStream {
    private final String name;
    private final int retries;
    private final Duration delay;
    private InputStream body;
    private long offset;
    private long length = -1;
    private int failures;
    private boolean closed;

    /**
     * @param name the object, as error messages name it (e.g. its address)
     * @param retries failures in a row, without a byte read in between, before reading fails
     * @param delay the pause after the first failure; the {@code n}-th in a row waits {@code n} times it
     * @throws IllegalArgumentException if {@code retries} is negative or {@code delay} negative
     */
    protected ResumingStream(String name, int retries, Duration delay) {
        if (retries < 0) {
            throw new IllegalArgumentException("retries must be >= 0; got: " + retries);
        }
        if (delay == null || delay.isNegative()) {
            throw new IllegalArgumentException("delay must be a duration >= 0; got: " + delay);
        }
        this.name = name;
        this.retries = retries;
        this.delay = delay;
    }

    /**
     * Connects and returns the object's bytes from {@code from} on; may call {@link #length(long)} once
     * the length is known.
     *
     * @param from the first byte wanted: 0 on the first connection, the bytes read so far after a failure
     * @throws IOException (or a runtime exception of the store's client) when the connection or the answer
     *     fails; {@link #finalFailure} decides whether it is retried
     */
    protected abstract InputStream connect(long from) throws IOException;

    /**
     * {@return the exception that ends the reading at once after {@code failure} (e.g. for a 4xx status),
     * or null to retry it} Runtime exceptions of the store's client arrive here too: return one wrapping
     * them unless they are transient.
     */
    protected abstract IOException finalFailure(Exception failure);

    /**
     * Drops a connection that is not read to its end; closes it by default (a client that can abort
     * instead of draining the rest overrides this).
     */
    protected void drop(InputStream connection) {
        try {
            connection.close();
        } catch (IOException ignored) {
            // The connection is being dropped anyway.
        }
    }

    /** Records the object's length in bytes, so that an early end of a connection is a failure. */
    protected final void length(long bytes) {
        length = bytes;
    }

    /** {@return the object's length in bytes, or -1 while unknown} */
    protected final long length() {
        return length;
    }

    /** Connects now, so that a missing object or a refused request fails here, not at the first read. */
    protected final void open() throws IOException {
        while (body == null) {
            try {
                body = connect(offset);
            } catch (IOException | RuntimeException e) {
                failed(e);
            }
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (closed) {
            throw new IOException("stream closed: " + name);
        }
        if (len == 0) {
            return 0;
        }
        while (true) {
            try {
                if (body == null) {
                    if (length >= 0 && offset >= length) {
                        return -1;
                    }
                    body = connect(offset);
                }
                int n = body.read(b, off, len);
                if (n < 0) {
                    if (length >= 0 && offset < length) {
                        throw new IOException("the connection ended at byte " + offset + " of " + length);
                    }
                    return -1;
                }
                offset += n;
                failures = 0;
                return n;
            } catch (IOException | RuntimeException e) {
                failed(e);
            }
        }
    }

    /** Drops the connection after {@code e} and waits before the next try; rethrows once the tries are spent. */
    private void failed(Exception e) throws IOException {
        dropBody();
        IOException end = finalFailure(e);
        if (end != null) {
            throw end;
        }
        if (++failures > retries) {
            throw new IOException("reading " + name + " failed " + failures + " times in a row at byte " + offset
                    + "; last: " + e.getMessage(), e);
        }
        try {
            Thread.sleep(delay.toMillis() * failures);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting to retry " + name);
        }
    }

    private void dropBody() {
        if (body != null) {
            drop(body);
            body = null;
        }
    }

    /** Closes a connection read to its end; drops one that is not ({@link #drop}). */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (body != null && length >= 0 && offset >= length) {
            try {
                body.close();
            } catch (IOException ignored) {
                // Read to its end: nothing is lost if closing the connection fails.
            }
            body = null;
        } else {
            dropBody();
        }
    }

    /** {@return the first byte of a {@code Content-Range: bytes a-b/total} header, or -1} */
    protected static long rangeStart(String header) {
        try {
            String r = header.strip();
            return Long.parseLong(r.substring(r.indexOf(' ') + 1, r.indexOf('-')).strip());
        } catch (RuntimeException e) {
            return -1;
        }
    }

    /** {@return the total of a {@code Content-Range: bytes a-b/total} header, or -1 when unknown ({@code *})} */
    protected static long rangeTotal(String header) {
        try {
            return Long.parseLong(header.substring(header.indexOf('/') + 1).strip());
        } catch (RuntimeException e) {
            return -1;
        }
    }
}
