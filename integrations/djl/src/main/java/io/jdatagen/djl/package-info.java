/**
 * jdatagen for DJL (Deep Java Library). Entry point: {@link io.jdatagen.djl.JdatagenDataset}, a
 * DJL {@code Dataset} over any jdatagen flow or sequence.
 *
 * @see <a href="https://docs.djl.ai/">DJL</a>
 */
package io.jdatagen.djl;
