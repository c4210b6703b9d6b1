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
 * A file read over HTTP(S) with the JDK's {@link HttpClient}, resumed after a dropped connection with a
 * {@code Range: bytes=N-} request for the rest; a server that answers the range with the whole file
 * (status 200) has the bytes already read skipped. Statuses other than 200 and 206 fail at once for 4xx,
 * and are retried for 5xx.
 */
final class HttpShardStream extends ResumingStream {
    private final HttpClient client;
    private final URI uri;

    HttpShardStream(HttpClient client, URI uri, int retries, Duration delay) {
        super(uri.toString(), retries, delay);
        this.client = client;
        this.uri = uri;
    }

    @Override
    protected InputStream connect(long from) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
        if (from > 0) {
            request.header("Range", "bytes=" + from + "-");
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
            long start = range.map(ResumingStream::rangeStart).orElse(-1L);
            if (start != from) {
                in.close();
                throw new IOException("asked for bytes from " + from + " of " + uri + " but got Content-Range "
                        + range.orElse("(none)"));
            }
            length(range.map(ResumingStream::rangeTotal).orElse(length()));
        } else if (status == 200) {
            length(response.headers().firstValueAsLong("Content-Length").orElse(-1L));
            in.skipNBytes(from);
        } else {
            in.close();
            throw new StatusException(status, uri);
        }
        return in;
    }

    @Override
    protected IOException finalFailure(Exception failure) {
        if (failure instanceof StatusException s && s.status < 500) {
            return s;
        }
        if (failure instanceof RuntimeException) {
            return new IOException("reading " + uri + " failed: " + failure, failure);
        }
        return null;
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
