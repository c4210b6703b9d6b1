/**
 * The {@code scalar} backend: a plain-Java warp, the one-lane form of the {@code simd} backend's (the
 * same bytes for every plan), chosen automatically when the {@code simd} backend is unavailable (no
 * {@code --add-modules jdk.incubator.vector}, or an old JDK). Entry point:
 * {@link io.jdatagen.spi.scalar.ScalarBackendProvider}.
 */
package io.jdatagen.spi.scalar;
