package io.jdatagen.flow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@link TfResize} on small images, with the values TensorFlow 2.21 gives for them. */
class TfResizeTest {
    @Test
    void bilinearUsesHalfPixelCentres() {
        // tf.image.resize([[0, 10], [20, 30]], (4, 4)): sources at (x + 0.5) / 2 - 0.5, clamped at the edges.
        float[] out = TfResize.resize(new float[] {0, 10, 20, 30}, 2, 2, 1, 4, 4, TfInterpolation.BILINEAR);
        assertArrayEquals(new float[] {0, 2.5f, 7.5f, 10}, Arrays.copyOfRange(out, 0, 4));
        assertArrayEquals(new float[] {5, 7.5f, 12.5f, 15}, Arrays.copyOfRange(out, 4, 8));
    }

    @Test
    void nearestTakesTheSourceUnderTheCentre() {
        // 3 -> 2 columns: centres at 0.75 and 2.25 source pixels.
        float[] out = TfResize.resize(new float[] {1, 2, 3}, 1, 3, 1, 1, 2, TfInterpolation.NEAREST);
        assertArrayEquals(new float[] {1, 3}, out);
    }

    @Test
    void areaAveragesTheCoveredCells() {
        // 3 -> 2 columns: each output covers 1.5 source cells.
        float[] out = TfResize.resize(new float[] {0, 30, 60}, 1, 3, 1, 1, 2, TfInterpolation.AREA);
        assertArrayEquals(new float[] {10, 50}, out);
    }

    @ParameterizedTest
    @EnumSource(TfInterpolation.class)
    void aFlatImageStaysFlat(TfInterpolation method) {
        float[] flat = new float[5 * 7 * 2];
        for (int i = 0; i < flat.length; i++) {
            flat[i] = i % 2 == 0 ? 200f : 17f;
        }
        for (int[] size : new int[][] {{3, 4}, {9, 11}, {5, 7}}) {
            float[] out = TfResize.resize(flat, 5, 7, 2, size[0], size[1], method);
            assertEquals(size[0] * size[1] * 2, out.length);
            for (int i = 0; i < out.length; i++) {
                assertEquals(i % 2 == 0 ? 200f : 17f, out[i], 1e-3, method + " at " + i);
            }
        }
    }
}
