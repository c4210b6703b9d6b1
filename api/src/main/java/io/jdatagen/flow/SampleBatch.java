package io.jdatagen.flow;

import io.jdatagen.core.DataFormat;
import io.jdatagen.core.DenseTensor;
import io.jdatagen.core.Tensor;
import io.jdatagen.spi.SourceImage;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * One batch handed to an {@link Augmenter}: the samples' sources as loaded, their random streams and
 * contexts, the output batch they are written into (a heap float32 tensor or a direct buffer) and,
 * for segmentation, their masks with the mask batch. The augmenter fills the output batches.
 */
public final class SampleBatch {
    private final List<SourceImage> sources;
    private final RandomGenerator[] streams;
    private final SampleContext[] contexts;
    private final boolean resampledInWarp;
    private final int[] resampledSize;
    private final DenseTensor output;
    private final DataFormat format;
    private final List<SourceImage> masks;
    private final double maskFillValue;
    private final Tensor maskOutput;

    private SampleBatch(Builder b) {
        this.sources = List.copyOf(b.sources);
        int n = sources.size();
        this.streams = b.streams != null ? b.streams.clone() : new RandomGenerator[n];
        this.contexts = b.contexts != null ? b.contexts.clone() : filled(n);
        this.resampledInWarp = b.resampledInWarp;
        this.output = b.output;
        this.format = b.format;
        this.masks = b.masks == null ? null : List.copyOf(b.masks);
        this.maskFillValue = b.maskFillValue;
        this.maskOutput = b.maskOutput;
        int[] shape = output.shape();
        this.resampledSize = b.resampledSize != null ? b.resampledSize.clone()
                : shape.length == 4 ? sizeOf(format, shape) : null;
        if (shape.length != 4 || shape[0] < n) {
            throw new IllegalArgumentException("the output must be a rank-4 batch of at least " + n + " images; got "
                    + Arrays.toString(shape));
        }
        if (streams.length != n || contexts.length != n) {
            throw new IllegalArgumentException("a batch of " + n + " sources needs as many streams and contexts; got "
                    + streams.length + " streams and " + contexts.length + " contexts");
        }
        if (masks != null && (masks.size() != n || maskOutput == null || maskOutput.rank() != 4)) {
            throw new IllegalArgumentException("masks need one mask per source (" + n + ") and a rank-4 mask batch;"
                    + " got " + masks.size() + " masks and " + (maskOutput == null ? "no batch"
                            : "shape " + Arrays.toString(maskOutput.shape())));
        }
    }

    private static int[] sizeOf(DataFormat format, int[] batchShape) {
        int[] hwc = format.imageHwc(Arrays.copyOfRange(batchShape, 1, 4));
        return new int[] {hwc[0], hwc[1]};
    }

    private static SampleContext[] filled(int n) {
        SampleContext[] c = new SampleContext[n];
        Arrays.fill(c, SampleContext.NONE);
        return c;
    }

    /**
     * {@return a builder for {@code sources} written into {@code output}}
     *
     * @param sources the samples' images as loaded, one per batch slot from slot 0
     * @param output the rank-4 batch the augmented images are written into: a heap tensor, or a buffer
     *     that receives them converted to its element type
     * @param format the layout of {@code output} and of every source
     */
    public static Builder into(List<SourceImage> sources, DenseTensor output, DataFormat format) {
        return new Builder(sources, Objects.requireNonNull(output, "output"), format);
    }

    /** {@return the number of samples} */
    public int size() {
        return sources.size();
    }

    /** {@return the samples' images as loaded (not resized when {@link #resampledInWarp()})} */
    public List<SourceImage> sources() {
        return sources;
    }

    /**
     * {@return sample {@code j}'s random stream, or null when it is not augmented (only resized and
     * standardized)}
     *
     * @param j the sample's slot
     */
    public RandomGenerator stream(int j) {
        return streams[j];
    }

    /**
     * {@return where sample {@code j} sits in its flow, for the hooks}
     *
     * @param j the sample's slot
     */
    public SampleContext context(int j) {
        return contexts[j];
    }

