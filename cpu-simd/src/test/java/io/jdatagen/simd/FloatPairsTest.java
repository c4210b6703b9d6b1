package io.jdatagen.simd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Float sources of any values through the pair gathers ({@link FloatPairs}, {@link PairGatherWarp#runFloats}):
 * bit for bit what {@link SimdWarp}'s per-tap gathers give from the same source, and the sources whose
 * values could make the two differ refused.
 */
class FloatPairsTest {
    private final SimdBackend simd = new SimdBackend();

    /** The fills the pair gathers cover (the periodic wraps are not: scipy's wrap is taken here). */
    private static final FillMode[] FILLS = {FillMode.CONSTANT, FillMode.NEAREST, FillMode.REFLECT, FillMode.WRAP,
        FillMode.MIRROR, FillMode.GRID_MIRROR};

    /** Values of every kind the pairs take: fractions, negatives, +0, repeats, tiny and large magnitudes. */
    private static float value(SplittableRandom r) {
        return switch (r.nextInt(8)) {
            case 0 -> 0f;
            case 1 -> (float) r.nextDouble(-1e18, 1e18);
            case 2 -> (float) r.nextDouble(-1e-30, 1e-30);
            case 3 -> Float.MIN_VALUE * (1 + r.nextInt(100));
            case 4 -> 7.25f;
            default -> (float) r.nextDouble(-3, 300);
        };
    }

    private static Tensor image(SplittableRandom r, int height, int width, int channels, DataFormat format) {
        Tensor t = Tensor.zeros(format.imageShape(height, width, channels));
        for (int k = 0; k < t.size(); k++) {
            t.data()[k] = value(r);
        }
        return t;
    }

    @Test
    void pairGathersGiveTheBitsOfTheTapGathers() {
        SplittableRandom r = new SplittableRandom(77);
        int[][] sizes = {{1, 1}, {1, 17}, {9, 1}, {2, 2}, {7, 15}, {13, 33}, {31, 64}, {40, 29}, {224, 224}};
        int cases = 0;
        for (int[] size : sizes) {
            for (int channels : new int[] {1, 2, 3, 4}) {
                for (DataFormat layout : DataFormat.values()) {
                    SourceImage source = SourceImage.of(image(r, size[0], size[1], channels, layout), layout);
                    for (FillMode mode : FILLS) {
                        for (Interpolation order : new Interpolation[] {Interpolation.NEAREST, Interpolation.BILINEAR}) {
                            WarpPlan plan = RandomPlans.of(r, channels, mode, order, WrapConvention.SCIPY);
                            DataFormat format = DataFormat.values()[r.nextInt(2)];
                            int outHeight = size[0] == 224 ? 224 : 1 + r.nextInt(40);
                            int outWidth = size[0] == 224 ? 224 : 1 + r.nextInt(40);
                            int[] shape = format.imageShape(outHeight, outWidth, channels);
                            Tensor want = Tensor.zeros(shape);
                            Tensor got = Tensor.zeros(shape);
                            SimdWarp.run(source, plan, OutputSlot.image(want, format));
                            String what = size[0] + "x" + size[1] + "x" + channels + " " + layout + " -> " + outHeight
                                    + "x" + outWidth + " " + plan + " " + format;
                            assertTrue(PairGatherWarp.runFloats(source, plan, OutputSlot.image(got, format)), what);
                            assertArrayEquals(want.data(), got.data(), what);
                            cases++;
                        }
                    }
                }
            }
        }
        assertEquals(sizes.length * 4 * 2 * FILLS.length * 2, cases);
    }

    @Test
    void pairsHoldEachPixelAndItsRightNeighbourPerChannel() {
        SplittableRandom r = new SplittableRandom(78);
        int height = 5;
        int width = 11;
        int pixels = height * width;
        for (DataFormat layout : DataFormat.values()) {
            Tensor t = image(r, height, width, 3, layout);
            long[] pairs = FloatPairs.of(SourceImage.of(t, layout), new Scratch());
            assertNotNull(pairs);
            for (int c = 0; c < 3; c++) {
                for (int p = 0; p < pixels; p++) {
                    float low = t.data()[at(layout, pixels, p, c)];
                    float high = p + 1 < pixels ? t.data()[at(layout, pixels, p + 1, c)] : 0f;
                    long pair = pairs[c * pixels + p];
                    assertEquals(Float.floatToRawIntBits(low), (int) pair, layout + " low " + c + "," + p);
                    assertEquals(Float.floatToRawIntBits(high), (int) (pair >>> 32), layout + " high " + c + "," + p);
                }
            }
        }
    }

    private static int at(DataFormat layout, int pixels, int p, int c) {
        return layout == DataFormat.CHANNELS_FIRST ? c * pixels + p : 3 * p + c;
    }

    /**
     * -0, NaN, the infinities and magnitudes from 2^64 are refused wherever they sit (first, middle and last
     * sample: the last lies past the vector loops), and the backend then gives the tap gathers' bits. Large
     * finite neighbours of opposite sign show what the bound guards: their difference overflows, and the
     * weight zero the pair gathers give it would make NaN.
     */
    @Test
    void valuesThatWouldChangeTheBitsAreRefused() {
        SplittableRandom r = new SplittableRandom(79);
        int height = 37;
        int width = 41;
        float[] refused = {-0f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 0x1p64f, -3e38f};
        WarpPlan plan = WarpPlan.builder().inverseAffine(new double[] {0.9, 0.2, -3, -0.2, 0.9, 4})
                .interpolation(Interpolation.BILINEAR).fill(FillMode.REFLECT, 0).build();
        for (DataFormat layout : DataFormat.values()) {
            Tensor base = image(r, height, width, 3, layout);
            for (float value : refused) {
                for (int at : new int[] {0, base.size() / 2, base.size() - 1}) {
                    Tensor odd = base.copy();
                    odd.data()[at] = value;
                    SourceImage source = SourceImage.of(odd, layout);
                    String what = layout + " " + value + " at " + at;
                    assertNull(FloatPairs.of(source, new Scratch()), what);
                    Tensor want = Tensor.zeros(height, width, 3);
                    Tensor got = Tensor.zeros(height, width, 3);
                    SimdWarp.run(source, plan, OutputSlot.image(want, DataFormat.CHANNELS_LAST));
                    assertFalse(PairGatherWarp.runFloats(source, plan, OutputSlot.image(got, DataFormat.CHANNELS_LAST)),
                            what);
                    simd.warp(source, plan, OutputSlot.image(got, DataFormat.CHANNELS_LAST));
                    assertArrayEquals(want.data(), got.data(), what);
                }
            }
        }
        Tensor opposite = Tensor.zeros(4, 4, 1);
        for (int k = 0; k < 16; k++) {
            opposite.data()[k] = k % 2 == 0 ? 3e38f : -3e38f;
        }
        WarpPlan shift = WarpPlan.builder().inverseAffine(new double[] {1, 0, 0.5, 0, 1, 0.25})
                .interpolation(Interpolation.BILINEAR).fill(FillMode.NEAREST, 0).build();
        Tensor out = Tensor.zeros(4, 4, 1);
        simd.warp(SourceImage.of(opposite, DataFormat.CHANNELS_LAST), shift,
                OutputSlot.image(out, DataFormat.CHANNELS_LAST));
        // The last column: its right neighbour (the next row's first pixel) has weight zero; the tap gathers read
        // the pixel itself twice instead.
        for (int row = 0; row < 3; row++) {
            assertEquals(-3e38f, out.data()[4 * row + 3], "row " + row);
        }
    }

    @Test
    void sourcesAboveTheUntiledSizeAreLeftToTheTapGathers() {
        SplittableRandom r = new SplittableRandom(80);
        int side = 257;
        assertTrue(side * side > PairGatherWarp.TILED_ABOVE);
        SourceImage source = SourceImage.of(image(r, side, side, 3, DataFormat.CHANNELS_LAST), DataFormat.CHANNELS_LAST);
        WarpPlan plan = WarpPlan.builder().inverseAffine(new double[] {0.9, 0.2, -3, -0.2, 0.9, 4})
                .interpolation(Interpolation.BILINEAR).fill(FillMode.REFLECT, 0).build();
        Tensor got = Tensor.zeros(8, 8, 3);
        assertFalse(PairGatherWarp.runFloats(source, plan, OutputSlot.image(got, DataFormat.CHANNELS_LAST)));
        Tensor want = Tensor.zeros(8, 8, 3);
        SimdWarp.run(source, plan, OutputSlot.image(want, DataFormat.CHANNELS_LAST));
        simd.warp(source, plan, OutputSlot.image(got, DataFormat.CHANNELS_LAST));
        assertArrayEquals(want.data(), got.data());
    }
}
