package io.jdatagen.spi;

/** Kernel contract: per-channel statistics of a batch, for {@code fit}. */
public interface StatisticsKernel {
    /**
     * Mean and population standard deviation per channel of a rank-4 batch, over images, rows and
     * columns.
     *
     * @throws IllegalArgumentException if {@code batch} is not rank 4
     */
    ChannelStatistics channelStatistics(Tensor batch, DataFormat format);
}
