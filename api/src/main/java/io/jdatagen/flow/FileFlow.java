package io.jdatagen.flow;

import io.jdatagen.core.DenseTensor;
import io.jdatagen.core.Tensor;
import io.jdatagen.data.Batch;
import io.jdatagen.data.Fingerprint;
import io.jdatagen.io.ByteImage;
import io.jdatagen.io.ImageFileReader;
import io.jdatagen.spi.SourceImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Batches of augmented images loaded from files (Keras's {@code BatchFromFilesMixin}, §4.2), with
 * targets by {@link ClassMode}; built by {@link DirectoryScanner} and {@link DataFrameScanner}.
 * With {@link FileFlowOptions#cache} it owns a decoded-sample cache, freed by {@link #close()}.
 */
public final class FileFlow extends ImageFlow implements AutoCloseable {
    private final ImageFileReader loader;
    private final SampleCache cache;
    private final List<Path> paths;
    private final List<String> filenames;
    private final ClassMode classMode;
    private final Map<String, Integer> classIndices;
    private final int[][] labels;
    private final List<Tensor> rawTargets;
    private final Tensor weights;
    private final List<Path> skipped;
    private final String summary;
    private final boolean resizeInWarp;

    /** What a scanner found: the rows and their labels. */
    record Rows(List<Path> paths, List<String> filenames, int[][] labels, Map<String, Integer> classIndices,
            List<Tensor> rawTargets, Tensor weights, List<Path> skipped, String summary) {
    }

    FileFlow(Augmenter augmenter, ImageFileReader loader, ClassMode classMode, Rows rows, FlowOptions o) {
        super(augmenter, rows.paths().size(), imageShape(augmenter, o), o, 10_000_000);
        this.loader = loader;
        this.paths = List.copyOf(rows.paths());
        this.filenames = List.copyOf(rows.filenames());
        this.classMode = classMode;
        this.classIndices = Collections.unmodifiableMap(new LinkedHashMap<>(rows.classIndices()));
        this.labels = rows.labels();
        this.rawTargets = rows.rawTargets() == null ? List.of() : List.copyOf(rows.rawTargets());
        this.weights = rows.weights();
        this.skipped = List.copyOf(rows.skipped());
        this.summary = rows.summary();
        this.resizeInWarp = o.resizeInWarp;
        this.cache = SampleCache.open(o.cache, FileSources.cacheKey(resizeInWarp ? "decoded-cropped" : "resized",
                o, loader));
    }

    /** The file names (relative, as listed), the targets' mode and every sample's labels, in order. */
    @Override
    void describeSamples(Fingerprint fingerprint) {
        fingerprint.add(filenames).add(classMode.name());
        for (int i = 0; i < paths.size(); i++) {
            fingerprint.add(labels == null ? null : labels[i]);
        }
    }

    private static int[] imageShape(Augmenter augmenter, FlowOptions o) {
        int[] size = imageSize(augmenter, o);
        return augmenter.dataFormat().imageShape(size[0], size[1], o.colorMode.channels());
    }

    /** The batch images' {@code {height, width}}: the augmenter's resize target, else the flow's target size. */
    private static int[] imageSize(Augmenter augmenter, FlowOptions o) {
        return augmenter.resizeTarget() != null ? augmenter.resizeTarget() : o.targetSize.clone();
    }

    /** {@return Keras's {@code class_indices}: class name to index, in index order (empty without classes)} */
    public Map<String, Integer> classIndices() {
        return classIndices;
    }

    /** {@return the class names in index order (name {@code i} is class {@code i})} */
    public List<String> classNames() {
        return List.copyOf(classIndices.keySet());
    }

    /** {@return Keras's {@code filenames}: each sample's file as the source names it, in sample order} */
    public List<String> filenames() {
        return filenames;
    }

    /** {@return the resolved path of each sample's file} */
    public List<Path> paths() {
        return paths;
    }

    /**
     * {@return Keras's {@code classes}: each sample's class index ({@code -1} without classes; the first
     * label of a multi-label row)}
     */
    public int[] classes() {
        int[] out = new int[paths.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = labels == null || labels[i].length == 0 ? -1 : labels[i][0];
        }
        return out;
    }

    /**
     * {@return every label index of sample {@code i} (several for multi-label rows)}
     *
     * @param i the index
     */
    public int[] labelsOf(int i) {
        return labels == null ? new int[0] : labels[i].clone();
    }

    /** {@return the targets' mode} */
    public ClassMode classMode() {
        return classMode;
    }

    /** {@return the files left out at scan time by the skip policy (empty without it)} */
    public List<Path> skippedFiles() {
        return skipped;
    }

    /** {@return the line Keras prints, e.g. {@code Found 40 images belonging to 2 classes.}} */
    public String summary() {
        return summary;
    }

    @Override
    Sample sample(int index) {
        if (!resizeInWarp) {
            return new Sample(image(index).toSource(), null);
        }
        Path path = paths.get(index);
        return new Sample(cached(path, () -> loader.cropped(loader.decode(path), path)).toSource(), null);
    }

    /** {@code load}'s image of {@code path}, through the cache when the flow has one. */
    private ByteImage cached(Path path, Supplier<ByteImage> load) {
        return cache == null ? load.get() : cache.get(List.of(path), () -> List.of(load.get())).get(0);
    }

    /** {@return the flow's decoded-sample cache, or null without one} */
    SampleCache cache() {
        return cache;
    }

    /**
     * {@return what the flow's decoded-sample cache has done so far (decodes, hits, heap and spill
     * bytes), or empty when the flow has no cache}
     */
    public Optional<CacheStatistics> cacheStatistics() {
        return cache == null ? Optional.empty() : Optional.of(cache.statistics());
    }

    /**
     * Frees the decoded-sample cache: its heap part, and its spill file (deleted when temporary, kept
     * and unlocked when named). Without a cache it does nothing; the flow must not be read after.
     */
    @Override
    public void close() {
        if (cache != null) {
            cache.close();
        }
    }

    @Override
    boolean resampledInWarp() {
        return resizeInWarp;
    }

    /**
     * {@return sample {@code sample}'s image as loaded (decoded, color-converted, resized; not augmented);
     * from the cache when the flow has one and does not resize in the warp (the array is then shared: do
     * not modify it)}
     */
    public ByteImage image(int sample) {
        Path path = paths.get(sample);
        return resizeInWarp ? loader.load(path) : cached(path, () -> loader.load(path));
    }

    @Override
    int classOf(int index) {
        return classMode.usesClasses() && labels[index].length == 1 ? labels[index][0] : -1;
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
            case MULTI_OUTPUT -> rawTargets.stream().map(t -> rows(t, indices)).toList();
            case RAW -> List.of(rows(rawTargets.get(0), indices));
            case NONE -> List.of();
        };
        return Batch.of(x, List.of(), targets, weights == null ? null : rows(weights, indices), indices, names);
    }

    private Tensor classIndexTargets(int[] indices) {
        Tensor y = Tensor.zeros(indices.length);
        for (int j = 0; j < indices.length; j++) {
            y.data()[j] = labels[indices[j]][0];
        }
        return y;
    }

    private Tensor oneHotTargets(int[] indices) {
        int k = classIndices.size();
        Tensor y = Tensor.zeros(indices.length, k);
        for (int j = 0; j < indices.length; j++) {
            for (int c : labels[indices[j]]) {
                y.data()[j * k + c] = 1;
            }
        }
        return y;
    }
}
