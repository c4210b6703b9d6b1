package io.jdatagen.spi;

/**
 * Per-channel mean and population standard deviation over a batch (all images, rows and
 * columns), computed in double precision, as {@code fit} needs them (KERAS-SPEC.md §3.5).
 *
 * @param mean mean of each channel
 * @param std population standard deviation of each channel about its mean
 */
public record ChannelStatistics(double[] mean, double[] std) {
    /** Validates that both arrays exist and have the same length. */
    public ChannelStatistics {
        if (mean == null || std == null || mean.length != std.length) {
            throw new IllegalArgumentException("mean and std must have one value per channel");
        }
        mean = mean.clone();
        std = std.clone();
    }

    /** A copy of the means. */
    @Override
    public double[] mean() {
        return mean.clone();
    }

    /** A copy of the standard deviations. */
    @Override
    public double[] std() {
        return std.clone();
    }
}
