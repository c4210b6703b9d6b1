package io.jdatagen.s3;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.blobstore.domain.Blob;
import org.jclouds.blobstore.options.GetOptions;
import org.jclouds.blobstore.util.ForwardingBlobStore;
import org.jclouds.io.Payload;
import org.jclouds.io.Payloads;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * A real S3-compatible server on the loopback address: S3Proxy over jclouds' filesystem store in a folder,
 * with fixed credentials. It can cut the body of one GET of an object halfway ({@link #dropOnce}, the
 * connection closes before the Content-Length), and records the Range of each GET.
 */
final class S3Server implements AutoCloseable {
    static final String ACCESS = "jdatagen-access";
    static final String SECRET = "jdatagen-secret";
    final BlobStore store;
    final List<String> ranges = new CopyOnWriteArrayList<>();
    private final BlobStoreContext context;
    private final S3Proxy proxy;
    private final Map<String, Integer> drops = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> gets = new ConcurrentHashMap<>();

    S3Server(Path folder) throws Exception {
        Properties properties = new Properties();
        properties.setProperty("jclouds.filesystem.basedir", folder.toString());
        context = ContextBuilder.newBuilder("filesystem").overrides(properties).buildView(BlobStoreContext.class);
        store = context.getBlobStore();
        proxy = S3Proxy.builder().blobStore(new Dropping(store)).endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS, SECRET).build();
        proxy.start();
        for (int i = 0; i < 500 && !"STARTED".equals(proxy.getState()); i++) {
            Thread.sleep(10);
        }
        if (!"STARTED".equals(proxy.getState())) {
            throw new IllegalStateException("S3Proxy did not start: " + proxy.getState());
        }
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    /** The shards of this server, read with its credentials. */
    S3Shards shards() {
        return S3Shards.builder().endpoint(endpoint()).region("us-east-1")
                .credentials(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS, SECRET))).build();
    }

    /** {@return the GETs answered so far for each object name, a sorted copy} */
    Map<String, Integer> gets() {
        Map<String, Integer> out = new java.util.TreeMap<>();
        gets.forEach((name, n) -> out.put(name, n.get()));
        return out;
    }

    /** Cuts the body of the {@code nth} GET (from 1) of object {@code name} halfway. */
    void dropOnce(String name, int nth) {
        drops.put(name, nth);
    }

    @Override
    public void close() throws Exception {
        proxy.stop();
        context.close();
    }

    /** The store, with GETs counted and one cut when asked. */
    private final class Dropping extends ForwardingBlobStore {
        Dropping(BlobStore delegate) {
            super(delegate);
        }

        @Override
        public Blob getBlob(String container, String name) {
            return getBlob(container, name, GetOptions.NONE);
        }

        @Override
        public Blob getBlob(String container, String name, GetOptions options) {
            Blob blob = delegate().getBlob(container, name, options);
            int nth = gets.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet();
            if (!options.getRanges().isEmpty()) {
                ranges.add(name + " bytes=" + String.join(",", options.getRanges()));
            }
            if (blob != null && drops.getOrDefault(name, -1) == nth) {
                Payload old = blob.getPayload();
                long length = old.getContentMetadata().getContentLength();
                try (InputStream in = old.openStream()) {
                    // Read first: setting the new payload releases the old one and closes its stream.
                    byte[] bytes = in.readAllBytes();
                    Payload cut = Payloads.newInputStreamPayload(new Cut(new ByteArrayInputStream(bytes), length / 2));
                    cut.setContentMetadata(old.getContentMetadata());
                    blob.setPayload(cut);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
            return blob;
        }
    }

    /** A stream that fails after {@code limit} bytes. */
    private static final class Cut extends FilterInputStream {
        private long left;

        Cut(InputStream in, long limit) {
            super(in);
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                throw new IOException("connection dropped by the test");
            }
            int n = super.read(b, off, (int) Math.min(len, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }
    }
}
