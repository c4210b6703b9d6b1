/**
 * The memory batches are written into, lent again once released: {@link io.jdatagen.memory.BufferPool}.
 * Internal to this library: the module does not export this package, and its classes may change in any
 * release.
 */
package io.jdatagen.memory;
