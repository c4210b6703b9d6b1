package io.jdatagen.spi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdatagen.core.DataFormat;
import io.jdatagen.core.FillMode;
import io.jdatagen.core.Interpolation;
import io.jdatagen.core.Tensor;
import io.jdatagen.spi.reference.ReferenceBackend;
import io.jdatagen.spi.scalar.ScalarBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A plan with a presize equals, bit for bit, the two warps a caller would otherwise make: the
 * source resized (pixel centres aligned, edges clamped) into a float32 image, then that image
 * warped by the plan; through {@code warp}, through {@code warpBatch}, on the reference and the
 * scalar backends, for every source type and layout, up- and down-sizing.
 */
class PresizedWarpTest {
    private static final List<Backend> BACKENDS = List.of(new ReferenceBackend(), new ScalarBackend());
    private static final Interpolation[] RESIZES = {Interpolation.NEAREST, Interpolation.BILINEAR,
        Interpolation.CUBIC};

    /** One source, its presize and the plan that follows it. */
    private record Case(SourceImage source, int height, int width, Interpolation resize, WarpPlan outer) {
        WarpPlan presized() {
            return outer.toBuilder().presize(height, width, resize).build();
        }
    }

    private static SourceImage source(SplittableRandom r, int h, int w, int c, int kind) {
        if (kind == 0) {
            byte[] bytes = new byte[h * w * c + 3];
            r.nextBytes(bytes);
            return SourceImage.ofBytes(bytes, 3, h, w, c);
        }
        DataFormat f = kind == 1 ? DataFormat.CHANNELS_LAST : DataFormat.CHANNELS_FIRST;
        Tensor t = Tensor.zeros(f.imageShape(h, w, c));
        for (int k = 0; k < t.size(); k++) {
            t.data()[k] = (float) r.nextDouble(-20, 280);
        }
        return SourceImage.of(t, f);
    }

    /** A plan for an {@code h × w} image: affine (or identity), flips, any fill, orders 0, 1 or 3, maybe color. */
    private static WarpPlan outer(SplittableRandom r, int h, int w, int c, boolean identity) {
        double t = Math.toRadians(r.nextDouble(-30, 30));
        double z = r.nextDouble(0.7, 1.4);
        double[] m = {Math.cos(t) * z, -Math.sin(t) * z, r.nextDouble(-h / 4.0, h / 4.0),
            Math.sin(t) * z, Math.cos(t) * z, r.nextDouble(-w / 4.0, w / 4.0)};
        WarpPlan.Builder b = WarpPlan.builder().inverseAffine(identity ? null : m)
                .flips(r.nextBoolean(), r.nextBoolean()).interpolation(RESIZES[r.nextInt(3)])
                .fill(FillMode.values()[r.nextInt(FillMode.values().length)], r.nextDouble(0, 255))
                .wrapConvention(r.nextBoolean() ? WrapConvention.SCIPY : WrapConvention.PERIODIC);
        if (r.nextBoolean()) {
            float[] scale = new float[c];
            float[] offset = new float[c];
            for (int k = 0; k < c; k++) {
                scale[k] = (float) r.nextDouble(0.001, 0.02);
                offset[k] = (float) r.nextDouble(-1, 1);
            }
            b.color(scale, offset);
        }
        return b.build();
    }

    /** A random case; the presize is up, down or mixed against a source of 1 to 40 pixels a side. */
    private static Case generate(SplittableRandom r, int kind, Interpolation resize, int height, int width, int c) {
        int sh = 1 + r.nextInt(40);
        int sw = 1 + r.nextInt(40);
        return new Case(source(r, sh, sw, c, kind), height, width, resize, outer(r, height, width, c,
                r.nextInt(5) == 0));
    }

