/**
 * The {@code reference} backend: plain Java, always available, the oracle every other backend is
 * tested against. Follows scipy {@code ndimage}'s boundary and tap rules and operation order in
 * double precision. Entry point: {@link io.jdatagen.spi.reference.ReferenceBackend}.
 *
 * @see <a href="https://docs.scipy.org/doc/scipy/reference/generated/scipy.ndimage.affine_transform.html">scipy.ndimage.affine_transform</a>
 */
package io.jdatagen.spi.reference;
