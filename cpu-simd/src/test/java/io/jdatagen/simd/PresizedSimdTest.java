package io.jdatagen.simd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.jdatagen.core.DataFormat;
import io.jdatagen.core.FillMode;
import io.jdatagen.core.Interpolation;
import io.jdatagen.core.Tensor;
import io.jdatagen.spi.OutputSlot;
import io.jdatagen.spi.SourceImage;
import io.jdatagen.spi.WarpPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A presized plan on the simd backend, through {@code warp} and {@code warpBatch}, equals bit for
 * bit the simd backend's own two warps: the resize into a float32 image in the output's layout,
 * then the plan.
 */
class PresizedSimdTest {
    private static final Interpolation[] ORDERS = {Interpolation.NEAREST, Interpolation.BILINEAR,
        Interpolation.CUBIC};
    private final SimdBackend simd = new SimdBackend();

    private static SourceImage source(SplittableRandom r, int h, int w, int c) {
        int kind = r.nextInt(3);
        if (kind == 0) {
            byte[] bytes = new byte[h * w * c];
            r.nextBytes(bytes);
            return SourceImage.ofBytes(bytes, 0, h, w, c);
        }
        DataFormat f = kind == 1 ? DataFormat.CHANNELS_LAST : DataFormat.CHANNELS_FIRST;
        Tensor t = Tensor.zeros(f.imageShape(h, w, c));
        for (int k = 0; k < t.size(); k++) {
            t.data()[k] = (float) r.nextDouble(0, 255);
        }
        return SourceImage.of(t, f);
    }

    private static WarpPlan outer(SplittableRandom r, int h, int w, int c) {
        double t = Math.toRadians(r.nextDouble(-30, 30));
        WarpPlan.Builder b = WarpPlan.builder().inverseAffine(r.nextInt(5) == 0 ? null : new double[] {Math.cos(t),
            -Math.sin(t), r.nextDouble(-h / 4.0, h / 4.0), Math.sin(t), Math.cos(t), r.nextDouble(-w / 4.0, w / 4.0)})
                .flips(r.nextBoolean(), r.nextBoolean()).interpolation(ORDERS[r.nextInt(3)])
                .fill(FillMode.values()[r.nextInt(FillMode.values().length)], r.nextDouble(0, 255));
        if (r.nextBoolean()) {
            float[] scale = new float[c];
            float[] offset = new float[c];
            java.util.Arrays.fill(scale, 1 / 255f);
            java.util.Arrays.fill(offset, -0.5f);
            b.color(scale, offset);
        }
        return b.build();
    }

    /** The two calls, with the resize plan written out as a generator resize builds it. */
    private void twoCalls(SourceImage source, WarpPlan outer, int h, int w, Interpolation resize, OutputSlot out) {
        SourceImage resized = source;
        if (source.height() != h || source.width() != w) {
            double ry = (double) source.height() / h;
            double rx = (double) source.width() / w;
            Tensor scratch = Tensor.zeros(out.format().imageShape(h, w, source.channels()));
            simd.warp(source, WarpPlan.builder().inverseAffine(new double[] {ry, 0, 0.5 * ry - 0.5, 0, rx,
                0.5 * rx - 0.5}).interpolation(resize).fill(FillMode.NEAREST, 0).build(),
                    OutputSlot.image(scratch, out.format()));
            resized = SourceImage.of(scratch, out.format());
        }
        simd.warp(resized, outer, out);
    }

    @Test
    void presizedWarpsAndBatchesEqualTheTwoWarpsBitForBit() {
        SplittableRandom r = new SplittableRandom(51);
        for (DataFormat format : DataFormat.values()) {
            for (Interpolation resize : ORDERS) {
                int h = 3 + r.nextInt(40);
                int w = 3 + r.nextInt(40);
                int c = new int[] {1, 3, 4}[r.nextInt(3)];
                int[] image = format.imageShape(h, w, c);
                Tensor want = Tensor.zeros(6, image[0], image[1], image[2]);
                Tensor single = Tensor.zeros(want.shape());
                Tensor batch = Tensor.zeros(want.shape());
                List<SourceImage> sources = new ArrayList<>();
                List<WarpPlan> plans = new ArrayList<>();
                for (int k = 0; k < 6; k++) {
                    SourceImage s = source(r, k == 2 ? h : 1 + r.nextInt(60), k == 2 ? w : 1 + r.nextInt(60), c);
                    WarpPlan outer = outer(r, h, w, c);
                    WarpPlan plan = outer.toBuilder().presize(h, w, resize).build();
                    twoCalls(s, outer, h, w, resize, OutputSlot.of(want, k, format));
                    simd.warp(s, plan, OutputSlot.of(single, k, format));
                    sources.add(s);
                    plans.add(plan);
                }
                simd.warpBatch(sources, plans, batch, format);
                assertArrayEquals(want.data(), single.data(), "warp " + format + " " + resize);
                assertArrayEquals(want.data(), batch.data(), "warpBatch " + format + " " + resize);
            }
        }
    }
}
