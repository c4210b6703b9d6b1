package io.jdatagen.image;

import java.util.Arrays;

/**
 * What {@code fit} learns: the per-channel mean and standard deviation, and
 * the ZCA whitening matrix. Absent parts are null.
 *
 * @param mean per-channel mean, or null
 * @param std per-channel population standard deviation of the centred data, or null
 * @param zcaWhitening the {@code d×d} whitening matrix in row-major order, or null
 * @param zcaDimension {@code d}: the number of features per image ({@code H·W·C}), 0 without ZCA
 */
public record FeaturewiseStatistics(double[] mean, double[] std, double[] zcaWhitening, int zcaDimension) {
    /**
     * Validates that the ZCA matrix is {@code zcaDimension} squared, and copies the arrays.
     */
    public FeaturewiseStatistics {
        if (zcaWhitening != null && (long) zcaDimension * zcaDimension != zcaWhitening.length) {
            throw new IllegalArgumentException("the ZCA matrix has " + zcaWhitening.length
                    + " elements, not " + zcaDimension + " squared");
        }
        if (mean != null && std != null && mean.length != std.length) {
            throw new IllegalArgumentException("mean has " + mean.length + " channels but std has "
                    + std.length);
        }
        mean = mean == null ? null : mean.clone();
        std = std == null ? null : std.clone();
        zcaWhitening = zcaWhitening == null ? null : zcaWhitening.clone();
    }

    /**
     * Nothing fitted.
     *
     * @return the featurewise statistics
     */
    public static FeaturewiseStatistics none() {
        return new FeaturewiseStatistics(null, null, null, 0);
    }

    /** {@return a copy of the means, or null} */
    @Override
    public double[] mean() {
        return mean == null ? null : mean.clone();
    }

    /** {@return a copy of the standard deviations, or null} */
    @Override
    public double[] std() {
        return std == null ? null : std.clone();
    }

    /** {@return a copy of the ZCA matrix (row-major {@code d×d}), or null} */
    @Override
    public double[] zcaWhitening() {
        return zcaWhitening == null ? null : zcaWhitening.clone();
    }

    /** Whether a mean was fitted. */
    boolean hasMean() {
        return mean != null;
    }

    /** Whether a standard deviation was fitted. */
    boolean hasStd() {
        return std != null;
    }

    /** The number of channels of the fitted mean or std. */
    int channelCount() {
        return mean != null ? mean.length : std.length;
    }

    /** Mean of channel {@code c} (the record holds it; no copy). */
    double meanOf(int c) {
        return mean[c];
    }

    /** Standard deviation of channel {@code c} (no copy). */
    double stdOf(int c) {
        return std[c];
    }

    /** The ZCA matrix without copying, for the kernels. */
    double[] zcaMatrix() {
        return zcaWhitening;
    }

    @Override
    public String toString() {
        return "FeaturewiseStatistics[mean=" + Arrays.toString(mean) + ", std=" + Arrays.toString(std)
                + ", zca=" + (zcaWhitening == null ? "none" : zcaDimension + "x" + zcaDimension) + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FeaturewiseStatistics f && Arrays.equals(f.mean, mean) && Arrays.equals(f.std, std)
                && Arrays.equals(f.zcaWhitening, zcaWhitening) && f.zcaDimension == zcaDimension;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(mean) * 31 + Arrays.hashCode(std);
    }
}
