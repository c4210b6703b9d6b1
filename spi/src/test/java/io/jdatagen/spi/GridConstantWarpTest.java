package io.jdatagen.spi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdatagen.core.DataFormat;
import io.jdatagen.core.FillMode;
import io.jdatagen.core.Interpolation;
import io.jdatagen.core.Tensor;
import io.jdatagen.spi.reference.ReferenceBackend;
import io.jdatagen.spi.scalar.ScalarBackend;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The grid-constant fill run as the nearest fill on a framed source gives the reference's per-tap fill: the
 * same values within the kernels' coordinate rounding, the fill itself far outside, and the same values from
 * 8-bit and float sources.
 */
class GridConstantWarpTest {
    private static final ReferenceBackend REFERENCE = new ReferenceBackend();
    private static final ScalarBackend SCALAR = new ScalarBackend();

    /** A rotation by {@code degrees} about the centre of an {@code h × w} image, scaled by {@code zoom}. */
    private static double[] rotation(double degrees, double zoom, int h, int w) {
        double a = Math.toRadians(degrees);
        double cos = Math.cos(a) * zoom;
        double sin = Math.sin(a) * zoom;
        double ch = (h - 1) / 2.0;
        double cw = (w - 1) / 2.0;
        return new double[] {cos, -sin, ch - cos * ch + sin * cw, sin, cos, cw - sin * ch - cos * cw};
    }

    private static Tensor warp(Backend backend, SourceImage source, WarpPlan plan, int h, int w, int c,
            DataFormat format) {
        Tensor out = Tensor.zeros(format.imageShape(h, w, c));
        backend.warp(source, plan, OutputSlot.image(out, format));
        return out;
    }

    @Test
    void framedNearestFillGivesTheReferencesPerTapFill() {
        SplittableRandom r = new SplittableRandom(17);
        int h = 23;
        int w = 31;
        int c = 3;
        byte[] bytes = new byte[h * w * c];
        r.nextBytes(bytes);
        SourceImage source = SourceImage.ofBytes(bytes, 0, h, w, c);
        for (Interpolation interpolation : new Interpolation[] {Interpolation.BILINEAR, Interpolation.NEAREST}) {
            for (double fill : new double[] {0, 128, 12.5, -3}) {
                for (int trial = 0; trial < 10; trial++) {
                    WarpPlan plan = WarpPlan.builder()
                            .inverseAffine(rotation(r.nextDouble(-60, 60), r.nextDouble(0.7, 1.6), h, w))
                            .flips(r.nextBoolean(), r.nextBoolean()).interpolation(interpolation)
                            .fill(FillMode.GRID_CONSTANT, fill).build();
                    assertTrue(GridConstantWarp.applies(plan));
                    float[] got = warp(SCALAR, source, plan, h, w, c, DataFormat.CHANNELS_LAST).data();
                    float[] want = warp(REFERENCE, source, plan, h, w, c, DataFormat.CHANNELS_LAST).data();
                    int differing = 0;
                    for (int k = 0; k < got.length; k++) {
                        if (Math.abs(got[k] - want[k]) > 0.05) {
                            differing++;
                        }
                    }
                    // Nearest taps may differ where a coordinate lies within rounding of a half pixel.
                    int allowed = interpolation == Interpolation.NEAREST ? got.length / 500 : 0;
                    assertTrue(differing <= allowed, differing + " values differ: " + plan);
                }
            }
        }
    }

    @Test
    void pixelsFarOutsideTakeTheFillAndFloatSourcesGiveTheBytesValues() {
        int h = 9;
        int w = 7;
        int c = 2;
        byte[] bytes = new byte[h * w * c];
        Tensor floats = Tensor.zeros(DataFormat.CHANNELS_FIRST.imageShape(h, w, c));
        SplittableRandom r = new SplittableRandom(3);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int k = 0; k < c; k++) {
                    int v = r.nextInt(256);
                    bytes[(y * w + x) * c + k] = (byte) v;
                    floats.data()[(k * h + y) * w + x] = v;
                }
            }
        }
        // Shifted 3.5 rows down and 10 columns right: every column from 0 on reads 10+ pixels outside.
        WarpPlan plan = WarpPlan.builder().inverseAffine(new double[] {1, 0, 3.5, 0, 1, 10})
                .interpolation(Interpolation.BILINEAR).fill(FillMode.GRID_CONSTANT, 40)
                .color(new float[] {2f, 0.5f}, new float[] {1f, -1f}).build();
        float[] fromBytes = warp(SCALAR, SourceImage.ofBytes(bytes, 0, h, w, c), plan, h, w, c,
                DataFormat.CHANNELS_LAST).data();
        for (float v : java.util.Arrays.copyOfRange(fromBytes, 0, c * w)) {
            assertTrue(v == 81f || v == 19f, "the colored fill: " + v);
        }
        float[] fromFloats = warp(SCALAR, SourceImage.of(floats, DataFormat.CHANNELS_FIRST), plan, h, w, c,
                DataFormat.CHANNELS_LAST).data();
        assertArrayEquals(fromBytes, fromFloats);
        WarpPlan inside = WarpPlan.builder().inverseAffine(new double[] {1, 0, 0.25, 0, 1, 0.5})
                .interpolation(Interpolation.BILINEAR).fill(FillMode.GRID_CONSTANT, 40).build();
        float[] last = warp(SCALAR, SourceImage.ofBytes(bytes, 0, h, w, c), inside, h, w, c,
                DataFormat.CHANNELS_LAST).data();
        // Row 8 (the last) reads rows 8 and 9: row 9 is outside, so its weight 0.25 goes to the fill.
        int y = h - 1;
        float left = bytes[(y * w) * c] & 0xFF;
        float top = left + 0.5f * ((bytes[(y * w + 1) * c] & 0xFF) - left);
        assertEquals(top + 0.25f * (40 - top), last[(y * w) * c], 1e-3);
    }

    @Test
    void onlyNearestAndBilinearAffineGridConstantPlansApply() {
        WarpPlan.Builder grid = WarpPlan.builder().inverseAffine(rotation(10, 1, 8, 8)).fill(FillMode.GRID_CONSTANT, 0);
        assertTrue(GridConstantWarp.applies(grid.build()));
        assertFalse(GridConstantWarp.applies(grid.interpolation(Interpolation.CUBIC).build()));
        assertFalse(GridConstantWarp.applies(WarpPlan.builder().fill(FillMode.GRID_CONSTANT, 0).build()));
        assertFalse(GridConstantWarp.applies(WarpPlan.builder().inverseAffine(rotation(10, 1, 8, 8))
                .fill(FillMode.CONSTANT, 0).build()));
    }
}
