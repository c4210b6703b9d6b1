package io.jdatagen.spi;

import io.jdatagen.core.DataFormat;
import io.jdatagen.core.Tensor;

/**
 * Per-channel mean and population standard deviation over a batch (all images, rows and
 * columns), computed in double precision, as {@code fit} needs them.
 *
 * @param mean mean of each channel
 * @param std population standard deviation of each channel about its mean
 */
public record ChannelStatistics(double[] mean, double[] std) {
    /**
     * Validates that both arrays exist and have the same length.
     */
    public ChannelStatistics {
        if (mean == null || std == null || mean.length != std.length) {
            throw new IllegalArgumentException("mean and std must have one value per channel");
        }
        mean = mean.clone();
        std = std.clone();
    }

    /**
     * {@return the channel count and the number of values per channel per image of a rank-4 batch: {@code
     * {channels, plane}}}
     *
     * @param format the data format
     * @throws IllegalArgumentException if {@code batch} is not rank 4
     */
    public static int[] channelsAndPlane(Tensor batch, DataFormat format) {
        if (batch.rank() != 4) {
            throw new IllegalArgumentException("channel statistics need a rank-4 batch, got shape "
                    + java.util.Arrays.toString(batch.shape()));
        }
        int[] s = batch.shape();
        return format == DataFormat.CHANNELS_LAST ? new int[] {s[3], s[1] * s[2]} : new int[] {s[1], s[2] * s[3]};
    }

    /** {@return a copy of the means} */
    @Override
    public double[] mean() {
        return mean.clone();
    }

    /** {@return a copy of the standard deviations} */
    @Override
    public double[] std() {
        return std.clone();
    }
}
