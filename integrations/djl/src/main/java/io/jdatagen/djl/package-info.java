/**
 * jdatagen for DJL (Deep Java Library). Entry point: {@link io.jdatagen.djl.JdatagenDataset}, a
 * DJL {@code Dataset} over any jdatagen flow or sequence; {@link io.jdatagen.djl.DetectionDataset} over a
 * detection flow, its boxes in DJL's object-detection label layout ({@link io.jdatagen.djl.DetectionLabels}).
 *
 * @see <a href="https://docs.djl.ai/">DJL</a>
 */
package io.jdatagen.djl;
