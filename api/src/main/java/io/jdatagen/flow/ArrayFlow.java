package io.jdatagen.flow;

import io.jdatagen.core.DataFormat;
import io.jdatagen.core.DenseTensor;
import io.jdatagen.core.Tensor;
import io.jdatagen.data.Batch;
import io.jdatagen.spi.SourceImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keras's {@code NumpyArrayIterator} ({@code flow}): batches of augmented
 * images from a rank-4 array, with extra inputs passed through, labels and sample weights. With a
 * subset, rows {@code [0, int(n·split))} are the validation part and the rest the training part;
 * unlike the reference, sample weights are split with their rows.
 */
public final class ArrayFlow extends ImageFlow {
    private static final Logger LOG = LoggerFactory.getLogger(ArrayFlow.class);
    private final Tensor x;
    private final List<Tensor> extraInputs;
    private final Tensor y;
    private final Tensor sampleWeights;
    private final int firstRow;

    private ArrayFlow(Augmenter augmenter, Tensor x, List<Tensor> extraInputs, Tensor y,
            Tensor sampleWeights, int firstRow, int rows, FlowOptions o) {
        super(augmenter, rows, imageShape(augmenter, x), o, 10_000);
        this.x = x;
        this.extraInputs = extraInputs;
        this.y = y;
        this.sampleWeights = sampleWeights;
        this.firstRow = firstRow;
    }

    /**
     * Creates the flow; see {@code ImageDataGenerator.flow}.
     *
     * @throws IllegalArgumentException with Keras's messages for mismatched lengths, a rank other
     *     than 4, a bad subset, or classes that differ between the split parts; and for sample
     *     weights without labels (Keras drops them silently)
     */
    static ArrayFlow create(Augmenter augmenter, Tensor x, List<Tensor> extraInputs, Tensor y,
            Tensor sampleWeights, FlowOptions o) {
        List<Tensor> extras = extraInputs == null ? List.of() : List.copyOf(extraInputs);
        if (x.rank() != 4) {
            throw new IllegalArgumentException("Input data in `NumpyArrayIterator` (ImageDataGenerator.flow in Java)"
                    + " should have rank 4. You passed an array with shape " + Arrays.toString(x.shape()));
        }
        int n = x.dim(0);
        for (Tensor extra : extras) {
            if (extra.dim(0) != n) {
                throw new IllegalArgumentException("All of the arrays in `x` should have the same length. Found a pair"
                        + " with: len(x[0]) = " + n + ", len(x[?]) = " + extra.dim(0));
            }
        }
        if (y != null && y.dim(0) != n) {
            throw new IllegalArgumentException("`x` (images tensor) and `y` (labels) should have the same length."
                    + " Found: x.shape = " + Arrays.toString(x.shape()) + ", y.shape = " + Arrays.toString(y.shape()));
        }
        if (sampleWeights != null && sampleWeights.dim(0) != n) {
            throw new IllegalArgumentException("`x` (images tensor) and `sample_weight` should have the same length."
                    + " Found: x.shape = " + Arrays.toString(x.shape()) + ", sample_weight.shape = "
                    + Arrays.toString(sampleWeights.shape()));
        }
        if (sampleWeights != null && y == null) {
            throw new IllegalArgumentException("sample weights need labels: pass y, or leave sampleWeights null"
                    + " (Keras would drop them silently)");
        }
        int channels = augmenter.dataFormat().imageHwc(Arrays.copyOfRange(x.shape(), 1, 4))[2];
        if (channels != 1 && channels != 3 && channels != 4) {
            LOG.warn("NumpyArrayIterator (ImageDataGenerator.flow in Java) is set to use the data format convention \"{}\" but the array has {}"
                    + " channels; expected 1, 3 or 4.", augmenter.dataFormat().kerasName(), channels);
        }
        int first = 0;
        int rows = n;
        if (o.subset != null) {
            int split = Subset.cut(o.validationSplit(augmenter), n);
            if (y != null && !o.ignoreClassSplit) {
                checkClassSplit(y, split);
            }
            first = o.subset == Subset.VALIDATION ? 0 : split;
            rows = o.subset == Subset.VALIDATION ? split : n - split;
        }
        return new ArrayFlow(augmenter, x, extras, y, sampleWeights, first, rows, o);
    }

    private static void checkClassSplit(Tensor y, int split) {
        float[] v = y.data();
        int cut = split * y.itemSize();
        TreeSet<Float> validation = new TreeSet<>();
        TreeSet<Float> training = new TreeSet<>();
        for (int i = 0; i < v.length; i++) {
            (i < cut ? validation : training).add(v[i]);
        }
        if (!validation.equals(training)) {
            throw new IllegalArgumentException("Training and validation subsets have different number of classes after"
                    + " the split. If your numpy arrays (the x and y tensors given to flow, in Java) are sorted by the"
                    + " label, you might want to shuffle them.");
        }
    }

    /** One image's shape in the batches: the array's, or the augmenter's resize target with its channels. */
    private static int[] imageShape(Augmenter augmenter, Tensor x) {
        int[] image = Arrays.copyOfRange(x.shape(), 1, 4);
        int[] size = augmenter.resizeTarget();
        if (size == null) {
            return image;
        }
        return augmenter.dataFormat().imageShape(size[0], size[1], augmenter.dataFormat().imageHwc(image)[2]);
    }

    @Override
    Sample sample(int index) {
        return new Sample(SourceImage.of(x.item(firstRow + index), augmenter().dataFormat()), null);
    }

    @Override
    Batch assemble(int[] indices, DenseTensor batchX, Tensor paired) {
        int[] rows = new int[indices.length];
        for (int j = 0; j < indices.length; j++) {
            rows[j] = firstRow + indices[j];
        }
        List<Tensor> extras = new ArrayList<>();
        for (Tensor extra : extraInputs) {
            extras.add(rows(extra, rows));
        }
        if (y == null) {
            return Batch.of(batchX, extras, List.of(), null, rows, List.of());
        }
        return Batch.of(batchX, extras, List.of(rows(y, rows)),
                sampleWeights == null ? null : rows(sampleWeights, rows), rows, List.of());
    }
}
