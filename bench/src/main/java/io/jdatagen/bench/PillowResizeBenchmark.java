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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The resize the file flows run: a 500×375 u8 RGB photo-sized image to 224×224 u8 with Pillow's
 * bilinear filter (antialiased, byte for byte Pillow's), the two convolution passes on each
 * backend, against OpenCV's {@code resize} with INTER_LINEAR and INTER_AREA on one thread (images
 * per second).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class PillowResizeBenchmark {
    private static final int IN_W = 500;
    private static final int IN_H = 375;
    private static final int OUT = 224;

    /** A jdatagen backend running Pillow's passes, or {@code opencv-linear} / {@code opencv-area}. */
    @Param({"simd", "scalar", "reference", "opencv-linear", "opencv-area"})
    public String impl;

    private ByteImage image;
    private Backend backend;
    private BytePointer cvPixels;
    private Mat cvSource;
    private Mat cvResized;
    private Size cvSize;

    /** Builds the image (or the OpenCV buffers). */
    @Setup
    public void setup() {
        byte[] pixels = new byte[IN_W * IN_H * 3];
        new SplittableRandom(5).nextBytes(pixels);
        if (impl.startsWith("opencv")) {
            opencv_core.setNumThreads(1);
            cvPixels = new BytePointer(pixels);
            cvSource = new Mat(IN_H, IN_W, CV_8UC3, cvPixels);
            cvResized = new Mat(OUT, OUT, CV_8UC3);
            cvSize = new Size(OUT, OUT);
            return;
        }
        image = new ByteImage(pixels, IN_H, IN_W, 3);
        backend = Backends.named(impl);
    }

    /** One image resized. */
    @Benchmark
    public Object resize() {
        if (backend == null) {
            opencv_imgproc.resize(cvSource, cvResized, cvSize, 0, 0,
                    impl.equals("opencv-area") ? opencv_imgproc.INTER_AREA : opencv_imgproc.INTER_LINEAR);
            return cvResized;
        }
        return PillowResize.resize(image, OUT, OUT, ResizeFilter.BILINEAR, backend);
    }
}
