/**
 * Image files: decoding, color conversion and Pillow-exact resizing (Keras's {@code load_img}),
 * and writing.
 *
 * <p>Entry points: {@link io.jdatagen.io.ImageCodecs} (the codecs found at run time:
 * {@code opencv} when OpenCV is on the class path, {@code imageio} always), {@link io.jdatagen.io.ImageFileReader}
 * (decode, orient, convert, resize one file), {@link io.jdatagen.io.ByteImage} (an 8-bit image),
 * {@link io.jdatagen.io.ColorMode} and {@link io.jdatagen.io.ResizeFilter}. A new codec implements
 * {@link io.jdatagen.io.ImageCodecProvider} and is listed in
 * {@code META-INF/services/io.jdatagen.io.ImageCodecProvider}.
 *
 * @see <a href="https://pillow.readthedocs.io/en/stable/handbook/concepts.html#filters">Pillow's resampling filters</a>
 */
package io.jdatagen.io;
