package io.jdatagen.spi;

import io.jdatagen.core.FillMode;
import io.jdatagen.core.Interpolation;
import java.util.Arrays;
import java.util.Objects;

/**
 * The fused per-image plan: one inverse affine map (output pixel to source
 * coordinate), output flips, interpolation, fill, and a per-channel linear color step
 * {@code y = scale[c] * x + offset[c]} applied after sampling (fill pixels included).
 *
 * <p>Coordinates are in the two spatial axes of the image as stored: axis 0 is the row (outer)
 * axis and axis 1 the column (inner) axis. For output pixel {@code (i, j)} the source coordinate
 * is computed exactly as scipy does it, in double precision and in this order:
 * <pre>
 *   c0 = m[2];  c0 += i * m[0];  c0 += j * m[1];
 *   c1 = m[5];  c1 += i * m[3];  c1 += j * m[4];
 * </pre>
 * where {@code i} and {@code j} are first mirrored when the plan flips that output axis. A plan
 * without an affine ({@link #isIdentityAffine()}) copies samples without resampling.
 *
 * <p>A plan may carry a presize ({@link Builder#presize}): the source is first resampled to a
 * given size, and everything above (affine, flips, fill, color) then applies to that resized
 * image, as if it were the source. The result is the two warps one after the other, the first
 * stored as float32; a backend may run both in one pass as long as it computes each value the
 * second interpolation reads as the first would have stored it.
 */
public final class WarpPlan {
    private final double[] inverseAffine;
    private final boolean flipRows;
    private final boolean flipCols;
    private final Interpolation interpolation;
    private final FillMode fillMode;
    private final WrapConvention wrapConvention;
    private final double fillValue;
    private final float[] scale;
    private final float[] offset;
    private final int presizeHeight;
    private final int presizeWidth;
    private final Interpolation presizeInterpolation;

    private WarpPlan(Builder b) {
        this.inverseAffine = b.inverseAffine == null ? null : b.inverseAffine.clone();
        this.flipRows = b.flipRows;
        this.flipCols = b.flipCols;
        this.interpolation = b.interpolation;
        this.fillMode = b.fillMode;
        this.wrapConvention = b.wrapConvention;
        this.fillValue = b.fillValue;
        this.scale = b.scale == null ? null : b.scale.clone();
        this.offset = b.offset == null ? null : b.offset.clone();
        this.presizeHeight = b.presizeHeight;
        this.presizeWidth = b.presizeWidth;
        this.presizeInterpolation = b.presizeInterpolation;
    }

