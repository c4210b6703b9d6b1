package io.jdatagen.flow;

import io.jdatagen.core.DenseTensor;
import io.jdatagen.core.Tensor;
import io.jdatagen.data.Batch;
import io.jdatagen.data.Fingerprint;
import io.jdatagen.data.Shard;
import io.jdatagen.data.ShardPolicy;
import io.jdatagen.io.ByteImage;
import io.jdatagen.io.ImageFileReader;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Batches of augmented images streamed from shards ({@link ShardSource}, e.g. WebDataset tar files),
 * with the targets of {@code flowFromDirectory} ({@link ClassMode}); made by {@link Flows#fromShards}.
 * Each image is decoded and resized exactly as a directory flow loads the same file, and augmented
 * from the stream keyed by (seed, epoch, sample index), the sample index counting the shards' samples
 * in the source's order; so a shard's sample gives the same pixels as the same file in a folder at the
 * same index.
 *
 * <p>The order of an epoch ({@link #order(int)}) is a keyed permutation of the shards followed by a
 * bounded shuffle buffer whose draws are keyed by (seed, epoch, position): the same seed gives the same
 * order on any machine and for any number of loader workers. {@link #shard} gives rank {@code r} of
 * {@code n} the epoch's permuted shards {@code r, r + n, ...}, whole, and every rank the same number of
 * samples: with {@link ShardPolicy#PAD} as many as the {@code ceil(S / n)} largest of the {@code S} shards
 * hold (a rank with fewer repeats its order from its start), with {@link ShardPolicy#DROP} as many as the
 * {@code floor(S / n)} smallest hold (a rank with more leaves out its last ones). Each epoch reads every shard of
 * the rank once, front to back; a batch asked for out of turn, or a loader resumed mid-epoch, replays
 * the order from the start of the shard that holds the first sample it needs, without decoding what it
 * passes, so a resumed epoch gives exactly the batches of the uninterrupted one. A source that
 * {@linkplain ShardSource#readsInAnyOrder reads in any order} (local tar files) has each sample read at its
 * place when its batch needs it instead, in the same order, holding none for later batches. Labels: a
 * source label that is a whole number is the class index (classes {@code "0"} to the largest); otherwise
 * the classes are the label names in code-point order, or the {@code classes} option's names in its order.
 */
public final class StreamFlow extends ImageFlow implements AutoCloseable {
    private static final Shard WHOLE = new Shard(1, 0, ShardPolicy.PAD);
    private final ShardSource source;
    private final ImageFileReader loader;
    private final int[] offsets;
    private final List<String> filenames;
    private final int[] labels;
    private final Map<String, Integer> classIndices;
    private final ClassMode classMode;
    private final int buffer;
    private final boolean resizeInWarp;
    private final Map<ReadingKey, Reading> readings = new LinkedHashMap<>();

    /** An epoch's order for one rank and its reading. */
    private record Reading(StreamOrder order, StreamCursor cursor) {
    }

    /** Which rank's reading of which epoch. */
    private record ReadingKey(int epoch, Shard shard) {
    }

    private StreamFlow(Augmenter augmenter, ShardSource source, Listing listing, FlowOptions o, int buffer) {
        super(augmenter, listing.filenames.size(), shapeOf(augmenter, o), o, 10_000_000);
        this.source = source;
        this.loader = FileSources.loader(o);
        this.offsets = listing.offsets;
        this.filenames = List.copyOf(listing.filenames);
        this.labels = listing.labels;
        this.classIndices = Collections.unmodifiableMap(listing.classIndices);
        this.classMode = o.classMode;
        this.buffer = buffer;
        this.resizeInWarp = o.resizeInWarp;
    }

    /** Lists {@code source} and creates the flow; see {@link Flows#fromShards}. */
    static StreamFlow create(Augmenter augmenter, ShardSource source, FlowOptions o, int buffer) {
        if (augmenter.replaysKerasStreams()) {
            throw new IllegalArgumentException("a stream flow needs keyed random streams; keras_reference"
                    + " compatibility replays Keras's per-batch streams, which a shuffle buffer cannot follow");
        }
        refuse(o.subset != null, "subset (a stream has no validation split: give the validation shards their own"
                + " flow)");
        refuse(o.cache != null, "cache");
        refuse(o.skipUnreadable, "skipUnreadable");
        refuse(o.order != null, "order");
        if (o.classMode == ClassMode.RAW || o.classMode == ClassMode.MULTI_OUTPUT) {
            throw new IllegalArgumentException("classMode must be one of categorical, binary, sparse, input or none"
                    + " for a stream flow; got: " + o.classMode.configName());
        }
        Listing listing = Listing.of(source, o);
        if (listing.filenames.isEmpty()) {
            throw new IllegalArgumentException("the shards " + source.shards() + " hold no sample");
        }
        return new StreamFlow(augmenter, source, listing, o, buffer);
    }

    private static void refuse(boolean set, String option) {
        if (set) {
            throw new IllegalArgumentException("option " + option + " does not apply to a stream flow");
        }
    }

    private static int[] shapeOf(Augmenter augmenter, FlowOptions o) {
        int[] size = augmenter.resizeTarget() != null ? augmenter.resizeTarget() : o.targetSize.clone();
        return augmenter.dataFormat().imageShape(size[0], size[1], o.colorMode.channels());
    }

    /** The source's samples, their labels as class indices, and each shard's first sample. */
    private record Listing(int[] offsets, List<String> filenames, int[] labels,
            LinkedHashMap<String, Integer> classIndices) {
        static Listing of(ShardSource source, FlowOptions o) {
            int count = source.shards().size();
            int[] offsets = new int[count + 1];
            List<ShardSource.Member> all = new ArrayList<>();
            for (int s = 0; s < count; s++) {
                all.addAll(source.samples(s));
                offsets[s + 1] = all.size();
            }
            boolean needs = o.classMode.usesClasses();
            LinkedHashMap<String, Integer> classes = classIndices(all, o.classes, needs);
            int[] labels = new int[all.size()];
            List<String> names = new ArrayList<>(all.size());
            for (int i = 0; i < labels.length; i++) {
                ShardSource.Member m = all.get(i);
                names.add(m.name());
                Integer c = m.label() == null ? null : classes.get(m.label().strip());
                if (c == null && needs) {
                    throw new IllegalArgumentException("sample " + m.name() + " has " + (m.label() == null
                            ? "no label" : "label " + m.label() + ", not one of the classes " + classes.keySet())
                            + "; class mode " + o.classMode.configName() + " needs a class for every sample");
                }
                labels[i] = c == null ? -1 : c;
            }
            return new Listing(offsets, names, labels, classes);
        }

        private static LinkedHashMap<String, Integer> classIndices(List<ShardSource.Member> all, List<String> given,
                boolean needs) {
            LinkedHashMap<String, Integer> out = new LinkedHashMap<>();
            if (given != null) {
                for (String c : given) {
                    out.put(c, out.size());
                }
                return out;
            }
            TreeSet<String> names = new TreeSet<>();
            boolean numbers = true;
            int max = -1;
            for (ShardSource.Member m : all) {
                if (m.label() == null) {
                    continue;
                }
                String label = m.label().strip();
                names.add(label);
                if (numbers && label.matches("0|[1-9][0-9]{0,8}")) {
                    max = Math.max(max, Integer.parseInt(label));
                } else {
                    numbers = false;
                }
            }
            if (numbers) {
                for (int c = 0; c <= max; c++) {
                    out.put(Integer.toString(c), c);
                }
            } else {
                for (String n : names) {
                    out.put(n, out.size());
                }
            }
            return out;
        }
    }

    /** {@return Keras's {@code class_indices}: class name to index, in index order (empty without labels)} */
    public Map<String, Integer> classIndices() {
        return classIndices;
    }

    /** {@return each sample's name as its source gives it, in sample-index order (not epoch order)} */
    public List<String> filenames() {
        return filenames;
    }

    /** {@return each sample's class index, in sample-index order ({@code -1} for a sample without a label)} */
    public int[] classes() {
        return labels.clone();
    }

    /** {@return the targets' mode} */
    public ClassMode classMode() {
        return classMode;
    }

    /** {@return the samples the shuffle buffer holds} */
    public int shuffleBuffer() {
        return buffer;
    }

    /** {@return the shards' names, in the source's order} */
    public List<String> shards() {
        return source.shards();
    }

    @Override
    void describeSamples(Fingerprint fingerprint) {
        fingerprint.add(source.shards()).add(filenames).add(labels).add(classMode.name()).add(buffer);
    }

    @Override
    int[] epochOrder(int epoch) {
        return orderFor(WHOLE, epoch, 0, samples());
    }

    @Override
    int shardSamples(Shard shard) {
        if (shard.count() > offsets.length - 1) {
            throw new IllegalArgumentException("numShards must be at most the number of tar shards ("
                    + (offsets.length - 1) + ") for a stream flow, which gives each rank whole shards; got: "
                    + shard.count());
        }
        return StreamOrder.target(offsets, shard);
    }

    @Override
    int[] shardOrder(Shard shard, int epoch, int from, int to) {
        return orderFor(shard, epoch, from, to);
    }

    private int[] orderFor(Shard shard, int epoch, int from, int to) {
        StreamOrder order = reading(shard, epoch).order();
        int[] out = new int[to - from];
        for (int p = from; p < to; p++) {
            out[p - from] = order.at(p);
        }
        return out;
    }

    /** The order and reading of rank {@code shard} in epoch {@code epoch}; the two latest are kept. */
    private synchronized Reading reading(Shard shard, int epoch) {
        ReadingKey key = new ReadingKey(epoch, shard);
        Reading r = readings.get(key);
        if (r == null) {
            StreamOrder order = new StreamOrder(offsets, shuffles(), buffer, seed(), epoch, shard);
            r = new Reading(order, new StreamCursor(source, order, batchSize()));
            readings.put(key, r);
            if (readings.size() > 2) {
                ReadingKey oldest = readings.keySet().iterator().next();
                readings.remove(oldest).cursor().close();
            }
        }
        return r;
    }

    @Override
    List<Sample> samples(Shard shard, int epoch, int batch, int[] indices) {
        int from = batch * batchSize();
        List<Sample> out = new ArrayList<>(indices.length);
        try (StreamCursor.Fetched encoded = reading(shard == null ? WHOLE : shard, epoch).cursor()
                .fetch(batch, from, from + indices.length)) {
            for (int j = 0; j < indices.length; j++) {
                Path name = nameOf(indices[j]);
                ByteImage decoded = loader.decode(encoded.image(j), name);
                ByteImage image = resizeInWarp ? loader.cropped(decoded, name) : loader.fit(decoded, name);
                out.add(new Sample(image.toSource(), null));
            }
        }
        return out;
    }

    /** Sample {@code index}'s name as a path, for the reader's messages. */
    private Path nameOf(int index) {
        try {
            return Path.of(filenames.get(index));
        } catch (InvalidPathException e) {
            return Path.of("sample-" + index);
        }
    }

    @Override
    Sample sample(int index) {
        throw new UnsupportedOperationException("a stream flow reads its samples a batch at a time");
    }

    @Override
    boolean resampledInWarp() {
        return resizeInWarp;
    }

    @Override
    int classOf(int index) {
        return classMode.usesClasses() ? labels[index] : -1;
    }

    @Override
    String fileOf(int index) {
        return filenames.get(index);
    }

    @Override
    Batch assemble(int[] indices, DenseTensor x, Tensor paired) {
        List<String> names = new ArrayList<>(indices.length);
        for (int i : indices) {
            names.add(filenames.get(i));
        }
        List<Tensor> targets = switch (classMode) {
            case INPUT -> List.of(x.toTensor());
            case BINARY, SPARSE -> List.of(classIndexTargets(indices));
            case CATEGORICAL -> List.of(oneHotTargets(indices));
            default -> List.of();
        };
        return Batch.of(x, List.of(), targets, null, indices, names);
    }

    private Tensor classIndexTargets(int[] indices) {
        Tensor y = Tensor.zeros(indices.length);
        for (int j = 0; j < indices.length; j++) {
            y.data()[j] = labels[indices[j]];
        }
        return y;
    }

    private Tensor oneHotTargets(int[] indices) {
        int k = classIndices.size();
        Tensor y = Tensor.zeros(indices.length, k);
        for (int j = 0; j < indices.length; j++) {
            y.data()[j * k + labels[indices[j]]] = 1;
        }
        return y;
    }

    /** {@return the encoded images held for batches still to come, over the epochs being read (for tests)} */
    synchronized int keptSamples() {
        int n = 0;
        for (Reading r : readings.values()) {
            n += r.cursor().keptSamples();
        }
        return n;
    }

    /** Closes the open shards and drops the images held for batches not yet taken. */
    @Override
    public synchronized void close() {
        for (Reading r : readings.values()) {
            r.cursor().close();
        }
        readings.clear();
    }
}
