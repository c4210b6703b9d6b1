/**
 * Keras's {@code ImageDataGenerator} for the JVM: image generators and their flows, data loading,
 * timeseries windowing and image I/O. Requires {@code io.jdatagen.spi} transitively, so that a
 * module reading this one sees {@code Tensor}, {@code Backends} and the other types these packages
 * hand out.
 *
 * <p>The {@code opencv} codec's libraries ({@code org.bytedeco.opencv}, {@code org.bytedeco.javacpp})
 * are static dependences: its provider reports the codec unavailable, naming what to add, when they
 * are not there, and {@code imageio} decodes instead. Backends are found by {@code io.jdatagen.spi};
 * put {@code io.jdatagen.simd} on the module path and start the JVM with
 * {@code --add-modules jdk.incubator.vector} for the {@code simd} backend.
 *
 * @uses io.jdatagen.io.ImageCodecProvider the image codecs, looked up once per JVM
 * @provides io.jdatagen.io.ImageCodecProvider {@code imageio} and {@code opencv}
 */
// commons-csv, EJML and TwelveMonkeys ship no module-info (automatic modules), which also rules
// out jlink for an application using this module.
@SuppressWarnings("requires-automatic")
module io.jdatagen.api {
    requires transitive io.jdatagen.spi;
    requires java.desktop;
    requires java.xml;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;
    requires org.apache.commons.csv;
    // EJML 0.43.1 jars name no module: these names derive from the jar file names.
    requires ejml.core;
    requires ejml.ddense;
    // The imageio codec's TwelveMonkeys plugins (javax.imageio service providers), and the
    // metadata and stream classes it calls directly.
    requires com.twelvemonkeys.imageio.core;
    requires com.twelvemonkeys.imageio.metadata;
    requires com.twelvemonkeys.imageio.jpeg;
    requires com.twelvemonkeys.imageio.tiff;
    requires com.twelvemonkeys.imageio.bmp;
    requires com.twelvemonkeys.imageio.pnm;
    requires com.twelvemonkeys.imageio.webp;
    requires static org.bytedeco.javacpp;
    requires static org.bytedeco.opencv;

    exports io.jdatagen.augment;
    exports io.jdatagen.boxes;
    exports io.jdatagen.data;
    exports io.jdatagen.detection;
    exports io.jdatagen.flow;
    exports io.jdatagen.image;
    exports io.jdatagen.io;
    exports io.jdatagen.layers;
    exports io.jdatagen.timeseries;

    uses io.jdatagen.io.ImageCodecProvider;

    provides io.jdatagen.io.ImageCodecProvider with
            io.jdatagen.io.ImageioCodecProvider,
            io.jdatagen.io.OpencvCodecProvider;
}
