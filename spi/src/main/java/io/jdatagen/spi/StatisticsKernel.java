package io.jdatagen.spi;

import io.jdatagen.core.DataFormat;
import io.jdatagen.core.Tensor;

/** Kernel contract: per-channel statistics of a batch, for {@code fit}. */
public interface StatisticsKernel {
    /**
     * {@return mean and population standard deviation per channel of a rank-4 batch, over images, rows and
     * columns}
     *
     * @param format the data format
     * @throws IllegalArgumentException if {@code batch} is not rank 4
     */
    ChannelStatistics channelStatistics(Tensor batch, DataFormat format);
}
