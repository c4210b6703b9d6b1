package io.jdatagen.boxes;

import io.jdatagen.core.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A batch's boxes in Keras's dense form, the dict {@code {"boxes": (B, N, 4), "labels": (B, N)}}: sample
 * {@code b}'s boxes in slots {@code 0..} of row {@code b}, the other slots padded with boxes of four
 * {@code -1} and the label {@code -1} (what {@code keras.layers.MaxNumBoundingBoxes} pads with), with the count
 * of filled slots per sample. Built from the per-sample {@link BoundingBoxes} and read back into them.
 * Immutable.
 */
public final class DenseBoundingBoxes {
    /** The value of a padding slot's coordinates and label. */
    public static final int PADDING = -1;
    private final BoxFormat format;
    private final double[][][] boxes;
    private final int[][] labels;
    private final int[] counts;

    private DenseBoundingBoxes(BoxFormat format, double[][][] boxes, int[][] labels, int[] counts) {
        this.format = format;
        this.boxes = boxes;
        this.labels = labels;
        this.counts = counts;
    }

    /**
     * {@return the samples' boxes as one dense batch of {@code N} slots per sample, {@code N} the largest
     * sample's count}
     *
     * @throws IllegalArgumentException for no samples or samples in different formats
     */
    public static DenseBoundingBoxes of(List<BoundingBoxes> samples) {
        int n = 0;
        for (BoundingBoxes s : samples) {
            n = Math.max(n, s.size());
        }
        return of(samples, n);
    }

    /**
     * {@return the samples' boxes with exactly {@code maxNumber} slots per sample: a sample with fewer is
     * padded, one with more keeps its first {@code maxNumber} (Keras's {@code MaxNumBoundingBoxes})}
     *
     * @throws IllegalArgumentException for no samples, samples in different formats or a negative
     *     {@code maxNumber}
     */
    public static DenseBoundingBoxes of(List<BoundingBoxes> samples, int maxNumber) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("samples must hold at least one sample's boxes; got none");
        }
        if (maxNumber < 0) {
            throw new IllegalArgumentException("maxNumber must be at least 0; got " + maxNumber);
        }
        BoxFormat format = Objects.requireNonNull(samples.get(0), "samples[0]").format();
        double[][][] boxes = new double[samples.size()][maxNumber][];
        int[][] labels = new int[samples.size()][maxNumber];
        int[] counts = new int[samples.size()];
        for (int b = 0; b < samples.size(); b++) {
            BoundingBoxes s = samples.get(b);
            if (s.format() != format) {
                throw new IllegalArgumentException("samples must share one format; samples[0] is "
                        + format.kerasName() + ", samples[" + b + "] is " + s.format().kerasName());
            }
            for (int i = 0; i < maxNumber; i++) {
                boolean filled = i < s.size();
                boxes[b][i] = filled ? s.box(i) : new double[] {PADDING, PADDING, PADDING, PADDING};
                labels[b][i] = filled ? s.label(i) : PADDING;
            }
            counts[b] = Math.min(s.size(), maxNumber);
        }
        return new DenseBoundingBoxes(format, boxes, labels, counts);
    }

    /** {@return the format of the coordinates} */
    public BoxFormat format() {
        return format;
    }

    /** {@return B, the number of samples} */
    public int batchSize() {
        return boxes.length;
    }

    /** {@return N, the slots per sample} */
    public int maxBoxes() {
        return labels[0].length;
    }

    /** {@return how many slots of each sample hold its boxes (the rest are padding), {@code (B,)} (a copy)} */
    public int[] counts() {
        return counts.clone();
    }

    /** {@return the coordinates, {@code (B, N, 4)} (a copy)} */
    public double[][][] boxes() {
        double[][][] copy = new double[boxes.length][][];
        for (int b = 0; b < boxes.length; b++) {
            copy[b] = new double[boxes[b].length][];
            for (int i = 0; i < boxes[b].length; i++) {
                copy[b][i] = boxes[b][i].clone();
            }
        }
        return copy;
    }

    /** {@return the labels, {@code (B, N)} (a copy)} */
    public int[][] labels() {
        int[][] copy = new int[labels.length][];
        for (int b = 0; b < labels.length; b++) {
            copy[b] = labels[b].clone();
        }
        return copy;
    }

    /** {@return the coordinates as a float32 tensor of shape {@code (B, N, 4)}, Keras's {@code "boxes"}} */
    public Tensor boxesTensor() {
        int n = maxBoxes();
        float[] data = new float[boxes.length * n * 4];
        for (int b = 0; b < boxes.length; b++) {
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < 4; k++) {
                    data[(b * n + i) * 4 + k] = (float) boxes[b][i][k];
                }
            }
        }
        return Tensor.of(data, boxes.length, n, 4);
    }

    /**
     * {@return each sample's boxes: its first {@link #counts()} slots, the padding left out (a box labelled
     * {@code -1} because it vanished stays; {@link BoundingBoxes#dropVanished()} removes it)}
     */
    public List<BoundingBoxes> samples() {
        List<BoundingBoxes> out = new ArrayList<>(boxes.length);
        for (int b = 0; b < boxes.length; b++) {
            out.add(BoundingBoxes.of(format, Arrays.copyOf(boxes[b], counts[b]), Arrays.copyOf(labels[b], counts[b])));
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DenseBoundingBoxes d && format == d.format && Arrays.deepEquals(boxes, d.boxes)
                && Arrays.deepEquals(labels, d.labels) && Arrays.equals(counts, d.counts);
    }

    @Override
    public int hashCode() {
        return Objects.hash(format, Arrays.deepHashCode(boxes), Arrays.deepHashCode(labels), Arrays.hashCode(counts));
    }

    @Override
    public String toString() {
        return "DenseBoundingBoxes[" + format.kerasName() + ", " + batchSize() + "x" + maxBoxes() + "]";
    }
}
