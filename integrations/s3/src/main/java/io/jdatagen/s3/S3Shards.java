package io.jdatagen.s3;

import io.jdatagen.shards.TarShards;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * WebDataset tar shards in Amazon S3 or an S3-compatible store (MinIO, Ceph, S3Proxy, ...), named
 * {@code s3://bucket/key}, for {@link TarShards}:
 *
 * <pre>{@code
 * S3Shards s3 = S3Shards.builder().build();          // region and credentials: the SDK's default chain
 * List<String> shards = s3.list("s3://my-bucket/train/");   // the .tar objects under the prefix, sorted
 * StreamFlow flow = s3.shards(shards).flow(generator.augmenter(), FlowOptions.stream().targetSize(64, 64).seed(7));
 * }</pre>
 *
 * <p>With the index that jdatagen's shard writers put beside the shards ({@code shards.json}), making the
 * flow costs one GET instead of reading every shard through:
 *
 * <pre>{@code
 * StreamFlow flow = s3.indexed("s3://my-bucket/train/shards.json").flow(generator.augmenter(), options);
 * }</pre>
 *
 * <p>Each shard is streamed with a GET; a connection that drops in the middle of a shard is resumed with a
 * ranged GET from the byte it stopped at, of the same object version (its ETag). The client is the AWS
 * SDK for Java v2's synchronous {@link S3Client} on the JDK's {@code HttpURLConnection}.
 */
public final class S3Shards {
    private final S3Client client;
    private final int retries;
    private final Duration retryDelay;

    private S3Shards(S3Client client, int retries, Duration retryDelay) {
        this.client = client;
        this.retries = retries;
        this.retryDelay = retryDelay;
    }

    /** {@return shards read with {@code client} (its region, credentials and endpoint), and the default retries} */
    public static S3Shards of(S3Client client) {
        return new S3Shards(Objects.requireNonNull(client, "client"), 5, Duration.ofMillis(500));
    }

    /** {@return a builder of the client: by default the SDK's default region and credential chains, AWS's endpoint} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * {@return the {@code .tar} objects whose keys start with the prefix, as {@code s3://bucket/key}
     * locations sorted by key (so {@code shard-000000.tar} comes first)}
     *
     * @param prefix {@code s3://bucket/} or {@code s3://bucket/some/prefix} (a key prefix, not only a
     *     folder: {@code s3://bucket/train/shard-00} lists {@code shard-000000.tar} to {@code shard-009999.tar})
     * @throws IllegalArgumentException for a prefix that is not {@code s3://} and a bucket
     */
    public List<String> list(String prefix) {
        S3Location where = S3Location.parse(prefix);
        List<String> keys = new ArrayList<>();
        ListObjectsV2Request request = ListObjectsV2Request.builder().bucket(where.bucket()).prefix(where.key()).build();
        for (S3Object object : client.listObjectsV2Paginator(request).contents()) {
            if (object.key().endsWith(".tar")) {
                keys.add(object.key());
            }
        }
        keys.sort(null);
        return keys.stream().map(k -> new S3Location(where.bucket(), k).toString()).toList();
    }

    /**
     * {@return the shards at {@code locations} ({@code s3://} locations through this client; local paths and
     * {@code http(s)://} addresses as {@link TarShards} reads them)}
     */
    public TarShards shards(List<String> locations) {
        return TarShards.of(locations).opener("s3", this::open);
    }

    /** {@return the shards at {@code locations} (see {@link #shards(List)})} */
    public TarShards shards(String... locations) {
        return shards(List.of(locations));
    }

    /**
     * {@return the shards that the shard index at {@code indexLocation} lists, beside it (see
     * {@link TarShards#indexed}): {@code s3://bucket/train/shards.json} naming {@code shard-000000.tar} gives
     * {@code s3://bucket/train/shard-000000.tar}; making their flow reads the index alone, and each shard's
     * size is compared with the index's when it is opened}
     */
    public TarShards indexed(String indexLocation) {
        return TarShards.indexed(indexLocation).opener("s3", this::open);
    }

    /**
     * {@return the object at {@code location} as a stream that resumes a dropped connection with ranged GETs}
     *
     * @throws IOException if the object cannot be read (missing, refused, or the tries spent)
     * @throws IllegalArgumentException for a location that is not {@code s3://bucket/key}
     */
    public InputStream open(String location) throws IOException {
        S3Location where = S3Location.parse(location);
        if (where.key().isEmpty()) {
            throw new IllegalArgumentException("location must name an object after the bucket; got: " + location);
        }
        return new S3ObjectStream(client, where, retries, retryDelay).opened();
    }

    /**
     * {@return these shards with {@code count} failures in a row, without a byte read in between, that a
     * shard is retried after (default 5), waiting {@code delay} times the failure count before each retry
     * (default 500 ms); on top of the SDK's own retries of a request that fails before its answer}
     *
     * @param count at least 0
     * @param delay at least zero
     */
    public S3Shards retries(int count, Duration delay) {
        if (count < 0) {
            throw new IllegalArgumentException("retries must be >= 0; got: " + count);
        }
        if (delay.isNegative()) {
            throw new IllegalArgumentException("retry delay must be >= 0; got: " + delay);
        }
        return new S3Shards(client, count, delay);
    }

    /** The S3 client's settings; what is not set comes from the SDK's defaults. */
    public static final class Builder {
        private URI endpoint;
        private Boolean pathStyle;
        private Region region;
        private AwsCredentialsProvider credentials;

        private Builder() {
        }

        /**
         * The address of an S3-compatible store (e.g. {@code http://localhost:9000}); turns on path-style
         * access ({@code endpoint/bucket/key}) unless {@link #pathStyle} says otherwise, lets the region
         * default to {@code us-east-1} when the SDK's chain finds none, and asks for checksums only where S3
         * requires them (many such stores refuse the SDK's default checksum headers).
         */
        public Builder endpoint(URI value) {
            this.endpoint = Objects.requireNonNull(value, "endpoint");
            return this;
        }

        /** Whether buckets are addressed in the path ({@code endpoint/bucket/key}) rather than the host name. */
        public Builder pathStyle(boolean value) {
            this.pathStyle = value;
            return this;
        }

        /** The region (default: the SDK's region chain: {@code AWS_REGION}, the profile, instance metadata). */
        public Builder region(String value) {
            this.region = Region.of(Objects.requireNonNull(value, "region"));
            return this;
        }

        /** The credentials (default: the SDK's {@link DefaultCredentialsProvider} chain). */
        public Builder credentials(AwsCredentialsProvider value) {
            this.credentials = Objects.requireNonNull(value, "credentials");
            return this;
        }

        /** {@return shards read with a client of these settings (the client lives as long as the application)} */
        public S3Shards build() {
            S3ClientBuilder b = S3Client.builder().httpClientBuilder(UrlConnectionHttpClient.builder());
            if (credentials != null) {
                b.credentialsProvider(credentials);
            }
            b.region(region != null ? region : defaultRegion());
            if (endpoint != null) {
                // Checksums only where an operation requires them: many S3-compatible stores refuse the
                // flexible-checksum headers (x-amz-checksum-mode) that the SDK sends by default.
                b.endpointOverride(endpoint).requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
            }
            boolean path = pathStyle != null ? pathStyle : endpoint != null;
            b.forcePathStyle(path);
            return of(b.build());
        }

        private Region defaultRegion() {
            try {
                return DefaultAwsRegionProviderChain.builder().build().getRegion();
            } catch (SdkClientException e) {
                if (endpoint != null) {
                    return Region.US_EAST_1;
                }
                throw e;
            }
        }
    }
}
