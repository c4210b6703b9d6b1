package io.jdatagen.property;

import io.jdatagen.core.Tensor;

/**
 * The light of a one-channel image (height, width, 1) and how much of it lies in a box: a pixel counts as
 * inside when its centre {@code (col + 0.5, row + 0.5)} is within the box ({@code xyxy}, pixel edges)
 * widened by {@code margin} on every side.
 */
record LightInBox(double inside, double total) {
    static LightInBox of(Tensor image, double[] box, double margin) {
        int h = image.dim(0);
        int w = image.dim(1);
        float[] data = image.data();
        double total = 0;
        double inside = 0;
        for (int r = 0; r < h; r++) {
            double cy = r + 0.5;
            boolean rowIn = cy >= box[1] - margin && cy <= box[3] + margin;
            for (int col = 0; col < w; col++) {
                double v = data[r * w + col];
                total += v;
                double cx = col + 0.5;
                if (rowIn && cx >= box[0] - margin && cx <= box[2] + margin) {
                    inside += v;
                }
            }
        }
        return new LightInBox(inside, total);
    }
}
