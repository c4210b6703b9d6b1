/**
 * The kernel contracts and the data they exchange: what every backend implements and how one is
 * chosen at run time.
 *
 * <p>Entry points: {@link io.jdatagen.spi.Backends} (the selected backend, and a table of every
 * provider with its availability), {@link io.jdatagen.core.Tensor}, {@link io.jdatagen.spi.WarpPlan}
 * (one fused per-image plan: inverse affine, flips, fill, interpolation, per-channel color),
 * {@link io.jdatagen.spi.SourceImage} and {@link io.jdatagen.spi.OutputSlot}. A new backend
 * implements {@link io.jdatagen.spi.Backend} (the {@link io.jdatagen.spi.WarpKernel},
 * {@link io.jdatagen.spi.StatisticsKernel} and {@link io.jdatagen.spi.MatrixKernel} contracts, and a
 * {@link io.jdatagen.spi.ResampleKernel} from {@code resampling()}:
 * {@link io.jdatagen.spi.reference.PillowResample}, the plain-Java one, where it has nothing faster) and a
 * {@link io.jdatagen.spi.BackendProvider} listed in
 * {@code META-INF/services/io.jdatagen.spi.BackendProvider}. This package depends on the JDK only.
 */
package io.jdatagen.spi;