    /** {@return a builder for an identity plan (copy, bilinear, nearest fill, scipy wrap, no color)} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder initialised from this plan} */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.inverseAffine = inverseAffine;
        b.flipRows = flipRows;
        b.flipCols = flipCols;
        b.interpolation = interpolation;
        b.fillMode = fillMode;
        b.wrapConvention = wrapConvention;
        b.fillValue = fillValue;
        b.scale = scale;
        b.offset = offset;
        b.presizeHeight = presizeHeight;
        b.presizeWidth = presizeWidth;
        b.presizeInterpolation = presizeInterpolation;
        return b;
    }

    /** {@return true when no affine is set: samples are copied (with flips and color) without resampling} */
    public boolean isIdentityAffine() {
        return inverseAffine == null;
    }

    /** {@return a copy of the inverse affine {@code {m00, m01, off0, m10, m11, off1}}, or null for identity} */
    public double[] inverseAffine() {
        return inverseAffine == null ? null : inverseAffine.clone();
    }

    /**
     * {@return element {@code k} (0..5) of the inverse affine; identity values when there is none}
     *
     * @param k the index
     */
    public double affine(int k) {
        if (inverseAffine != null) {
            return inverseAffine[k];
        }
        return k == 0 || k == 4 ? 1.0 : 0.0;
    }

    /** {@return whether output rows are mirrored (a vertical flip applied after the affine)} */
    public boolean flipRows() {
        return flipRows;
    }

    /** {@return whether output columns are mirrored (a horizontal flip applied after the affine)} */
    public boolean flipCols() {
        return flipCols;
    }

    /**
     * Interpolation order.
     */
    public Interpolation interpolation() {
        return interpolation;
    }

    /**
     * Boundary handling.
     */
    public FillMode fillMode() {
        return fillMode;
    }

    /**
     * Period of {@link FillMode#WRAP}.
     */
    public WrapConvention wrapConvention() {
        return wrapConvention;
    }

    /** {@return the value of {@link FillMode#CONSTANT} fill, in source units (before the color step)} */
    public double fillValue() {
        return fillValue;
    }

    /** {@return whether a color step is set} */
    public boolean hasColor() {
        return scale != null;
    }

    /**
     * Color scale of channel {@code c} (1 without a color step).
     *
     * @param c the channel
     * @return the float
     */
    public float scale(int c) {
        return scale == null ? 1f : scale[c];
    }

    /**
     * Color offset of channel {@code c} (0 without a color step).
     *
     * @param c the channel
     * @return the float
     */
    public float offset(int c) {
        return offset == null ? 0f : offset[c];
    }

    /** {@return the number of channels the color step is defined for (0 without one)} */
    public int colorChannels() {
        return scale == null ? 0 : scale.length;
    }

    /** {@return whether the source is first resampled to {@link #presizeHeight} × {@link #presizeWidth}} */
    public boolean hasPresize() {
        return presizeInterpolation != null;
    }

    /** {@return rows of the presized image the geometry applies to (0 without a presize)} */
    public int presizeHeight() {
        return presizeHeight;
    }

    /** {@return columns of the presized image the geometry applies to (0 without a presize)} */
    public int presizeWidth() {
        return presizeWidth;
    }

    /** {@return the interpolation of the presize (null without one)} */
    public Interpolation presizeInterpolation() {
        return presizeInterpolation;
    }

    /**
     * Whether a source of {@code height × width} needs the presize resampling: false without a
     * presize, and false when the source already has the presize's size (a resize to the same size
     * is skipped, and the source read as it is).
     *
     * @param height rows of the source
     * @param width columns of the source
     * @return true when the first pass resamples
     */
    public boolean presizes(int height, int width) {
        return hasPresize() && (height != presizeHeight || width != presizeWidth);
    }

    /**
     * The first pass of a presized plan for a source of {@code height × width}: its inverse affine
     * maps output pixel {@code (i, j)} of the presized image to {@code (ry·i + ry/2 − 1/2, rx·j +
     * rx/2 − 1/2)} with {@code ry = height / presizeHeight} and {@code rx = width / presizeWidth}
     * (pixel centres aligned), with the presize's interpolation and edges clamped ({@link
     * FillMode#NEAREST}), no flips and no color step.
     *
     * @param height rows of the source
     * @param width columns of the source
     * @return the resize plan
     * @throws IllegalStateException if this plan has no presize
     */
    public WarpPlan presizePlan(int height, int width) {
        if (!hasPresize()) {
            throw new IllegalStateException("this plan has no presize: " + this);
        }
        double ry = (double) height / presizeHeight;
        double rx = (double) width / presizeWidth;
        return builder().inverseAffine(new double[] {ry, 0, 0.5 * ry - 0.5, 0, rx, 0.5 * rx - 0.5})
                .interpolation(presizeInterpolation).fill(FillMode.NEAREST, 0).build();
    }

    /**
     * {@return the second pass of a presized plan: this plan without its presize, for the
     * presized image as its source (this plan itself when it has none)}
     */
    public WarpPlan withoutPresize() {
        if (!hasPresize()) {
            return this;
        }
        Builder b = toBuilder();
        b.presizeHeight = 0;
        b.presizeWidth = 0;
        b.presizeInterpolation = null;
        return b.build();
    }

    /**
     * Checks that this plan can map {@code source} into {@code output}.
     *
     * @throws IllegalArgumentException when channels differ, the color step has the wrong number
     *     of channels, or an identity plan would change the spatial size (the presized size, when
     *     the plan has a presize)
     */
    public void checkCompatible(SourceImage source, OutputSlot output) {
        if (source.channels() != output.channels()) {
            throw new IllegalArgumentException("source has " + source.channels()
                    + " channels but output has " + output.channels());
        }
        if (scale != null && scale.length != output.channels()) {
            throw new IllegalArgumentException("color step has " + scale.length
                    + " channels but the image has " + output.channels());
        }
        int height = hasPresize() ? presizeHeight : source.height();
        int width = hasPresize() ? presizeWidth : source.width();
        if (inverseAffine == null && (height != output.height() || width != output.width())) {
            throw new IllegalArgumentException("an identity plan cannot resize "
                    + height + "x" + width + (hasPresize() ? " (the presize)" : "") + " to " + output.height()
                    + "x" + output.width() + "; set an affine");
        }
    }

    @Override
    public String toString() {
        return "WarpPlan[affine=" + (inverseAffine == null ? "identity" : Arrays.toString(inverseAffine))
                + ", flipRows=" + flipRows + ", flipCols=" + flipCols + ", " + interpolation + ", "
                + fillMode + (fillMode == FillMode.CONSTANT ? "(" + fillValue + ")" : "")
                + (fillMode == FillMode.WRAP ? "(" + wrapConvention + ")" : "")
                + (scale == null ? "" : ", scale=" + Arrays.toString(scale) + ", offset="
                        + Arrays.toString(offset))
                + (hasPresize() ? ", presize=" + presizeHeight + "x" + presizeWidth + " " + presizeInterpolation
                        : "") + "]";
    }

    /** Builds a {@link WarpPlan}. */
    public static final class Builder {
        private double[] inverseAffine;
        private boolean flipRows;
        private boolean flipCols;
        private Interpolation interpolation = Interpolation.BILINEAR;
        private FillMode fillMode = FillMode.NEAREST;
        private WrapConvention wrapConvention = WrapConvention.SCIPY;
        private double fillValue;
        private float[] scale;
        private float[] offset;
        private int presizeHeight;
        private int presizeWidth;
        private Interpolation presizeInterpolation;

        private Builder() {
        }

        /**
         * Sets the inverse affine {@code {m00, m01, off0, m10, m11, off1}} (see the class doc); null means
         * identity.
         *
         * @param m the inverse affine {A00, A01, off0, A10, A11, off1}, or null for the identity
         * @return this builder
         */
        public Builder inverseAffine(double[] m) {
            if (m != null) {
                if (m.length != 6) {
                    throw new IllegalArgumentException("inverse affine needs 6 values, got " + m.length);
                }
                for (double v : m) {
                    if (!Double.isFinite(v)) {
                        throw new IllegalArgumentException("inverse affine must be finite: "
                                + Arrays.toString(m));
                    }
                }
            }
            this.inverseAffine = m == null ? null : m.clone();
            return this;
        }

        /**
         * Mirrors the output rows and/or columns.
         *
         * @return this builder
         */
        public Builder flips(boolean rows, boolean cols) {
            this.flipRows = rows;
            this.flipCols = cols;
            return this;
        }

        /**
         * Sets the interpolation.
         *
         * @return this builder
         */
        public Builder interpolation(Interpolation interpolation) {
            this.interpolation = Objects.requireNonNull(interpolation, "interpolation");
            return this;
        }

        /**
         * Sets the fill mode and the constant fill value.
         *
         * @return this builder
         */
        public Builder fill(FillMode mode, double value) {
            this.fillMode = Objects.requireNonNull(mode, "fill mode");
            this.fillValue = value;
            return this;
        }

        /**
         * Sets the period convention of {@link FillMode#WRAP}.
         *
         * @return this builder
         */
        public Builder wrapConvention(WrapConvention convention) {
            this.wrapConvention = Objects.requireNonNull(convention, "wrap convention");
            return this;
        }

        /**
         * Sets the per-channel color step; both null removes it.
         *
         * @return this builder
         */
        public Builder color(float[] scale, float[] offset) {
            if ((scale == null) != (offset == null)
                    || (scale != null && scale.length != offset.length)) {
                throw new IllegalArgumentException("color scale and offset must both be set with the"
                        + " same length, or both be null");
            }
            this.scale = scale == null ? null : scale.clone();
            this.offset = offset == null ? null : offset.clone();
            return this;
        }

        /**
         * Resamples the source to {@code height × width} before this plan's geometry, with pixel
         * centres aligned, edges clamped and no antialiasing (the mapping of {@link
         * WarpPlan#presizePlan}); the inverse affine, the flips and the fill mode then refer to the
         * resized image, and an identity plan's output has its size. The result equals warping the
         * source by {@link WarpPlan#presizePlan} into a float32 image, then warping that image by
         * {@link WarpPlan#withoutPresize}. A source that already has this size is read as it is.
         *
         * @param height rows of the resized image, at least 1
         * @param width columns of the resized image, at least 1
         * @param interpolation the interpolation of the resize (the second warp keeps the plan's own)
         * @return this builder
         * @throws IllegalArgumentException if {@code height} or {@code width} is below 1
         */
        public Builder presize(int height, int width, Interpolation interpolation) {
            if (height < 1 || width < 1) {
                throw new IllegalArgumentException("presize height and width must be >= 1; got height=" + height
                        + ", width=" + width);
            }
            this.presizeHeight = height;
            this.presizeWidth = width;
            this.presizeInterpolation = Objects.requireNonNull(interpolation, "presize interpolation");
            return this;
        }

        /** {@return the plan} */
        public WarpPlan build() {
            return new WarpPlan(this);
        }
    }
}
