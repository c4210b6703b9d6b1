package io.jdatagen.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.jdatagen.boxes.BoxFormat;
import io.jdatagen.boxes.DenseBoundingBoxes;

/**
 * Boxes in the label layout of DJL's object-detection data sets ({@code PikachuDetection},
 * {@code BananaDetection}, any {@code ObjectDetectionDataset}) and of its SSD training example: per image,
 * rows of {@code [class, xmin, ymin, xmax, ymax]} with the corners relative to the image's size (0 to 1), a
 * batch stacked to {@code (B, N, 5)} float32. Slots beyond a sample's boxes, and boxes that an augmentation
 * pushed off the image (label {@code -1}), are rows of five {@code -1}: the padding MXNet's
 * {@code MultiBoxTarget}, behind DJL's {@code MultiBoxTarget}, skips (it ignores rows whose class is
 * negative). A batch without any box still gets one padding row per image, so {@code N ≥ 1}.
 */
public final class DetectionLabels {
    private DetectionLabels() {
    }

    /**
     * {@return the rows {@code [class, xmin, ymin, xmax, ymax]} of every sample, {@code (B, max(N, 1), 5)}
     * in row-major order, as a flat array}
     *
     * @param boxes the batch's boxes in any format, on images of {@code height × width}
     */
    public static float[] rows(DenseBoundingBoxes boxes, int height, int width) {
        int n = Math.max(boxes.maxBoxes(), 1);
        float[] out = new float[boxes.batchSize() * n * 5];
        java.util.Arrays.fill(out, -1f);
        double[][][] coords = boxes.boxes();
        int[][] labels = boxes.labels();
        int[] counts = boxes.counts();
        for (int b = 0; b < coords.length; b++) {
            double[][] rel = boxes.format().convert(java.util.Arrays.copyOf(coords[b], counts[b]),
                    BoxFormat.REL_XYXY, height, width);
            for (int i = 0; i < counts[b]; i++) {
                if (labels[b][i] < 0) {
                    continue;
                }
                int at = (b * n + i) * 5;
                out[at] = labels[b][i];
                for (int k = 0; k < 4; k++) {
                    out[at + 1 + k] = (float) rel[i][k];
                }
            }
        }
        return out;
    }

    /**
     * {@return {@link #rows} as a float32 array of shape {@code (B, max(N, 1), 5)} on {@code manager}}
     *
     * @param boxes the batch's boxes in any format, on images of {@code height × width}
     */
    public static NDArray create(NDManager manager, DenseBoundingBoxes boxes, int height, int width) {
        return manager.create(rows(boxes, height, width), new Shape(boxes.batchSize(), Math.max(boxes.maxBoxes(), 1),
                5));
    }
}
