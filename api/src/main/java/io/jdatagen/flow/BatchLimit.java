package io.jdatagen.flow;

import io.jdatagen.core.ElementType;
import io.jdatagen.core.Tensor;
import java.util.Arrays;

/**
 * What one batch can hold: a batch's images (or masks) are one Java {@code float[]}, of at most
 * {@link Tensor#MAX_ELEMENTS} elements, and with {@code output(type)} also one direct buffer of at
 * most {@code Integer.MAX_VALUE} bytes. Checked when a flow is built, so that a batch that cannot
 * exist is refused naming the arguments instead of failing later on some file.
 */
final class BatchLimit {
    private BatchLimit() {
    }

    /**
     * Refuses batches of {@code min(batchSize, samples)} items of {@code itemShape} that exceed one
     * array, or, with an {@code output} type, one direct buffer.
     *
     * @param what what the batch holds ("images", "masks"), for the message
     * @param output the direct-buffer element type, or null for heap float32 batches only
     * @throws IllegalArgumentException naming {@code batchSize}, the item shape and the largest batch size
     *     that fits
     */
    static void check(String what, int batchSize, int samples, int[] itemShape, ElementType output) {
        long rows = Math.min(batchSize, samples);
        if (rows < 1) {
            return;
        }
        long perItem = 1;
        for (int d : itemShape) {
            perItem = Math.multiplyExact(perItem, d);
        }
        long limit = Tensor.MAX_ELEMENTS;
        String unit = "float32 values in one Java array";
        if (output != null && Integer.MAX_VALUE / output.bytes() < limit) {
            limit = Integer.MAX_VALUE / output.bytes();
            unit = output.pythonName() + " values in one direct buffer of at most " + Integer.MAX_VALUE + " bytes";
        }
        long elements = Math.multiplyExact(rows, perItem);
        if (elements <= limit) {
            return;
        }
        String shape = Arrays.toString(itemShape);
        if (perItem > limit) {
            throw new IllegalArgumentException("targetSize: one batch item of shape " + shape + " has " + perItem
                    + " values, but a batch holds at most " + limit + " " + unit + "; choose a smaller target size");
        }
        throw new IllegalArgumentException("batchSize " + batchSize + " with " + what + " of shape " + shape
                + " makes batches of " + rows + " x " + perItem + " = " + elements + " values, but a batch holds at"
                + " most " + limit + " " + unit + "; batchSize must be in [1, " + limit / perItem + "] for this"
                + " shape, or choose a smaller targetSize");
    }
}
