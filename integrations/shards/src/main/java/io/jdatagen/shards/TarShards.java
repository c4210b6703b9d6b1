package io.jdatagen.shards;

import io.jdatagen.flow.Augmenter;
import io.jdatagen.flow.Flows;
import io.jdatagen.flow.ShardSource;
import io.jdatagen.flow.StreamFlow;
import io.jdatagen.flow.StreamFlowOptions;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * WebDataset tar shards ({@code shard-000000.tar}, ...: each sample a run of members sharing a key,
 * such as {@code cat001.jpg} and {@code cat001.cls}) as a jdatagen flow. Shards are local paths or
 * {@code http://} / {@code https://} addresses, read with Apache Commons Compress's tar reader as streams
 * (a sample's wanted members in memory at a time, never a whole shard); addresses through the JDK's
 * {@link HttpClient}, with retries that resume a dropped connection at the byte it stopped at. When every
 * shard is a local file, the flow reads each sample at its place in its shard when a batch needs it (the
 * tar headers read once), keeping no shuffle buffer of encoded images; {@link #streamed} reads local
 * files front to back instead. Both give the same batches.
 *
 * <pre>{@code
 * StreamFlow flow = TarShards.of("data/shard-000000.tar", "data/shard-000001.tar")
 *         .flow(generator.augmenter(), FlowOptions.stream().targetSize(64, 64).seed(7).shuffleBuffer(500));
 * }</pre>
 *
 * <p>Labels, in this order: a mapping from key to label ({@link #labels}); a {@code .cls} or {@code .txt}
 * member holding a class index; a field of a {@code .json} member ({@link #jsonLabel}, default
 * {@code label}). The flow knows its samples and classes before the first batch: from the shards' index
 * when it has one ({@link #indexed}, {@link #index}; {@link ShardWriter}, {@code jdatagen augment
 * --shard-size} and the Spark job write {@value ShardIndex#FILE_NAME} beside the shards), reading only the
 * index; otherwise by listing every shard once (reading it through, keeping only the labels). Shards
 * written without an index get one from {@link #buildIndex} (or {@code jdatagen shards index}), once.
 */
public final class TarShards {
    private final List<String> locations;
    private String index;
    private Map<String, String> labels;
    private String jsonField = "label";
    private int retries = 5;
    private Duration retryDelay = Duration.ofMillis(500);
    private HttpClient client;
    private final Map<String, ShardOpener> openers = new HashMap<>();
    private boolean streamed;

    private TarShards(List<String> locations, String index) {
        this.locations = List.copyOf(locations);
        this.index = index;
    }

    /**
     * {@return the shards at {@code locations}: file paths, or {@code http://} and {@code https://}
     * addresses; the flow's sample indices count their samples in this order}
     */
    public static TarShards of(String... locations) {
        return of(List.of(locations));
    }

    /** {@return the shards at {@code locations} (see {@link #of(String...)})} */
    public static TarShards of(List<String> locations) {
        if (locations.isEmpty()) {
            throw new IllegalArgumentException("locations must name at least one tar shard; got none");
        }
        return new TarShards(locations, null);
    }

    /**
     * {@return the shards that the {@link ShardIndex} at {@code indexLocation} lists, each the file of its
     * name beside the index: the index {@code https://host/data/shards.json} naming {@code shard-000000.tar}
     * gives {@code https://host/data/shard-000000.tar} (likewise for a path or an {@code s3://} location);
     * the flow's sample indices count their samples in the index's order} Making the flow reads the index
     * alone; each shard is checked against it when read.
     *
     * @param indexLocation a path, or an {@code http(s)://} address or a location of a registered
     *     {@link #opener} scheme, of an index such as {@link ShardWriter} writes
     */
    public static TarShards indexed(String indexLocation) {
        return new TarShards(List.of(), Objects.requireNonNull(indexLocation, "indexLocation"));
    }

    /**
     * Takes these shards' samples and labels from the {@link ShardIndex} at {@code indexLocation} instead of
     * listing the shards: each shard is the index entry of its file name (the location's last segment), and
     * the flow reads the index alone when it is made. Each shard is checked against the index when read.
     *
     * @param indexLocation as for {@link #indexed}
     */
    public TarShards index(String indexLocation) {
        this.index = Objects.requireNonNull(indexLocation, "index");
        return this;
    }

    /**
     * {@return WebDataset's brace notation expanded: {@code shard-{000000..000003}.tar} gives the four
     * names {@code shard-000000.tar} to {@code shard-000003.tar}, numbers padded to the width of the first}
     *
     * @param pattern a name with at most one {@code {from..to}} range, or none
     * @throws IllegalArgumentException for a range that is not two whole numbers with {@code from <= to}
     */
    public static List<String> expand(String pattern) {
        int open = pattern.indexOf('{');
        if (open < 0) {
            return List.of(pattern);
        }
        int close = pattern.indexOf('}', open);
        String[] range = close < 0 ? new String[0] : pattern.substring(open + 1, close).split("\\.\\.", -1);
        try {
            if (range.length != 2) {
                throw new NumberFormatException();
            }
            long from = Long.parseLong(range[0]);
            long to = Long.parseLong(range[1]);
            if (from < 0 || from > to || to - from >= 10_000_000) {
                throw new NumberFormatException();
            }
            List<String> out = new ArrayList<>();
            String format = "%0" + range[0].length() + "d";
            for (long i = from; i <= to; i++) {
                out.add(pattern.substring(0, open) + String.format(Locale.ROOT, format, i)
                        + pattern.substring(close + 1));
            }
            return out;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("pattern must hold one {from..to} range of whole numbers with from <="
                    + " to (at most 10,000,000 names); got: " + pattern);
        }
    }

    /**
     * Take each sample's label from {@code keyToLabel} (its key, the member path up to the first dot of the
     * base name, to a class index or class name) instead of its label members; keys not in the map have no
     * label.
     */
    public TarShards labels(Map<String, String> keyToLabel) {
        this.labels = Map.copyOf(Objects.requireNonNull(keyToLabel, "labels"));
        return this;
    }

    /** The field of a {@code .json} member that holds the label (default {@code label}). */
    public TarShards jsonLabel(String field) {
        this.jsonField = Objects.requireNonNull(field, "jsonLabel");
        return this;
    }

    /**
     * Failures in a row, without a byte read in between, that an HTTP(S) shard is retried after (default 5),
     * waiting {@code delay} times the failure count before each retry (default 500 ms).
     *
     * @param count at least 0
     * @param delay at least zero
     */
    public TarShards retries(int count, Duration delay) {
        if (count < 0) {
            throw new IllegalArgumentException("retries must be >= 0; got: " + count);
        }
        if (delay.isNegative()) {
            throw new IllegalArgumentException("retry delay must be >= 0; got: " + delay);
        }
        this.retries = count;
        this.retryDelay = delay;
        return this;
    }

    /** The client HTTP(S) shards are read with (default: one that follows redirects, made when first needed). */
    public TarShards httpClient(HttpClient value) {
        this.client = Objects.requireNonNull(value, "httpClient");
        return this;
    }

    /**
     * Reads the locations that start with {@code scheme + "://"} (compared ignoring case) through
     * {@code opener} instead of as files; for example jdatagen-s3's {@code S3Shards} registers {@code s3}.
     *
     * @param scheme a URI scheme other than {@code http}, {@code https} and {@code file}
     * @throws IllegalArgumentException for a scheme that is not letters, digits, {@code +}, {@code -} or
     *     {@code .} after a letter, or one read by this class itself
     */
    public TarShards opener(String scheme, ShardOpener opener) {
        String s = Objects.requireNonNull(scheme, "scheme").toLowerCase(Locale.ROOT);
        if (!s.matches("[a-z][a-z0-9+.-]*") || s.equals("http") || s.equals("https") || s.equals("file")) {
            throw new IllegalArgumentException("scheme must be a URI scheme other than http, https and file; got: "
                    + scheme);
        }
        openers.put(s, Objects.requireNonNull(opener, "opener"));
        return this;
    }

    /**
     * Reads local shard files front to back as it reads remote ones, holding the shuffle buffer's encoded
     * images in memory. By default a flow whose shards are all local files reads each sample at its place in
     * its shard when a batch needs it (the same batches, without the buffer's memory or the wait to fill it);
     * reading front to back suits file systems on which reading at scattered places is slow, such as object
     * stores mounted through FUSE or network file systems with little caching.
     */
    public TarShards streamed() {
        this.streamed = true;
        return this;
    }

    /**
     * {@return the shards listed: read from the index when there is one (no shard opened), otherwise every
     * shard read through once for its samples' keys and labels}
     *
     * @throws java.io.UncheckedIOException naming a shard or the index that cannot be read
     * @throws IllegalArgumentException naming a label member that cannot be read, an index that is not a
     *     {@link ShardIndex}, lists no shard or does not list one of the shards
     */
    public ShardSource list() {
        SampleLabels rules = new SampleLabels(labels, jsonField);
        if (index == null) {
            return new TarShardSource(locations, this::open, this::localFile, rules);
        }
        ShardIndex read;
        try (InputStream in = open(index).stream()) {
            read = ShardIndexReader.read(in, index);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read shard index " + index + ": " + e.getMessage(), e);
        }
        List<String> shards = locations;
        if (shards.isEmpty()) {
            if (read.shards().isEmpty()) {
                throw new IllegalArgumentException("shard index " + index + " must list at least one tar shard; it"
                        + " lists none");
            }
            shards = read.shards().stream().map(s -> beside(index, s.name())).toList();
        }
        return new TarShardSource(shards, this::open, this::localFile, rules, read, index);
    }

    /**
     * {@return the {@link ShardIndex} of these shards, for shards written without one (by Python's
     * {@code webdataset} or {@code tarp}, or by {@code tar}): every shard read through once, as {@link #list}
     * does without an index; its {@link ShardIndex#toJson} bytes, written as {@value ShardIndex#FILE_NAME}
     * beside the shards, are those {@link ShardWriter} writes for the same shards}
     * Each sample's label is what its {@code .cls}, {@code .txt} or {@code .json} member gives (the field of
     * {@link #jsonLabel}); a sample without one is indexed without a label, and a flow whose class mode
     * needs labels refuses it when made, as it does listing the shards. A {@link #labels} mapping is not
     * stored, since each read checks the shard against the index: give it to the flow that reads the index.
     *
     * @throws IllegalStateException when these shards are read from an index already
     * @throws IllegalArgumentException for shards in different folders (the index names each by its file
     *     name, beside itself) or of the same name, a shard whose size its store does not report, or a
     *     sample that the index cannot hold (naming the shard and the key)
     * @throws java.io.UncheckedIOException naming the shard that cannot be read
     */
    public ShardIndex buildIndex() {
        if (index != null) {
            throw new IllegalStateException("these shards are read from the shard index " + index + "; make the"
                    + " index of shards given without one");
        }
        return ShardIndexBuilder.build(locations, this::open, jsonField);
    }

    /** {@return the location of file {@code name} in the folder of {@code location}, a path or an address} */
    static String beside(String location, String name) {
        if (!location.contains("://")) {
            return Path.of(location).resolveSibling(name).toString();
        }
        int query = location.indexOf('?');
        String path = query < 0 ? location : location.substring(0, query);
        return path.substring(0, path.lastIndexOf('/') + 1) + name;
    }

    /**
     * {@return a flow over the shards' samples, augmented by {@code augmenter} (an
     * {@code ImageDataGenerator}'s {@code augmenter()} or a {@code KerasPipeline}); see
     * {@link Flows#fromShards}}
     *
     * @param options the flow's options, from {@code FlowOptions.stream()}
     * @throws IllegalArgumentException for options that do not apply to a stream, or samples without the
     *     labels the class mode needs
     */
    public StreamFlow flow(Augmenter augmenter, StreamFlowOptions options) {
        return Flows.fromShards(augmenter, list(), options);
    }

    /**
     * Opens a shard or index, with its size where the store says it: a file's size, the length an HTTP(S)
     * or custom {@link ResumingStream} learnt when it connected (they connect here, so that a missing file
     * fails here).
     */
    private TarShardSource.Opened open(String location) throws IOException {
        String lower = location.toLowerCase(Locale.ROOT);
        int colon = lower.indexOf("://");
        ShardOpener custom = colon > 0 ? openers.get(lower.substring(0, colon)) : null;
        if (custom != null) {
            InputStream in = custom.open(location);
            long size = in instanceof ResumingStream r ? r.length() : -1;
            return new TarShardSource.Opened(new BufferedInputStream(in, 1 << 16), size);
        }
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            HttpShardStream in = new HttpShardStream(client(), URI.create(location), retries, retryDelay);
            in.open();
            return new TarShardSource.Opened(new BufferedInputStream(in, 1 << 16), in.length());
        }
        SeekableByteChannel channel = Files.newByteChannel(Path.of(location));
        long size;
        try {
            size = channel.size();
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        return new TarShardSource.Opened(new BufferedInputStream(Channels.newInputStream(channel), 1 << 16), size);
    }

    /** {@return the file of {@code location}, or null for an address or a shard read {@link #streamed}} */
    private Path localFile(String location) {
        return streamed || location.contains("://") ? null : Path.of(location);
    }

    private synchronized HttpClient client() {
        if (client == null) {
            client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
        }
        return client;
    }
}
