/**
 * The {@code simd} backend on the JDK Vector API ({@code jdk.incubator.vector}), found by
 * {@code ServiceLoader} through {@link io.jdatagen.simd.SimdBackendProvider}. The provider links no
 * Vector API class, so a JVM without {@code --add-modules jdk.incubator.vector} sees the backend
 * as unavailable, with the flag to add, instead of failing. Kernels: {@code PairGatherWarp} (8-bit
 * sources, and float sources laid out by {@code FloatPairs}, under every fill but the periodic wraps),
 * {@code SimdWarp} (every other plan), {@code RgbCopy}/{@code CopyKernel}
 * (identity and flips), {@code SimdStatistics}, {@code SimdMatrix}.
 */
package io.jdatagen.simd;
