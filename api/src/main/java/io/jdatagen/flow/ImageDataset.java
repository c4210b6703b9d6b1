package io.jdatagen.flow;

import io.jdatagen.core.DenseTensor;
import io.jdatagen.core.Tensor;
import io.jdatagen.data.Batch;
import io.jdatagen.data.Fingerprint;
import io.jdatagen.spi.SourceImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Keras 3's {@code image_dataset_from_directory} data set as a {@link io.jdatagen.data.Sequence} of batches:
 * images float32 0-255 at the data set's {@code image_size} (resized by TensorFlow's rules), in its data
 * format, through the augmenter when one was given; labels by {@code label_mode} as float32 ({@code int}: a
 * vector of class indices, {@code categorical}: one-hot rows, {@code binary}: an {@code (n, 1)} column; none
 * without labels). Made by {@link ImageDatasets}.
 *
 * <p>Order: {@link #filePaths()} is Keras's {@code file_paths}, the list after Keras's seeded shuffle. With
 * {@code shuffle} each epoch reads it in the order of a permutation keyed by (seed, epoch), which replaces
 * tf.data's per-epoch shuffle buffer (that stream cannot be reproduced outside TensorFlow); without it, and
 * for the validation part of {@code subset="both"} (which Keras never shuffles), in list order, as Keras. Like
 * every flow it can be {@linkplain #shard sharded}, read by index from any thread, and handed to a
 * {@link io.jdatagen.data.Loader}.
 */
public final class ImageDataset extends ImageFlow {
    private final DatasetIndex index;
    private final String labelMode;
    private final TfImageLoader loader;
    private final int[] loadedShape;
    private final String summary;

    ImageDataset(Augmenter augmenter, DatasetIndex index, String labelMode, TfImageLoader loader, int height,
            int width, int channels, String summary, FlowOptions o) {
        super(augmenter, index.size(), augmenter.dataFormat().imageShape(height, width, channels), o, 10_000_000);
        this.index = index;
        this.labelMode = labelMode;
        this.loader = loader;
        this.loadedShape = new int[] {height, width, channels};
        this.summary = summary;
    }

    /** {@return Keras's {@code class_names}: label {@code i} is class {@code i}; empty without labels} */
    public List<String> classNames() {
        return index.classNames() == null ? List.of() : index.classNames();
    }

    /** {@return Keras's {@code file_paths}: each sample's file, in the data set's list order} */
    public List<Path> filePaths() {
        return index.paths();
    }

    /** {@return each sample's file relative to the folder, {@code /}-separated, in list order} */
    public List<String> filenames() {
        return index.relative();
    }

    /** {@return each sample's class index in list order (a copy), or an empty array without labels} */
    public int[] labels() {
        return index.labels() == null || labelMode == null ? new int[0] : index.labels().clone();
    }

    /** {@return Keras's {@code label_mode}: {@code int}, {@code categorical}, {@code binary}, or null} */
    public String labelMode() {
        return labelMode;
    }

    /** {@return the line Keras prints, e.g. {@code Found 40 files belonging to 2 classes.}} */
    public String summary() {
        return summary;
    }

    @Override
    void describeSamples(Fingerprint fingerprint) {
        fingerprint.add(index.relative()).add(labelMode).add(loadedShape);
        if (index.labels() != null) {
            fingerprint.add(index.labels());
        }
    }

    @Override
    Sample sample(int i) {
        float[] pixels = loader.load(index.paths().get(i));
        return new Sample(SourceImage.of(Tensor.of(pixels, loadedShape.clone()),
                io.jdatagen.core.DataFormat.CHANNELS_LAST), null);
    }

    @Override
    int classOf(int i) {
        return index.labels() == null ? -1 : index.labels()[i];
    }

    @Override
    String fileOf(int i) {
        return index.relative().get(i);
    }

    @Override
    Batch assemble(int[] indices, DenseTensor x, Tensor paired) {
        List<String> files = new ArrayList<>(indices.length);
        for (int i : indices) {
            files.add(index.relative().get(i));
        }
        List<Tensor> targets = labelMode == null ? List.of() : List.of(targets(indices));
        return Batch.of(x, List.of(), targets, null, indices, files);
    }

    /** The labels of samples {@code indices} by the label mode (Keras's {@code labels_to_dataset}). */
    private Tensor targets(int[] indices) {
        int n = indices.length;
        int[] labels = index.labels();
        switch (labelMode) {
            case "categorical": {
                int classes = index.classNames().size();
                Tensor out = Tensor.zeros(n, classes);
                for (int j = 0; j < n; j++) {
                    int l = labels[indices[j]];
                    // tf.one_hot gives a row of zeros for an index outside [0, classes).
                    if (l >= 0 && l < classes) {
                        out.data()[j * classes + l] = 1f;
                    }
                }
                return out;
            }
            case "binary": {
                Tensor out = Tensor.zeros(n, 1);
                for (int j = 0; j < n; j++) {
                    out.data()[j] = labels[indices[j]];
                }
                return out;
            }
            default: {
                Tensor out = Tensor.zeros(n);
                for (int j = 0; j < n; j++) {
                    out.data()[j] = labels[indices[j]];
                }
                return out;
            }
        }
    }
}
