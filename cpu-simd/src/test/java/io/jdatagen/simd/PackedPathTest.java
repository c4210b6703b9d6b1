package io.jdatagen.simd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdatagen.core.DataFormat;
import io.jdatagen.core.FillMode;
import io.jdatagen.core.Interpolation;
import io.jdatagen.core.Tensor;
import io.jdatagen.spi.OutputSlot;
import io.jdatagen.spi.SourceImage;
import io.jdatagen.spi.WarpPlan;
import io.jdatagen.spi.WrapConvention;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The packed pair gathers under the folding fills (reflect, mirror, grid-mirror, scipy's wrap), and float
 * sources of whole numbers in 0..255 sent down the packed path: bit for bit what {@link SimdWarp} gives from
 * the same source (8-bit or float), which is what the backend ran before.
 */
class PackedPathTest {
    private final SimdBackend simd = new SimdBackend();

    /** Every fill but grid-constant (delegated to the reference), scipy's wrap and the periodic one. */
    private static final FillMode[] FILLS = {FillMode.CONSTANT, FillMode.NEAREST, FillMode.REFLECT, FillMode.WRAP,
        FillMode.MIRROR, FillMode.GRID_WRAP, FillMode.GRID_MIRROR};

    private static Tensor floats(byte[] bytes, int height, int width, int channels) {
        Tensor t = Tensor.zeros(height, width, channels);
        for (int k = 0; k < bytes.length; k++) {
            t.data()[k] = bytes[k] & 0xFF;
        }
        return t;
    }

    @Test
    void packedPathsGiveTheBitsOfTheFloatAndByteWarps() {
        SplittableRandom r = new SplittableRandom(41);
        int[][] sizes = {{1, 1}, {1, 17}, {9, 1}, {2, 2}, {7, 15}, {13, 33}, {31, 64}, {40, 29}};
        int cases = 0;
        for (int[] size : sizes) {
            for (int channels : new int[] {1, 3, 4}) {
                int height = size[0];
                int width = size[1];
                byte[] bytes = new byte[height * width * channels];
                r.nextBytes(bytes);
                SourceImage byteSource = SourceImage.ofBytes(bytes, 0, height, width, channels);
                SourceImage floatSource = SourceImage.of(floats(bytes, height, width, channels),
                        DataFormat.CHANNELS_LAST);
                for (FillMode mode : FILLS) {
                    for (WrapConvention wrap : WrapConvention.values()) {
                        for (Interpolation order : new Interpolation[] {Interpolation.NEAREST, Interpolation.BILINEAR}) {
                            WarpPlan plan = RandomPlans.of(r, channels, mode, order, wrap);
                            for (DataFormat format : DataFormat.values()) {
                                int outHeight = 1 + r.nextInt(40);
                                int outWidth = 1 + r.nextInt(40);
                                int[] shape = format.imageShape(outHeight, outWidth, channels);
                                Tensor before = Tensor.zeros(shape);
                                Tensor fromFloats = Tensor.zeros(shape);
                                Tensor fromBytes = Tensor.zeros(shape);
                                SimdWarp.run(floatSource, plan, OutputSlot.image(before, format));
                                simd.warp(floatSource, plan, OutputSlot.image(fromFloats, format));
                                simd.warp(byteSource, plan, OutputSlot.image(fromBytes, format));
                                String what = height + "x" + width + "x" + channels + " -> " + outHeight + "x"
                                        + outWidth + " " + plan + " " + format;
                                assertArrayEquals(before.data(), fromFloats.data(), "float source " + what);
                                assertArrayEquals(before.data(), fromBytes.data(), "8-bit source " + what);
                                Tensor bytesBefore = Tensor.zeros(shape);
                                SimdWarp.run(byteSource, plan, OutputSlot.image(bytesBefore, format));
                                assertArrayEquals(bytesBefore.data(), fromBytes.data(), "8-bit, SimdWarp " + what);
                                cases++;
                            }
                        }
                    }
                }
            }
        }
        assertTrue(cases > 1000, "cases: " + cases);
    }

    @Test
    void onlyWholeNumbersInByteRangeArePacked() {
        SplittableRandom r = new SplittableRandom(42);
        int height = 37;
        int width = 41;
        byte[] bytes = new byte[height * width * 3];
        r.nextBytes(bytes);
        Tensor image = floats(bytes, height, width, 3);
        SourceImage packed = WholeBytes.of(SourceImage.of(image, DataFormat.CHANNELS_LAST));
        assertNotNull(packed);
        assertArrayEquals(bytes, Arrays.copyOf(packed.bytes(), bytes.length));
        float[] refused = {0.5f, -0f, -1f, 256f, Float.NaN, 1e9f, Float.POSITIVE_INFINITY, 254.99998f, 255.5f, -0.5f,
                -255f, Float.MIN_VALUE, 8388607f, 8388608f, -8388608f, Float.NEGATIVE_INFINITY,
                Float.intBitsToFloat(0xFFC00000)};
        for (float value : refused) {
            // At the first, a middle and the last sample (the last lies past the vector loop's end).
            for (int at : new int[] {0, image.size() / 2, image.size() - 1}) {
                Tensor odd = image.copy();
                odd.data()[at] = value;
                SourceImage source = SourceImage.of(odd, DataFormat.CHANNELS_LAST);
                assertNull(WholeBytes.of(source), value + " at " + at);
                WarpPlan plan = WarpPlan.builder().inverseAffine(new double[] {0.9, 0.2, -3, -0.2, 0.9, 4})
                        .interpolation(Interpolation.BILINEAR).fill(FillMode.REFLECT, 0).build();
                Tensor want = Tensor.zeros(height, width, 3);
                Tensor got = Tensor.zeros(height, width, 3);
                SimdWarp.run(source, plan, OutputSlot.image(want, DataFormat.CHANNELS_LAST));
                simd.warp(source, plan, OutputSlot.image(got, DataFormat.CHANNELS_LAST));
                assertArrayEquals(want.data(), got.data(), value + " at " + at);
            }
        }
        Tensor planar = floats(bytes, 3, height, width);
        assertNull(WholeBytes.of(SourceImage.of(planar, DataFormat.CHANNELS_FIRST)));
        assertEquals(0, WholeBytes.of(SourceImage.of(Tensor.zeros(2, 2, 1), DataFormat.CHANNELS_LAST)).bytes()[0]);
    }
}
