package io.jdatagen.spi;

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
     *
     * @return the interpolation
     */
    public Interpolation interpolation() {
        return interpolation;
    }

    /**
     * Boundary handling.
     *
     * @return the fill mode
     */
    public FillMode fillMode() {
        return fillMode;
    }

    /**
     * Period of {@link FillMode#WRAP}.
     *
     * @return the wrap convention
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

    /**
     * Checks that this plan can map {@code source} into {@code output}.
     *
     * @param source the source
     * @param output the output
     * @throws IllegalArgumentException when channels differ, the color step has the wrong number
     *     of channels, or an identity plan would change the spatial size
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
        if (inverseAffine == null
                && (source.height() != output.height() || source.width() != output.width())) {
            throw new IllegalArgumentException("an identity plan cannot resize "
                    + source.height() + "x" + source.width() + " to " + output.height() + "x"
                    + output.width() + "; set an affine");
        }
    }

    @Override
    public String toString() {
        return "WarpPlan[affine=" + (inverseAffine == null ? "identity" : Arrays.toString(inverseAffine))
                + ", flipRows=" + flipRows + ", flipCols=" + flipCols + ", " + interpolation + ", "
                + fillMode + (fillMode == FillMode.CONSTANT ? "(" + fillValue + ")" : "")
                + (fillMode == FillMode.WRAP ? "(" + wrapConvention + ")" : "")
                + (scale == null ? "" : ", scale=" + Arrays.toString(scale) + ", offset="
                        + Arrays.toString(offset)) + "]";
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
         * @param rows the rows
         * @param cols the cols
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
         * @param interpolation the interpolation
         * @return this builder
         */
        public Builder interpolation(Interpolation interpolation) {
            this.interpolation = Objects.requireNonNull(interpolation, "interpolation");
            return this;
        }

        /**
         * Sets the fill mode and the constant fill value.
         *
         * @param mode the mode
         * @param value the value
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
         * @param convention the convention
         * @return this builder
         */
        public Builder wrapConvention(WrapConvention convention) {
            this.wrapConvention = Objects.requireNonNull(convention, "wrap convention");
            return this;
        }

        /**
         * Sets the per-channel color step; both null removes it.
         *
         * @param scale the scale
         * @param offset the offset
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

        /** {@return the plan} */
        public WarpPlan build() {
            return new WarpPlan(this);
        }
    }
}
