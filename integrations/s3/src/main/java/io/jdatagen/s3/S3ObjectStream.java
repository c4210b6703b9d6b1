package io.jdatagen.s3;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.time.Duration;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * An S3 object read as a stream (never held whole). When the connection fails or ends before the
 * object's length, it asks again for the rest with a ranged GET ({@code Range: bytes=N-}) that must match
 * the first answer's ETag ({@code If-Match}, so a replaced object fails instead of mixing two versions),
 * after a pause that grows with each failure in a row, up to {@code retries} failures in a row without
 * a byte read. Answers with a 4xx status or 501 (not implemented) fail at once; other 5xx and connection
 * failures are retried. Closed
 * before its end, the connection is aborted rather than drained.
 */
final class S3ObjectStream extends InputStream {
    private final S3Client client;
    private final S3Location location;
    private final int retries;
    private final Duration delay;
    private ResponseInputStream<GetObjectResponse> body;
    private String etag;
    private long offset;
    private long length = -1;
    private int failures;
    private boolean closed;

    S3ObjectStream(S3Client client, S3Location location, int retries, Duration delay) {
        this.client = client;
        this.location = location;
        this.retries = retries;
        this.delay = delay;
    }

    /** Opens the object, so that a missing object or a refused request fails here, not at the first read. */
    S3ObjectStream open() throws IOException {
        while (body == null) {
            try {
                connect();
            } catch (IOException | SdkClientException | S3Exception e) {
                failed(e);
            }
        }
        return this;
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
            throw new IOException("stream closed: " + location);
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
            } catch (IOException | SdkClientException | S3Exception e) {
                failed(e);
            }
        }
    }

    private void connect() throws IOException {
        GetObjectRequest.Builder request = GetObjectRequest.builder().bucket(location.bucket()).key(location.key());
        if (offset > 0) {
            request.range("bytes=" + offset + "-");
            if (etag != null) {
                request.ifMatch(etag);
            }
        }
        ResponseInputStream<GetObjectResponse> in = client.getObject(request.build());
        GetObjectResponse response = in.response();
        if (offset > 0) {
            String range = response.contentRange();
            long start = range == null ? 0 : rangeStart(range);
            if (start != offset) {
                // A store that ignores Range answers with the whole object: skip what was read already.
                if (start == 0 && range == null) {
                    in.skipNBytes(offset);
                } else {
                    in.abort();
                    throw new IOException("asked for bytes from " + offset + " of " + location
                            + " but got Content-Range " + range);
                }
            }
        } else {
            etag = response.eTag();
            if (response.contentLength() != null) {
                length = response.contentLength();
            }
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

    /** Drops the connection after {@code e}, and waits before the next try; rethrows once the tries are spent. */
    private void failed(Exception e) throws IOException {
        dropBody();
        if (e instanceof S3Exception s && (s.statusCode() >= 400 && s.statusCode() < 500 || s.statusCode() == 501)) {
            String why = s.statusCode() == 412 ? " (the object changed while it was read)" : "";
            throw new IOException("reading " + location + " failed with status " + s.statusCode() + why + ": "
                    + s.getMessage(), e);
        }
        if (++failures > retries) {
            throw new IOException("reading " + location + " failed " + failures + " times in a row at byte " + offset
                    + "; last: " + e.getMessage(), e);
        }
        try {
            Thread.sleep(delay.toMillis() * failures);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting to retry " + location);
        }
    }

    private void dropBody() {
        if (body != null) {
            body.abort();
            body = null;
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            if (length >= 0 && offset >= length && body != null) {
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
    }
}
