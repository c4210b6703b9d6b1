package io.jdatagen.bench;

import io.jdatagen.io.ResizeFilter;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.openjdk.jmh.annotations.Param;

/**
 * The resize the file flows run by default: Pillow's bilinear filter (antialiased, byte for byte
 * Pillow's), the two convolution passes on each backend, against OpenCV's INTER_LINEAR and
 * INTER_AREA.
 */
public class PillowResizeBenchmark extends PillowFilterBenchmark {
    /** A jdatagen backend running Pillow's passes, or {@code opencv-linear} / {@code opencv-area}. */
    @Param({"simd", "scalar", "reference", "opencv-linear", "opencv-area"})
    public String impl;

    @Override
    String impl() {
        return impl;
    }

    @Override
    ResizeFilter filter() {
        return ResizeFilter.BILINEAR;
    }

    @Override
    int opencvInterpolation() {
        return impl.equals("opencv-area") ? opencv_imgproc.INTER_AREA : opencv_imgproc.INTER_LINEAR;
    }
}
