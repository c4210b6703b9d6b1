package io.jdatagen.bench;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import io.jdatagen.io.ByteImage;
import io.jdatagen.io.PillowResize;
import io.jdatagen.io.ResizeFilter;
import io.jdatagen.spi.Backend;
import io.jdatagen.spi.Backends;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One of the resizes the file flows run, on one thread (images per second): a 500×375 u8 RGB
 * photo-sized image of random bytes to 224×224 u8 with one of Pillow's filters on a jdatagen
 * backend, or with one of OpenCV's {@code resize} interpolations. Subclasses name the filter and
 * the implementations.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public abstract class PillowFilterBenchmark {
    private static final int IN_W = 500;
    private static final int IN_H = 375;
    private static final int OUT = 224;

    private ByteImage image;
    private Backend backend;
    private Mat cvSource;
    private Mat cvResized;
    private Size cvSize;
    private int cvInterpolation;

    /** {@return the implementation: a backend's name, or one starting with {@code opencv}} */
    abstract String impl();

    /** {@return Pillow's filter the backends run} */
    abstract ResizeFilter filter();

    /** {@return the {@code opencv_imgproc.INTER_*} constant of an {@code opencv} implementation} */
    abstract int opencvInterpolation();

    /** Builds the image (or OpenCV's buffers). */
    @Setup
    public void setup() {
        byte[] pixels = new byte[IN_W * IN_H * 3];
        new SplittableRandom(5).nextBytes(pixels);
        if (impl().startsWith("opencv")) {
            opencv_core.setNumThreads(1);
            cvSource = new Mat(IN_H, IN_W, CV_8UC3, new BytePointer(pixels));
            cvResized = new Mat(OUT, OUT, CV_8UC3);
            cvSize = new Size(OUT, OUT);
            cvInterpolation = opencvInterpolation();
            return;
        }
        image = new ByteImage(pixels, IN_H, IN_W, 3);
        backend = Backends.named(impl());
    }

    /** One image resized. */
    @Benchmark
    public Object resize() {
        if (backend == null) {
            opencv_imgproc.resize(cvSource, cvResized, cvSize, 0, 0, cvInterpolation);
            return cvResized;
        }
        return PillowResize.resize(image, OUT, OUT, filter(), backend);
    }
}
