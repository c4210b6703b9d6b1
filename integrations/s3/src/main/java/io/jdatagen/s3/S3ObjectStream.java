package io.jdatagen.s3;

import io.jdatagen.shards.ResumingStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * An S3 object read as a stream, resumed after a dropped connection with a ranged GET
 * ({@code Range: bytes=N-}) that must match the first answer's ETag ({@code If-Match}, so a replaced
 * object fails instead of mixing two versions). Answers with a 4xx status or 501 (not implemented) fail
 * at once; other 5xx and the client's connection failures are retried. Closed before its end, the
 * connection is aborted rather than drained.
 */
final class S3ObjectStream extends ResumingStream {
    private final S3Client client;
    private final S3Location location;
    private String etag;

    S3ObjectStream(S3Client client, S3Location location, int retries, Duration delay) {
        super(location.toString(), retries, delay);
        this.client = client;
        this.location = location;
    }

    /** Opens the object, so that a missing object or a refused request fails here, not at the first read. */
    S3ObjectStream opened() throws IOException {
        open();
        return this;
    }

    @Override
    protected InputStream connect(long from) throws IOException {
        GetObjectRequest.Builder request = GetObjectRequest.builder().bucket(location.bucket()).key(location.key());
        if (from > 0) {
            request.range("bytes=" + from + "-");
            if (etag != null) {
                request.ifMatch(etag);
            }
        }
        ResponseInputStream<GetObjectResponse> in = client.getObject(request.build());
        GetObjectResponse response = in.response();
        if (from > 0) {
            String range = response.contentRange();
            long start = range == null ? 0 : rangeStart(range);
            if (start != from) {
                // A store that ignores Range answers with the whole object: skip what was read already.
                if (start == 0 && range == null) {
                    in.skipNBytes(from);
                } else {
                    in.abort();
                    throw new IOException("asked for bytes from " + from + " of " + location
                            + " but got Content-Range " + range);
                }
            }
        } else {
            etag = response.eTag();
            if (response.contentLength() != null) {
                length(response.contentLength());
            }
        }
        return in;
    }

    @Override
    protected IOException finalFailure(Exception failure) {
        if (failure instanceof S3Exception s && (s.statusCode() >= 400 && s.statusCode() < 500 || s.statusCode() == 501)) {
            String why = s.statusCode() == 412 ? " (the object changed while it was read)" : "";
            return new IOException("reading " + location + " failed with status " + s.statusCode() + why + ": "
                    + s.getMessage(), s);
        }
        if (failure instanceof IOException || failure instanceof SdkClientException || failure instanceof S3Exception) {
            return null;
        }
        return new IOException("reading " + location + " failed: " + failure, failure);
    }

    @Override
    protected void drop(InputStream connection) {
        ((ResponseInputStream<?>) connection).abort();
    }
}
