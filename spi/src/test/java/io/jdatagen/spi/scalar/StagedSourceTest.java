package io.jdatagen.spi.scalar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

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
 * The {@code scalar} backend warps from a float copy of the source ({@link StagedSource}): the bits the warp
 * writes from the source where it lies, for 8-bit and float sources in both layouts lying inside larger arrays.
 */
class StagedSourceTest {
    private static final FillMode[] FILLS = {FillMode.CONSTANT, FillMode.NEAREST, FillMode.REFLECT, FillMode.WRAP,
        FillMode.MIRROR, FillMode.GRID_MIRROR, FillMode.GRID_WRAP};

    @Test
    void theWarpFromTheCopyWritesTheBitsOfTheWarpFromTheSource() {
        SplittableRandom r = new SplittableRandom(31);
        ScalarBackend backend = new ScalarBackend();
        int[][] sizes = {{1, 1}, {1, 17}, {9, 1}, {7, 15}, {40, 29}, {224, 224}};
        int cases = 0;
        for (int[] size : sizes) {
            for (int channels : new int[] {1, 3, 4}) {
                for (int kind = 0; kind < 3; kind++) {
                    SourceImage source = source(r, size[0], size[1], channels, kind);
                    for (FillMode mode : FILLS) {
                        for (Interpolation order : new Interpolation[] {Interpolation.NEAREST,
                            Interpolation.BILINEAR}) {
                            WarpPlan plan = plan(r, channels, mode, order);
                            DataFormat format = DataFormat.values()[r.nextInt(2)];
                            int height = size[0] == 224 ? 224 : 1 + r.nextInt(40);
                            int width = size[0] == 224 ? 224 : 1 + r.nextInt(40);
                            Tensor want = Tensor.zeros(format.imageShape(height, width, channels));
                            Tensor got = Tensor.zeros(format.imageShape(height, width, channels));
                            ScalarWarp.warp(source, plan, OutputSlot.image(want, format));
                            backend.warp(source, plan, OutputSlot.image(got, format));
                            String what = source + " -> " + height + "x" + width + " " + plan + " " + format;
                            assertArrayEquals(bits(want), bits(got), what);
                            cases++;
                        }
                    }
                }
            }
        }
        assertEquals(sizes.length * 3 * 3 * FILLS.length * 2, cases);
    }

    @Test
    void aSourceThatWouldNotStayInTheCacheIsReadWhereItLies() {
        SourceImage small = SourceImage.of(new float[7 + 256 * 256 * 3], 7, 256, 256, 3, DataFormat.CHANNELS_LAST);
        SourceImage large = SourceImage.of(new float[300 * 300 * 3], 0, 300, 300, 3, DataFormat.CHANNELS_LAST);
        SourceImage smallBytes = SourceImage.ofBytes(new byte[3 + 256 * 256 * 3], 3, 256, 256, 3);
        SourceImage largeBytes = SourceImage.ofBytes(new byte[300 * 300 * 3], 0, 300, 300, 3);
        assertNotSame(small, StagedSource.of(small));
        assertEquals(0, StagedSource.of(small).offset());
        assertFalse(StagedSource.of(smallBytes).isBytes(), "8-bit samples are staged as floats");
        assertSame(large, StagedSource.of(large));
        assertSame(largeBytes, StagedSource.of(largeBytes), "their float copy would take 1.03 MiB");
    }

    /** An 8-bit source (kind 0) or a float one channels-last (1) or channels-first (2), inside a larger array. */
    private static SourceImage source(SplittableRandom r, int height, int width, int channels, int kind) {
        int size = height * width * channels;
        int offset = r.nextInt(5);
        if (kind == 0) {
            byte[] bytes = new byte[offset + size + r.nextInt(5)];
            r.nextBytes(bytes);
            return SourceImage.ofBytes(bytes, offset, height, width, channels);
        }
        float[] floats = new float[offset + size + r.nextInt(5)];
        for (int k = 0; k < floats.length; k++) {
            floats[k] = (float) r.nextDouble(-10, 300);
        }
        return SourceImage.of(floats, offset, height, width, channels,
                kind == 1 ? DataFormat.CHANNELS_LAST : DataFormat.CHANNELS_FIRST);
    }

    /** A rotation by any angle with a zoom and shifts, or a small one near the layers' stack; flips, a color step. */
    private static WarpPlan plan(SplittableRandom r, int channels, FillMode mode, Interpolation order) {
        double t = r.nextInt(3) == 0 ? r.nextDouble(-0.3, 0.3) : r.nextDouble(-Math.PI, Math.PI);
        double z = r.nextDouble(0.4, 2.5);
        double[] m = {z * Math.cos(t), -z * Math.sin(t), r.nextDouble(-40, 40), z * Math.sin(t), z * Math.cos(t),
            r.nextDouble(-40, 40)};
        float[] scale = new float[channels];
        float[] offset = new float[channels];
        for (int c = 0; c < channels; c++) {
            scale[c] = (float) r.nextDouble(0.5, 2);
            offset[c] = (float) r.nextDouble(-3, 3);
        }
        WarpPlan.Builder b = WarpPlan.builder().inverseAffine(m).interpolation(order).fill(mode, 17)
                .wrapConvention(r.nextBoolean() ? WrapConvention.SCIPY : WrapConvention.PERIODIC)
                .flips(r.nextBoolean(), r.nextBoolean());
        if (r.nextBoolean()) {
            b.color(scale, offset);
        }
        return b.build();
    }

    private static int[] bits(Tensor t) {
        int[] b = new int[t.size()];
        for (int k = 0; k < b.length; k++) {
            b[k] = Float.floatToRawIntBits(t.data()[k]);
        }
        return b;
    }
}
