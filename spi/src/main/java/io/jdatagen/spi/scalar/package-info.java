/**
 * The {@code scalar} backend: a plain-Java warp for the common plans, chosen automatically when the
 * {@code simd} backend is unavailable (no {@code --add-modules jdk.incubator.vector}, or an old
 * JDK). Entry point: {@link io.jdatagen.spi.scalar.ScalarBackendProvider}.
 */
package io.jdatagen.spi.scalar;