    /**
     * {@return whether the sources keep their own size and the warp resamples them straight to the
     * batch's size (one resampling instead of a resize and a warp)}
     */
    public boolean resampledInWarp() {
        return resampledInWarp;
    }

    /**
     * {@return the {@code {height, width}} the warp resamples the sources to when they are
     * {@linkplain #resampledInWarp() resampled in the warp}: the flow's image size before the steps, which is
     * the output's size unless a step changes the size}
     */
    public int[] resampledSize() {
        return resampledSize.clone();
    }

    /** {@return the output batch: a heap tensor, or a direct buffer of the flow's output type} */
    public DenseTensor output() {
        return output;
    }

    /** {@return the shape of the output batch, rank 4} */
    public int[] outputShape() {
        return output.shape();
    }

    /** {@return the layout of the output batches and of every source} */
    public DataFormat format() {
        return format;
    }

    /** {@return the samples' segmentation masks, or null without masks} */
    public List<SourceImage> masks() {
        return masks;
    }

    /** {@return the mask value where the geometry leaves the mask} */
    public double maskFillValue() {
        return maskFillValue;
    }

    /** {@return the rank-4 batch the masks are written into, or null without masks} */
    public Tensor maskOutput() {
        return maskOutput;
    }

    /** Collects a {@link SampleBatch}. */
    public static final class Builder {
        private final List<SourceImage> sources;
        private final DenseTensor output;
        private final DataFormat format;
        private RandomGenerator[] streams;
        private SampleContext[] contexts;
        private boolean resampledInWarp;
        private int[] resampledSize;
        private List<SourceImage> masks;
        private double maskFillValue;
        private Tensor maskOutput;

        private Builder(List<SourceImage> sources, DenseTensor output, DataFormat format) {
            this.sources = Objects.requireNonNull(sources, "sources");
            this.output = output;
            this.format = Objects.requireNonNull(format, "format");
        }

        /**
         * Sets the samples' random streams (copied); without this call no sample is augmented.
         *
         * @param perSample one per source; a null entry leaves that sample unaugmented
         * @return this builder
         */
        public Builder streams(RandomGenerator... perSample) {
            this.streams = perSample;
            return this;
        }

        /**
         * Sets the samples' contexts for the hooks (copied); {@link SampleContext#NONE} for each without it.
         *
         * @param perSample one per source
         * @return this builder
         */
        public Builder contexts(SampleContext... perSample) {
            this.contexts = perSample;
            return this;
        }

        /**
         * Lets the sources keep their own size: the warp resamples each straight to the batch's image size.
         *
         * @param on whether the sources are at their own size
         * @return this builder
         */
        public Builder resampledInWarp(boolean on) {
            this.resampledInWarp = on;
            return this;
        }

        /**
         * Sets the size the warp resamples the sources to when they are {@linkplain #resampledInWarp resampled
         * in the warp}, for augmenters whose steps then change the size (the output's size by default).
         *
         * @param height rows, at least 1
         * @param width columns, at least 1
         * @return this builder
         * @throws IllegalArgumentException for a size below 1
         */
        public Builder resampledSize(int height, int width) {
            if (height < 1 || width < 1) {
                throw new IllegalArgumentException("resampledSize needs height and width of at least 1; got "
                        + height + "x" + width);
            }
            this.resampledSize = new int[] {height, width};
            return this;
        }

        /**
         * Adds segmentation masks: each gets its image's geometry, nearest interpolation, a constant fill
         * with {@code fillValue} and no color step.
         *
         * @param maskSources one mask per source
         * @param fillValue the mask value where the geometry leaves the mask
         * @param maskBatch the rank-4 batch the masks are written into
         * @return this builder
         */
        public Builder masks(List<SourceImage> maskSources, double fillValue, Tensor maskBatch) {
            this.masks = Objects.requireNonNull(maskSources, "maskSources");
            this.maskFillValue = fillValue;
            this.maskOutput = Objects.requireNonNull(maskBatch, "maskBatch");
            return this;
        }

        /**
         * {@return the batch}
         *
         * @throws IllegalArgumentException when the counts of sources, streams, contexts and masks differ
         *     or the output has fewer slots than sources
         */
        public SampleBatch build() {
            return new SampleBatch(this);
        }
    }
}
