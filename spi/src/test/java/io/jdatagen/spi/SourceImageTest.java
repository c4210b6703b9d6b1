package io.jdatagen.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jdatagen.core.DataFormat;
import io.jdatagen.core.Tensor;
import io.jdatagen.spi.scalar.ScalarBackend;
import org.junit.jupiter.api.Test;

/**
 * {@link SourceImage#ofItem} and {@link SourceImage#of(float[], int, int, int, int, DataFormat)}: an image read in
 * place.
 */
class SourceImageTest {
    private static Tensor batch(int n, int a, int b, int c) {
        float[] data = new float[n * a * b * c];
        for (int k = 0; k < data.length; k++) {
            data[k] = k * 0.5f;
        }
        return Tensor.of(data, n, a, b, c);
    }

    @Test
    void anItemReadsTheBatchInPlaceInEitherFormat() {
        Tensor batch = batch(3, 4, 5, 2);
        for (DataFormat format : DataFormat.values()) {
            for (int i = 0; i < 3; i++) {
                SourceImage view = SourceImage.ofItem(batch, i, format);
                SourceImage copy = SourceImage.of(batch.item(i), format);
                assertEquals(copy.height(), view.height());
                assertEquals(copy.width(), view.width());
                assertEquals(copy.channels(), view.channels());
                assertEquals(copy.toTensor(format), view.toTensor(format), format + " " + i);
            }
        }
        SourceImage view = SourceImage.ofItem(batch, 2, DataFormat.CHANNELS_LAST);
        batch.set(-7f, 2, 1, 3, 1);
        assertEquals(-7f, view.sample(1, 3, 1));
    }

    @Test
    void aWarpOfAnItemEqualsTheWarpOfItsCopy() {
        Tensor batch = batch(2, 6, 7, 3);
        WarpPlan plan = WarpPlan.builder().inverseAffine(new double[] {0.9, 0.2, 0.3, -0.1, 1.1, 0.4}).build();
        ScalarBackend backend = new ScalarBackend();
        Tensor fromView = Tensor.zeros(6, 7, 3);
        Tensor fromCopy = Tensor.zeros(6, 7, 3);
        backend.warp(SourceImage.ofItem(batch, 1, DataFormat.CHANNELS_LAST), plan,
                OutputSlot.image(fromView, DataFormat.CHANNELS_LAST));
        backend.warp(SourceImage.of(batch.item(1), DataFormat.CHANNELS_LAST), plan,
                OutputSlot.image(fromCopy, DataFormat.CHANNELS_LAST));
        assertEquals(fromCopy, fromView);
    }

    @Test
    void anItemNeedsARankFourBatchAndAnImageInIt() {
        assertThrows(IllegalArgumentException.class, () -> SourceImage.ofItem(Tensor.zeros(4, 5, 3), 0,
                DataFormat.CHANNELS_LAST));
        assertThrows(IndexOutOfBoundsException.class, () -> SourceImage.ofItem(batch(2, 3, 3, 1), 2,
                DataFormat.CHANNELS_LAST));
        assertThrows(IndexOutOfBoundsException.class, () -> SourceImage.ofItem(batch(2, 3, 3, 1), -1,
                DataFormat.CHANNELS_LAST));
    }

    @Test
    void anImageAtAnOffsetReadsTheArrayInPlace() {
        Tensor batch = batch(3, 4, 5, 2);
        int size = 4 * 5 * 2;
        for (DataFormat format : DataFormat.values()) {
            int[] hwc = format.imageHwc(new int[] {4, 5, 2});
            SourceImage atOffset = SourceImage.of(batch.data(), 2 * size, hwc[0], hwc[1], hwc[2], format);
            assertEquals(SourceImage.ofItem(batch, 2, format).toTensor(format), atOffset.toTensor(format),
                    format.toString());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SourceImage.of(new float[40], 1, 4, 5, 2, DataFormat.CHANNELS_LAST));
        assertEquals("float image 4x5x2 at offset 1 does not fit in 40 values", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SourceImage.of(new float[40], -1, 2, 2, 2,
                DataFormat.CHANNELS_LAST));
    }
}
