package io.jdatagen.simd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jdatagen.spi.ChannelStatistics;
import io.jdatagen.spi.DataFormat;
import io.jdatagen.spi.OutputSlot;
import io.jdatagen.spi.SourceImage;
import io.jdatagen.spi.Tensor;
import io.jdatagen.spi.WarpPlan;
import io.jdatagen.spi.reference.ReferenceBackend;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SimdKernelsTest {
    private final SimdBackend simd = new SimdBackend();
    private final ReferenceBackend reference = new ReferenceBackend();

    private static Tensor random(long seed, int... shape) {
        Tensor t = Tensor.zeros(shape);
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < t.size(); i++) {
            t.data()[i] = (float) r.nextDouble(-50, 200);
        }
        return t;
    }

    @Test
    void channelStatisticsMatchTheReference() {
        for (DataFormat format : DataFormat.values()) {
            Tensor batch = random(1, 5, 37, 23, 3);
            ChannelStatistics want = reference.channelStatistics(batch, format);
            ChannelStatistics got = simd.channelStatistics(batch, format);
            // Float lanes within blocks of 1024 values: within 1e-6 relative of the double reference.
            for (int c = 0; c < 3; c++) {
                assertEquals(want.mean()[c], got.mean()[c], 1e-6 * Math.abs(want.mean()[c]));
                assertEquals(want.std()[c], got.std()[c], 1e-6 * Math.abs(want.std()[c]));
            }
        }
        assertThrows(IllegalArgumentException.class, () -> simd.channelStatistics(Tensor.zeros(3, 3, 3),
                DataFormat.CHANNELS_LAST));
    }

    @Test
    void matrixProductMatchesTheReference() {
        Tensor a = random(2, 7, 45);
        double[] b = new double[45 * 45];
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < b.length; i++) {
            b[i] = r.nextGaussian();
        }
        float[] want = new float[7 * 45];
        float[] got = new float[7 * 45];
        reference.multiply(a.data(), 7, 45, b, 45, want);
        simd.multiply(a.data(), 7, 45, b, 45, got);
        assertArrayEquals(want, got, 1e-3f);
        assertThrows(IllegalArgumentException.class, () -> simd.multiply(a.data(), 7, 45, b, 45, a.data()));
    }

    @Test
    void copyPathEqualsTheReferenceExactly() {
        byte[] pixels = new byte[13 * 11 * 3];
        new SplittableRandom(4).nextBytes(pixels);
        WarpPlan plan = WarpPlan.builder().flips(true, true).colour(new float[] {1 / 255f, 2, -1},
                new float[] {-0.5f, 0, 3}).build();
        for (DataFormat format : DataFormat.values()) {
            Tensor want = Tensor.zeros(format.imageShape(13, 11, 3));
            Tensor got = Tensor.zeros(format.imageShape(13, 11, 3));
            SourceImage src = SourceImage.ofBytes(pixels, 0, 13, 11, 3);
            reference.warp(src, plan, OutputSlot.image(want, format));
            simd.warp(src, plan, OutputSlot.image(got, format));
            assertEquals(want, got);
        }
    }

    @Test
    void describesItsSpecies() {
        assertEquals("simd", simd.name());
        assertEquals(true, simd.describe().contains("Species["));
    }
}