    /** The two explicit calls: the resize plan written out as the generator's resize builds it. */
    private static void twoCalls(Backend backend, Case c, OutputSlot out) {
        int sh = c.source().height();
        int sw = c.source().width();
        DataFormat layout = out.format();
        SourceImage resized = c.source();
        if (sh != c.height() || sw != c.width()) {
            double ry = (double) sh / c.height();
            double rx = (double) sw / c.width();
            WarpPlan resize = WarpPlan.builder().inverseAffine(new double[] {ry, 0, 0.5 * ry - 0.5, 0, rx,
                0.5 * rx - 0.5}).interpolation(c.resize()).fill(FillMode.NEAREST, 0).build();
            Tensor scratch = Tensor.zeros(layout.imageShape(c.height(), c.width(), c.source().channels()));
            backend.warp(c.source(), resize, OutputSlot.image(scratch, layout));
            resized = SourceImage.of(scratch, layout);
        }
        backend.warp(resized, c.outer(), out);
    }

    private static Tensor batch(DataFormat format, int n, int h, int w, int c) {
        return Tensor.zeros(n, format.imageShape(h, w, c)[0], format.imageShape(h, w, c)[1],
                format.imageShape(h, w, c)[2]);
    }

    @Test
    void oneWarpEqualsTheTwoExplicitCallsBitForBit() {
        SplittableRandom r = new SplittableRandom(31);
        for (Backend backend : BACKENDS) {
            for (int kind = 0; kind < 3; kind++) {
                for (Interpolation resize : RESIZES) {
                    for (DataFormat format : DataFormat.values()) {
                        for (int trial = 0; trial < 6; trial++) {
                            int c = new int[] {1, 3, 4}[r.nextInt(3)];
                            Case k = generate(r, kind, resize, 1 + r.nextInt(40), 1 + r.nextInt(40), c);
                            Tensor want = batch(format, 2, k.height(), k.width(), c);
                            Tensor got = batch(format, 2, k.height(), k.width(), c);
                            twoCalls(backend, k, OutputSlot.of(want, 1, format));
                            backend.warp(k.source(), k.presized(), OutputSlot.of(got, 1, format));
                            assertArrayEquals(want.data(), got.data(), backend.name() + " " + k);
                        }
                    }
                }
            }
        }
    }

    @Test
    void aBatchEqualsTheTwoExplicitCallsPerImage() {
        SplittableRandom r = new SplittableRandom(32);
        for (Backend backend : BACKENDS) {
            for (DataFormat format : DataFormat.values()) {
                int h = 5 + r.nextInt(30);
                int w = 5 + r.nextInt(30);
                int c = 3;
                List<SourceImage> sources = new ArrayList<>();
                List<WarpPlan> plans = new ArrayList<>();
                Tensor want = batch(format, 9, h, w, c);
                for (int k = 0; k < 8; k++) {
                    Case one = generate(r, r.nextInt(3), RESIZES[r.nextInt(3)], h, w, c);
                    sources.add(one.source());
                    plans.add(k == 3 ? one.outer() : one.presized());
                    if (k == 3) {
                        // A plan without a presize in the same batch: its source must already have the size.
                        sources.set(k, source(r, h, w, c, 1));
                        backend.warp(sources.get(k), one.outer(), OutputSlot.of(want, k, format));
                    } else {
                        twoCalls(backend, one, OutputSlot.of(want, k, format));
                    }
                }
                Tensor got = batch(format, 9, h, w, c);
                backend.warpBatch(sources, plans, got, format);
                assertArrayEquals(want.data(), got.data(), backend.name() + " " + format);
            }
        }
    }

    @Test
    void theDefaultBatchNeverHandsAPresizedPlanToWarp() {
        ReferenceBackend reference = new ReferenceBackend();
        List<WarpPlan> seen = new ArrayList<>();
        WarpKernel plain = (source, plan, output) -> {
            seen.add(plan);
            reference.warp(source, plan, output);
        };
        SplittableRandom r = new SplittableRandom(33);
        Case k = generate(r, 0, Interpolation.BILINEAR, 12, 17, 3);
        Tensor want = batch(DataFormat.CHANNELS_LAST, 1, 12, 17, 3);
        Tensor got = batch(DataFormat.CHANNELS_LAST, 1, 12, 17, 3);
        twoCalls(reference, k, OutputSlot.of(want, 0, DataFormat.CHANNELS_LAST));
        plain.warpBatch(List.of(k.source()), List.of(k.presized()), got, DataFormat.CHANNELS_LAST);
        assertArrayEquals(want.data(), got.data());
        assertFalse(seen.stream().anyMatch(WarpPlan::hasPresize), "presized plan handed to warp: " + seen);
        int expected = k.source().height() == 12 && k.source().width() == 17 ? 1 : 2;
        assertEquals(expected, seen.size(), "one warp per pass");
    }

