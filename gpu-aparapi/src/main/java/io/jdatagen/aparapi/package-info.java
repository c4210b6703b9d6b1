/**
 * The {@code aparapi} backend: the fused warp for a whole batch in one OpenCL launch, per-channel
 * statistics and the ZCA product, through Aparapi. Found by {@code ServiceLoader} through
 * {@link io.jdatagen.aparapi.AparapiBackendProvider}; available only where an OpenCL device is
 * present, and never falling back to Aparapi's Java thread pool.
 *
 * @see <a href="https://aparapi.com/">Aparapi</a>
 */
package io.jdatagen.aparapi;
