package io.jdatagen.layers;

import io.jdatagen.core.BufferTensor;
import io.jdatagen.core.DenseTensor;
import io.jdatagen.core.Tensor;
import io.jdatagen.data.Batch;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the batch a mixing layer (MixUp, CutMix) returns: its new images, and its labels mixed as Keras's
 * {@code transform_labels} mixes them, {@code w * y + (1 - w) * y[permutation]} per row in float32. The
 * labels are the first target ({@link Batch#y()}); further targets, the extra inputs, the sample weights,
 * the indices and the file names pass unchanged, and a batch without targets has only its images mixed.
 */
final class MixedBatch {
    private MixedBatch() {
    }

    /**
     * {@return the values of {@code x} for a mixing layer to read (never to write): a heap tensor's own
     * array, a copy of a buffer's}
     */
    static float[] values(DenseTensor x) {
        return x instanceof Tensor heap ? heap.data() : x.toTensor().data();
    }

    /**
     * {@return the batch with {@code images} as its first input and its labels mixed}
     *
     * @param batch the batch the layer received
     * @param images the new image values, in the layout of {@code batch.x()}; a heap input is replaced
     *     by a new tensor, a buffer-backed input is overwritten in place (its element type rounds them)
     * @param weights per row, the weight of the row's own label
     * @param permutation per row, the row whose label is mixed in
     */
    static Batch of(Batch batch, float[] images, float[] weights, int[] permutation) {
        DenseTensor x = batch.x();
        DenseTensor newX;
        if (x instanceof BufferTensor buffer) {
            for (int k = 0; k < images.length; k++) {
                buffer.setElement(k, images[k]);
            }
            newX = buffer;
        } else {
            newX = Tensor.of(images, x.shape());
        }
        List<Tensor> targets = new ArrayList<>(batch.targets());
        if (!targets.isEmpty()) {
            targets.set(0, mixLabels(targets.get(0), weights, permutation));
        }
        return Batch.of(newX, batch.extraInputs(), targets, batch.sampleWeights().orElse(null), batch.indices(),
                batch.filenames());
    }

    /** {@return the rows of {@code labels} mixed with the permuted rows, Keras's float32 arithmetic} */
    static Tensor mixLabels(Tensor labels, float[] weights, int[] permutation) {
        int rows = labels.dim(0);
        if (rows != permutation.length) {
            throw new IllegalArgumentException("the labels have " + rows + " rows; the batch has "
                    + permutation.length + " samples");
        }
        float[] y = labels.data();
        int row = rows == 0 ? 0 : y.length / rows;
        float[] out = new float[y.length];
        for (int i = 0; i < rows; i++) {
            float w = weights[i];
            float rest = 1.0f - w;
            int own = i * row;
            int other = permutation[i] * row;
            for (int j = 0; j < row; j++) {
                out[own + j] = w * y[own + j] + rest * y[other + j];
            }
        }
        return Tensor.of(out, labels.shape());
    }
}
