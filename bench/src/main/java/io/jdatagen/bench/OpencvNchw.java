package io.jdatagen.bench;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;

import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;

/**
 * The end of the OpenCV chains: split an 8-bit 3-channel image into planes and convert each with
 * rescale and normalisation folded into alpha and beta, straight into a native float NCHW buffer.
 */
final class OpencvNchw {
    private final MatVector bytePlanes = new MatVector(3);
    private final MatVector planes = new MatVector(3);
    private final double[] alpha = new double[3];
    private final double[] beta = new double[3];
    /** The output buffer, held so that JavaCPP cannot free it under the plane Mats. */
    private final FloatPointer nchw;

    OpencvNchw(int height, int width) {
        nchw = new FloatPointer(3L * height * width);
        float[][] color = HeadlinePlans.color(3);
        for (int c = 0; c < 3; c++) {
            planes.put(c, new Mat(height, width, CV_32F, nchw.getPointer((long) c * height * width)));
            alpha[c] = color[0][c];
            beta[c] = color[1][c];
        }
    }

    /** Converts {@code image} (8-bit, 3 channels) into the float planes and returns them. */
    MatVector convert(Mat image) {
        opencv_core.split(image, bytePlanes);
        for (int c = 0; c < 3; c++) {
            bytePlanes.get(c).convertTo(planes.get(c), CV_32F, alpha[c], beta[c]);
        }
        return planes;
    }
}
