/**
 * The vocabulary of every jdatagen program: tensors ({@link io.jdatagen.core.Tensor}, a heap
 * float32 array; {@link io.jdatagen.core.BufferTensor}, direct memory a framework adopts; both a
 * {@link io.jdatagen.core.DenseTensor}), their {@link io.jdatagen.core.ElementType}s, image layouts
 * ({@link io.jdatagen.core.DataFormat}), {@link io.jdatagen.core.FillMode}s,
 * {@link io.jdatagen.core.Interpolation} orders, and the one rule by which string options name them
 * ({@link io.jdatagen.core.OptionNames}). Users import these; backends and their plans live in
 * {@code io.jdatagen.spi}, which depends on this package and never the other way round. Depends on
 * {@code java.base} only.
 */
package io.jdatagen.core;
