package io.jdatagen.bench;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import io.jdatagen.core.DataFormat;
import io.jdatagen.core.FillMode;
import io.jdatagen.core.Interpolation;
import io.jdatagen.core.Tensor;
import io.jdatagen.spi.Backend;
import io.jdatagen.spi.Backends;
import io.jdatagen.spi.OutputSlot;
import io.jdatagen.spi.SourceImage;
import io.jdatagen.spi.WarpPlan;
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
 * Resize 500×375 u8 RGB to a 224×224 normalised float32 NCHW image, bilinear with pixel centres
 * aligned and no antialiasing (OpenCV's INTER_LINEAR), one thread: jdatagen's warp with a scale
 * plan per backend, and OpenCV {@code resize} + split + per-channel {@code convertTo}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class ResizeBenchmark {
    private static final int IN_W = 500;
    private static final int IN_H = 375;
    private static final int OUT = 224;

    /** jdatagen backend, or {@code opencv}. */
    @Param({"simd", "reference", "opencv"})
    public String impl;

    private Backend backend;
    private SourceImage source;
    private WarpPlan plan;
    private OutputSlot slot;
    /** The native pixels behind {@code cvSource}, held so that JavaCPP cannot free them. */
    private BytePointer cvPixels;
    private Mat cvSource;
    private Mat cvResized;
    private Size cvSize;
    private OpencvNchw nchw;

    /** Builds the image and the plan (or the OpenCV buffers). */
    @Setup
    public void setup() {
        byte[] pixels = new byte[IN_W * IN_H * 3];
        new SplittableRandom(5).nextBytes(pixels);
        float[][] color = HeadlinePlans.color(3);
        if (impl.equals("opencv")) {
            opencv_core.setNumThreads(1);
            cvPixels = new BytePointer(pixels);
            cvSource = new Mat(IN_H, IN_W, CV_8UC3, cvPixels);
            cvResized = new Mat(OUT, OUT, CV_8UC3);
            cvSize = new Size(OUT, OUT);
            nchw = new OpencvNchw(OUT, OUT);
            return;
        }
        backend = Backends.named(impl);
        source = SourceImage.ofBytes(pixels, 0, IN_H, IN_W, 3);
        double ry = (double) IN_H / OUT;
        double rx = (double) IN_W / OUT;
        plan = WarpPlan.builder().inverseAffine(new double[] {ry, 0, 0.5 * ry - 0.5, 0, rx, 0.5 * rx - 0.5})
                .interpolation(Interpolation.BILINEAR).fill(FillMode.NEAREST, 0).color(color[0], color[1]).build();
        slot = OutputSlot.of(Tensor.zeros(1, 3, OUT, OUT), 0, DataFormat.CHANNELS_FIRST);
    }

    /** One image resized and normalised. */
    @Benchmark
    public Object resize() {
        if (backend == null) {
            opencv_imgproc.resize(cvSource, cvResized, cvSize, 0, 0, opencv_imgproc.INTER_LINEAR);
            return nchw.convert(cvResized);
        }
        backend.warp(source, plan, slot);
        return slot.target();
    }
}
