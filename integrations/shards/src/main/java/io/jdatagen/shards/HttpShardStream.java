package io.jdatagen.shards;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * A file read over HTTP(S) with the JDK's {@link HttpClient}, streamed (never held whole). When the
 * connection fails or ends before the file's length, it reconnects with a {@code Range: bytes=N-}
 * request for the rest, after a pause that grows with each failure in a row, up to {@code retries}
 * failures in a row without a byte read; a server that answers the range with the whole file (status
 * 200) has the bytes already read skipped. Statuses other than 200 and 206 fail at once for 4xx, and
 * are retried for 5xx.
 */
final class HttpShardStream extends InputStream {
    private final HttpClient client;
    private final URI uri;
    private final int retries;
    private final Duration delay;
    private InputStream body;
    private long offset;
    private long length = -1;
    private int failures;
    private boolean closed;

    HttpShardStream(HttpClient client, URI uri, int retries, Duration delay) {
        this.client = client;
        this.uri = uri;
        this.retries = retries;
        this.delay = delay;
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
            throw new IOException("stream closed: " + uri);
        }
        if (len == 0) {
            return 0;
        }
        while (true) {
            try {
                if (body == null) {
                    connect();
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
            } catch (IOException e) {
                failed(e);
            }
        }
    }

    /** Drops the connection after {@code e}, and waits before the next try; rethrows once the tries are spent. */
    private void failed(IOException e) throws IOException {
        dropBody();
        if (e instanceof StatusException s && s.status < 500) {
            throw e;
        }
        if (++failures > retries) {
            throw new IOException("reading " + uri + " failed " + failures + " times in a row at byte " + offset
                    + "; last: " + e.getMessage(), e);
        }
        try {
            Thread.sleep(delay.toMillis() * failures);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting to retry " + uri);
        }
    }

    private void connect() throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
        if (offset > 0) {
            request.header("Range", "bytes=" + offset + "-");
        }
        HttpResponse<InputStream> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while connecting to " + uri);
        }
        InputStream in = response.body();
        int status = response.statusCode();
        if (status == 206) {
            Optional<String> range = response.headers().firstValue("Content-Range");
            long start = range.map(HttpShardStream::rangeStart).orElse(-1L);
            if (start != offset) {
                in.close();
                throw new IOException("asked for bytes from " + offset + " of " + uri + " but got Content-Range "
                        + range.orElse("(none)"));
            }
            length = range.map(HttpShardStream::rangeTotal).orElse(length);
        } else if (status == 200) {
            length = response.headers().firstValueAsLong("Content-Length").orElse(-1L);
            in.skipNBytes(offset);
        } else {
            in.close();
            throw new StatusException(status, uri);
        }
        body = in;
    }

    /** The first byte of a {@code Content-Range: bytes a-b/total} header, or -1. */
    static long rangeStart(String header) {
        try {
            String r = header.strip();
            return Long.parseLong(r.substring(r.indexOf(' ') + 1, r.indexOf('-')).strip());
        } catch (RuntimeException e) {
            return -1;
        }
    }

    /** The total of a {@code Content-Range: bytes a-b/total} header, or -1 when unknown ({@code *}). */
    static long rangeTotal(String header) {
        try {
            return Long.parseLong(header.substring(header.indexOf('/') + 1).strip());
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private void dropBody() {
        if (body != null) {
            try {
                body.close();
            } catch (IOException ignored) {
                // The connection is being dropped anyway.
            }
            body = null;
        }
    }

    @Override
    public void close() {
        closed = true;
        dropBody();
    }

    /** An HTTP status other than 200 or 206. */
    private static final class StatusException extends IOException {
        private static final long serialVersionUID = 1L;
        private final int status;

        StatusException(int status, URI uri) {
            super("HTTP status " + status + " for " + uri);
            this.status = status;
        }
    }
}