    @Test
    void aSourceOfThePresizedSizeIsReadAsItIs() {
        ReferenceBackend reference = new ReferenceBackend();
        SplittableRandom r = new SplittableRandom(34);
        SourceImage source = source(r, 9, 11, 2, 1);
        WarpPlan outer = outer(r, 9, 11, 2, false);
        WarpPlan plan = outer.toBuilder().presize(9, 11, Interpolation.CUBIC).build();
        assertFalse(plan.presizes(9, 11));
        assertTrue(plan.presizes(9, 12));
        assertSame(source, PresizedWarp.firstPass(reference, source, plan, DataFormat.CHANNELS_LAST));
        Tensor want = Tensor.zeros(9, 11, 2);
        Tensor got = Tensor.zeros(9, 11, 2);
        reference.warp(source, outer, OutputSlot.image(want, DataFormat.CHANNELS_LAST));
        reference.warp(source, plan, OutputSlot.image(got, DataFormat.CHANNELS_LAST));
        assertArrayEquals(want.data(), got.data());
    }

    @Test
    void thePlanDescribesBothPasses() {
        WarpPlan outer = WarpPlan.builder().inverseAffine(new double[] {1, 0.5, 2, 0, 1, -3}).flips(true, false)
                .interpolation(Interpolation.NEAREST).fill(FillMode.CONSTANT, 7).color(new float[] {2},
                        new float[] {1}).build();
        WarpPlan plan = outer.toBuilder().presize(4, 8, Interpolation.BILINEAR).build();
        assertTrue(plan.hasPresize());
        assertFalse(outer.hasPresize());
        assertEquals(4, plan.presizeHeight());
        assertEquals(8, plan.presizeWidth());
        assertEquals(Interpolation.BILINEAR, plan.presizeInterpolation());
        WarpPlan first = plan.presizePlan(10, 2);
        assertArrayEquals(new double[] {2.5, 0, 0.75, 0, 0.25, -0.375}, first.inverseAffine());
        assertEquals(Interpolation.BILINEAR, first.interpolation());
        assertEquals(FillMode.NEAREST, first.fillMode());
        assertFalse(first.flipRows() || first.flipCols() || first.hasColor() || first.hasPresize());
        WarpPlan second = plan.withoutPresize();
        assertEquals(outer.toString(), second.toString());
        assertSame(outer, outer.withoutPresize());
        assertTrue(plan.toString().contains("presize=4x8 BILINEAR"), plan.toString());
        assertThrows(IllegalStateException.class, () -> outer.presizePlan(3, 3));
    }

    @Test
    void anIdentityPlanOutputsThePresizedSize() {
        WarpPlan plan = WarpPlan.builder().presize(6, 5, Interpolation.NEAREST).build();
        SourceImage source = SourceImage.of(Tensor.zeros(12, 10, 1), DataFormat.CHANNELS_LAST);
        Backend reference = new ReferenceBackend();
        reference.warp(source, plan, OutputSlot.image(Tensor.zeros(6, 5, 1), DataFormat.CHANNELS_LAST));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> reference.warp(source, plan,
                OutputSlot.image(Tensor.zeros(12, 10, 1), DataFormat.CHANNELS_LAST)));
        assertTrue(e.getMessage().contains("6x5 (the presize)"), e.getMessage());
    }

    @Test
    void presizeArgumentsAreChecked() {
        WarpPlan.Builder b = WarpPlan.builder();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> b.presize(0, 4, Interpolation.BILINEAR));
        assertTrue(e.getMessage().contains("height=0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> b.presize(3, -1, Interpolation.BILINEAR));
        assertTrue(e.getMessage().contains("width=-1"), e.getMessage());
        assertThrows(NullPointerException.class, () -> b.presize(3, 3, null));
        assertNotEquals(null, b.presize(3, 3, Interpolation.NEAREST).build().presizeInterpolation());
    }
}
