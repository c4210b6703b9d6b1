package io.jdatagen.bench;

import io.jdatagen.io.ResizeFilter;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.openjdk.jmh.annotations.Param;

/**
 * The resize the file flows run with {@code interpolation("nearest")}: Pillow's nearest filter (the
 * source pixel under each output pixel's centre) on each backend, against OpenCV's
 * INTER_NEAREST_EXACT (documented to match Pillow's nearest) and INTER_NEAREST.
 */
public class PillowNearestBenchmark extends PillowFilterBenchmark {
    /** A jdatagen backend picking the pixels, or {@code opencv-nearest} / {@code opencv-nearest-exact}. */
    @Param({"simd", "scalar", "reference", "opencv-nearest", "opencv-nearest-exact"})
    public String impl;

    @Override
    String impl() {
        return impl;
    }

    @Override
    ResizeFilter filter() {
        return ResizeFilter.NEAREST;
    }

    @Override
    int opencvInterpolation() {
        return impl.equals("opencv-nearest") ? opencv_imgproc.INTER_NEAREST : opencv_imgproc.INTER_NEAREST_EXACT;
    }
}
