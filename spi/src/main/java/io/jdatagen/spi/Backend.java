package io.jdatagen.spi;

/**
 * A set of kernels: warp, statistics, matrix product, element-wise passes and Pillow-style resampling.
 * Implementations are thread-safe: a backend may be called from several loader workers at once.
 */
public interface Backend extends WarpKernel, StatisticsKernel, MatrixKernel, PixelKernel {
    /** {@return the provider name, e.g. {@code reference}} */
    String name();

    /** {@return one line saying how each kernel is implemented (natively, or delegated to the reference)} */
    String describe();

    /**
     * {@return the Pillow resampling this backend runs: its own kernel, or a
     * {@link io.jdatagen.spi.reference.PillowResample} where it has nothing faster (and says so in
     * {@link #describe()}); the same bytes either way}
     */
    ResampleKernel resampling();
}
