package io.jdatagen.simd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jdatagen.core.DataFormat;
import io.jdatagen.core.FillMode;
import io.jdatagen.core.Interpolation;
import io.jdatagen.core.Tensor;
import io.jdatagen.spi.ChannelStatistics;
import io.jdatagen.spi.OutputSlot;
import io.jdatagen.spi.SourceImage;
import io.jdatagen.spi.WarpPlan;
import io.jdatagen.spi.reference.ReferenceBackend;
import io.jdatagen.spi.scalar.ScalarBackend;
import java.util.Arrays;
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
        WarpPlan plan = WarpPlan.builder().flips(true, true).color(new float[] {1 / 255f, 2, -1},
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

    /**
     * The float32 row path of the copy (a float source into a heap slot of its own layout, no column flip):
     * widths around the vector length, row flips, a color step per channel, into slot 1 of a batch whose
     * other slots must stay untouched: exactly the reference's values, and the scalar backend's bits with a
     * negative zero in the source too (both copies multiply and add, so it becomes {@code +0}).
     */
    @Test
    void floatCopyRowsEqualTheReferenceExactly() {
        WarpPlan.Builder[] plans = {WarpPlan.builder(), WarpPlan.builder().flips(true, false).color(
                new float[] {1 / 255f, 2, -1}, new float[] {-0.5f, 0, 3})};
        for (int width : new int[] {1, 5, 15, 16, 17, 33}) {
            for (DataFormat format : DataFormat.values()) {
                Tensor image = random(width, format.imageShape(7, width, 3));
                Tensor negativeZero = image.copy();
                negativeZero.data()[0] = -0f;
                for (WarpPlan.Builder b : plans) {
                    WarpPlan plan = b.build();
                    int[] shape = format.imageShape(7, width, 3);
                    Tensor want = Tensor.zeros(3, shape[0], shape[1], shape[2]);
                    Tensor got = Tensor.zeros(3, shape[0], shape[1], shape[2]);
                    java.util.Arrays.fill(want.data(), 42f);
                    java.util.Arrays.fill(got.data(), 42f);
                    SourceImage src = SourceImage.of(image, format);
                    reference.warp(src, plan, OutputSlot.of(want, 1, format));
                    simd.warp(src, plan, OutputSlot.of(got, 1, format));
                    assertEquals(want, got, format + " " + width);
                    Tensor scalar = Tensor.zeros(shape);
                    Tensor vector = Tensor.zeros(shape);
                    SourceImage zero = SourceImage.of(negativeZero, format);
                    new ScalarBackend().warp(zero, plan, OutputSlot.image(scalar, format));
                    simd.warp(zero, plan, OutputSlot.image(vector, format));
                    assertEquals(scalar, vector, "-0, " + format + " " + width);
                }
            }
        }
    }

    /**
     * The pair-gather path (8-bit sources, nearest and constant fill) on sources inside a larger
     * buffer whose neighbouring bytes are 255, at widths around the vector length, into a batch
     * slot whose neighbours must stay untouched, with a different color step per channel.
     */
    @Test
    void pairGatherPathMatchesTheReferenceOnEmbeddedSources() {
        SplittableRandom r = new SplittableRandom(5);
        for (int width : new int[] {1, 2, 15, 17, 33, 64}) {
            for (int channels : new int[] {1, 3, 4}) {
                int height = 1 + r.nextInt(20);
                int offset = 7;
                byte[] buffer = new byte[offset + height * width * channels + 70];
                Arrays.fill(buffer, (byte) 255);
                byte[] image = new byte[height * width * channels];
                r.nextBytes(image);
                System.arraycopy(image, 0, buffer, offset, image.length);
                SourceImage embedded = SourceImage.ofBytes(buffer, offset, height, width, channels);
                SourceImage alone = SourceImage.ofBytes(image, 0, height, width, channels);
                for (FillMode mode : new FillMode[] {FillMode.NEAREST, FillMode.CONSTANT}) {
                    for (Interpolation order : Interpolation.values()) {
                        double t = r.nextDouble(-0.5, 0.5);
                        double z = r.nextDouble(0.8, 1.2);
                        WarpPlan plan = WarpPlan.builder()
                                .inverseAffine(new double[] {z * Math.cos(t), -z * Math.sin(t), r.nextDouble(-3, 3),
                                        z * Math.sin(t), z * Math.cos(t), r.nextDouble(-3, 3)})
                                .interpolation(order).fill(mode, 17).flips(r.nextBoolean(), r.nextBoolean())
                                .color(color(r, channels, 0.5f, 2f), color(r, channels, -3f, 3f)).build();
                        for (DataFormat format : DataFormat.values()) {
                            Tensor want = Tensor.zeros(3, format == DataFormat.CHANNELS_FIRST ? channels : height,
                                    format == DataFormat.CHANNELS_FIRST ? height : width,
                                    format == DataFormat.CHANNELS_FIRST ? width : channels);
                            Tensor got = Tensor.zeros(want.shape());
                            Arrays.fill(want.data(), -1f);
                            Arrays.fill(got.data(), -1f);
                            reference.warp(alone, plan, OutputSlot.of(want, 1, format));
                            simd.warp(embedded, plan, OutputSlot.of(got, 1, format));
                            String what = width + "x" + height + "x" + channels + " " + mode + " " + order + " "
                                    + format;
                            for (int k = 0; k < want.size(); k++) {
                                // 2e-3 of a pixel level through scales up to 2, plus float rounding of the color step.
                                float tolerance = (order == Interpolation.NEAREST ? 0f : 4e-3f)
                                        + 1e-6f * Math.abs(want.data()[k]);
                                assertEquals(want.data()[k], got.data()[k], tolerance, what + " at " + k);
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void describesItsSpecies() {
        assertEquals("simd", simd.name());
        assertEquals(true, simd.describe().contains("Species["));
    }

    /** {@code channels} random values in {@code [from, to)}: a per-channel scale or offset. */
    private static float[] color(SplittableRandom r, int channels, float from, float to) {
        float[] values = new float[channels];
        for (int c = 0; c < channels; c++) {
            values[c] = (float) r.nextDouble(from, to);
        }
        return values;
    }
}
