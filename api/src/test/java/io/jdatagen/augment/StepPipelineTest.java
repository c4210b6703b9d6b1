package io.jdatagen.augment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdatagen.core.DataFormat;
import io.jdatagen.core.FillMode;
import io.jdatagen.core.Interpolation;
import io.jdatagen.core.Tensor;
import io.jdatagen.data.Batch;
import io.jdatagen.flow.CountingBackend;
import io.jdatagen.flow.SampleBatch;
import io.jdatagen.flow.SampleContext;
import io.jdatagen.spi.SourceImage;
import io.jdatagen.spi.WarpPlan;
import io.jdatagen.spi.WrapConvention;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** User-written steps fuse like built-in ones: one warp for all geometry, the rest after it in order. */
class StepPipelineTest {
    private static final DataFormat LAST = DataFormat.CHANNELS_LAST;
    private static final Resampling NEAREST = new Resampling(Interpolation.NEAREST, FillMode.CONSTANT, -1,
            WrapConvention.SCIPY);

    /** A quarter turn counter-clockwise: input pixel (r, c) goes to (width − 1 − c, r); the output is width × height. */
    static final class QuarterTurn implements GeometricStep<Boolean> {
        @Override
        public Boolean draw(ImageShape image, RandomGenerator rng) {
            return Boolean.TRUE;
        }

        @Override
        public Geometry geometry(Boolean on, ImageShape image) {
            return Geometry.forward(new double[] {0, -1, image.width() - 1, 1, 0, 0}, image.width(), image.height());
        }
    }

    /** Moves content down by {@code rows} and right by {@code cols} whole pixels. */
    record Shift(int rows, int cols) implements GeometricStep<Boolean> {
        @Override
        public Boolean draw(ImageShape image, RandomGenerator rng) {
            return Boolean.TRUE;
        }

        @Override
        public Geometry geometry(Boolean on, ImageShape image) {
            return Geometry.forward(new double[] {1, 0, rows, 0, 1, cols}, image.height(), image.width());
        }
    }

    /** Mirrors the rows. */
    static final class FlipRows implements GeometricStep<Boolean> {
        @Override
        public Boolean draw(ImageShape image, RandomGenerator rng) {
            return Boolean.TRUE;
        }

        @Override
        public Geometry geometry(Boolean on, ImageShape image) {
            return Geometry.flip(true, false, image.height(), image.width());
        }
    }

    /** Adds a value drawn from U(0, 10) to every element. */
    static final class AddNoiseLevel implements PixelStep<Float> {
        @Override
        public Float draw(ImageShape image, RandomGenerator rng) {
            return (float) (10 * rng.nextDouble());
        }

        @Override
        public Tensor apply(Float level, Tensor image, ImageShape shape, SampleContext context) {
            float[] x = image.data();
            for (int k = 0; k < x.length; k++) {
                x[k] += level;
            }
            return image;
        }
    }

    /** {@code y = 2x + 1} on every channel. */
    static class Affine implements ColorLinearStep<Boolean> {
        @Override
        public Boolean draw(ImageShape image, RandomGenerator rng) {
            return Boolean.TRUE;
        }

        @Override
        public ColorLinear color(Boolean on, ImageShape image) {
            float[] scale = new float[image.channels()];
            float[] offset = new float[image.channels()];
            java.util.Arrays.fill(scale, 2);
            java.util.Arrays.fill(offset, 1);
            return ColorLinear.of(scale, offset);
        }
    }

    static Tensor ramp(int n, int h, int w, int c) {
        Tensor t = Tensor.zeros(n, h, w, c);
        for (int k = 0; k < t.size(); k++) {
            t.data()[k] = k % 251;
        }
        return t;
    }

    /** Runs {@code steps} on {@code images} as a flow would, with a stream per sample; returns the output batch. */
    static Tensor run(List<? extends Step> steps, CountingBackend backend, Tensor images, int outH, int outW) {
        StepPipeline p = new StepPipeline(steps, NEAREST, backend, LAST, null, null);
        int n = images.dim(0);
        List<SourceImage> sources = new ArrayList<>();
        RandomGenerator[] streams = new RandomGenerator[n];
        for (int i = 0; i < n; i++) {
            sources.add(SourceImage.of(images.item(i), LAST));
            streams[i] = new SplittableRandom(i);
        }
        Tensor out = Tensor.zeros(n, outH, outW, images.dim(3));
        p.augment(SampleBatch.into(sources, out, LAST).streams(streams).build());
        return out;
    }

    @Test
    void aQuarterTurnByNearestIsTheIndexPermutation() {
        Tensor x = ramp(3, 5, 7, 2);
        CountingBackend backend = new CountingBackend();
        Tensor y = run(List.of(new QuarterTurn()), backend, x, 7, 5);
        for (int i = 0; i < 3; i++) {
            for (int r = 0; r < 5; r++) {
                for (int c = 0; c < 7; c++) {
                    for (int ch = 0; ch < 2; ch++) {
                        assertEquals(x.data()[((i * 5 + r) * 7 + c) * 2 + ch],
                                y.data()[((i * 7 + (6 - c)) * 5 + r) * 2 + ch], "image " + i + " pixel " + r + "," + c);
                    }
                }
            }
        }
        assertEquals(1, backend.batchWarps);
        assertEquals(0, backend.warps);
    }

    @Test
    void geometricStepsFuseIntoOneWarpThatEqualsWarpingTwice() {
        Tensor x = ramp(4, 6, 6, 3);
        CountingBackend fused = new CountingBackend();
        Tensor once = run(List.of(new QuarterTurn(), new Shift(1, -2), new AddNoiseLevel()), fused, x, 6, 6);
        assertEquals(1, fused.batchWarps, "one warpBatch for two geometric steps");
        assertEquals(0, fused.warps);
        assertFalse(fused.lastPlans.get(0).hasColor());

        CountingBackend twice = new CountingBackend();
        Tensor turned = run(List.of(new QuarterTurn()), twice, x, 6, 6);
        Tensor shifted = run(List.of(new Shift(1, -2), new AddNoiseLevel()), twice, turned, 6, 6);
        assertEquals(2, twice.batchWarps);
        assertArrayEquals(shifted.data(), once.data(), "nearest on integer maps: fused equals warping twice");
    }

    @Test
    void trailingFlipsStayOutputFlipsAndAFlipBeforeAnotherStepBecomesAMatrix() {
        Tensor x = ramp(2, 4, 4, 1);
        CountingBackend last = new CountingBackend();
        run(List.of(new Shift(1, 0), new FlipRows()), last, x, 4, 4);
        WarpPlan plan = last.lastPlans.get(0);
        assertTrue(plan.flipRows());
        assertArrayEquals(Geometry.forward(new double[] {1, 0, 1, 0, 1, 0}, 4, 4).inverseMatrix(),
                plan.inverseAffine(), "the shift's own inverse, nothing multiplied in");

        CountingBackend first = new CountingBackend();
        Tensor fused = run(List.of(new FlipRows(), new QuarterTurn()), first, x, 4, 4);
        assertFalse(first.lastPlans.get(0).flipRows());
        Tensor flipped = run(List.of(new FlipRows()), new CountingBackend(), x, 4, 4);
        assertArrayEquals(run(List.of(new QuarterTurn()), new CountingBackend(), flipped, 4, 4).data(), fused.data());
    }

    @Test
    void colorLinearStepsRideInTheWarpUnlessAPixelStepComesFirst() {
        Tensor x = ramp(2, 3, 3, 2);
        CountingBackend folded = new CountingBackend();
        Tensor a = run(List.of(new Shift(0, 1), new Affine()), folded, x, 3, 3);
        assertTrue(folded.lastPlans.get(0).hasColor());
        assertEquals(2f, folded.lastPlans.get(0).scale(1));

        CountingBackend after = new CountingBackend();
        Tensor b = run(List.of(new Shift(0, 1), new AddNoiseLevel(), new Affine()), after, x, 3, 3);
        assertFalse(after.lastPlans.get(0).hasColor());
        float level0 = (float) (10 * new SplittableRandom(0).nextDouble());
        Tensor shifted = run(List.of(new Shift(0, 1)), new CountingBackend(), x, 3, 3);
        for (int k = 0; k < 18; k++) {
            assertEquals(2 * shifted.data()[k] + 1, a.data()[k]);
            assertEquals(2 * (shifted.data()[k] + level0) + 1, b.data()[k]);
        }
    }

    @Test
    void samplesWithoutAStreamGetOnlyTheStepsThatDoNotAugment() {
        ColorLinearStep<Boolean> always = new Affine() {
            @Override
            public boolean augments() {
                return false;
            }
        };
        StepPipeline p = new StepPipeline(List.of(new QuarterTurn(), always), NEAREST, new CountingBackend(), LAST,
                null, null);
        Tensor x = ramp(1, 2, 3, 1);
        Tensor out = Tensor.zeros(1, 2, 3, 1);
        Drawn[] drawn = p.augment(SampleBatch.into(List.of(SourceImage.of(x.item(0), LAST)), out, LAST).build());
        assertNull(drawn[0].get(p.steps().get(0)));
        for (int k = 0; k < 6; k++) {
            assertEquals(2 * x.data()[k] + 1, out.data()[k]);
        }
    }

    @Test
    void transformImageReturnsTheImageItselfWhenNoStepChangesIt() {
        StepPipeline p = new StepPipeline(List.of(new QuarterTurn()), NEAREST, new CountingBackend(), LAST, null,
                null);
        Tensor x = ramp(1, 3, 3, 1).item(0);
        assertSame(x, p.transformImage(x, null, p.given(Map.of())));
        assertArrayEquals(new int[] {3, 3, 1}, p.transformImage(x, new SplittableRandom(1), null).shape());
    }

    @Test
    void batchStepsRunLastOnTheAssembledBatch() {
        BatchStep<Float> scale = new BatchStep<>() {
            @Override
            public Float draw(int size, RandomGenerator rng) {
                return 3f;
            }

            @Override
            public Batch apply(Float factor, Batch batch) {
                Tensor x = batch.x().toTensor();
                for (int k = 0; k < x.size(); k++) {
                    x.data()[k] *= factor;
                }
                return Batch.of(x, batch.y(), batch.indices());
            }
        };
        StepPipeline p = new StepPipeline(List.of(new QuarterTurn(), scale), NEAREST, new CountingBackend(), LAST,
                null, null);
        Tensor x = ramp(2, 2, 2, 1);
        Tensor labels = Tensor.of(new float[] {0, 1}, 2);
        Batch b = p.augmentBatch(Batch.of(x, labels, new int[] {0, 1}), new SplittableRandom(0));
        assertEquals(3 * x.data()[5], b.xTensor().data()[5]);
        assertSame(labels, b.y());
    }

    @Test
    void geometricStepsMustComeFirst() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new StepPipeline(
                List.of(new AddNoiseLevel(), new QuarterTurn()), NEAREST, new CountingBackend(), LAST, null, null));
        assertTrue(e.getMessage().contains("QuarterTurn comes after AddNoiseLevel"), e.getMessage());
    }

    @Test
    void aStepThatChangesTheSizeMustFitTheBatch() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> run(List.of(new QuarterTurn()), new CountingBackend(), ramp(1, 2, 3, 1), 2, 3));
        assertTrue(e.getMessage().contains("geometric steps make 3x2x1"), e.getMessage());
    }

    @Test
    void geometryRefusesMapsItCannotUse() {
        assertThrows(IllegalArgumentException.class, () -> Geometry.forward(new double[] {1, 2, 0, 2, 4, 0}, 2, 2));
        assertThrows(IllegalArgumentException.class, () -> Geometry.inverse(new double[] {1, 0, 0}, 2, 2));
        assertThrows(IllegalArgumentException.class, () -> Geometry.flip(true, false, 0, 2));
    }

    /** The folded geometry's forward map sends each pixel centre where the warp puts it, output flips included. */
    @Test
    void theFoldedGeometrysForwardMapMovesEachPixelWhereTheWarpPutsIt() {
        List<Step> steps = List.of(new QuarterTurn(), new Shift(1, 2), new FlipRows());
        StepPipeline p = new StepPipeline(steps, NEAREST, new io.jdatagen.spi.reference.ReferenceBackend(), LAST,
                null, null);
        Drawn given = p.given(Map.of(steps.get(0), true, steps.get(1), true, steps.get(2), true));
        ImageShape shape = new ImageShape(3, 4, 1, LAST);
        Geometry g = p.geometry(given, shape);
        assertEquals(4, g.height());
        assertEquals(3, g.width());
        double[] f = g.forward();
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 4; c++) {
                Tensor one = Tensor.zeros(3, 4, 1);
                one.data()[r * 4 + c] = 1;
                Tensor out = p.transformImage(one, null, given);
                double row = f[0] * r + f[1] * c + f[2];
                double col = f[3] * r + f[4] * c + f[5];
                boolean inside = row >= 0 && row < 4 && col >= 0 && col < 3;
                for (int k = 0; k < out.size(); k++) {
                    boolean lit = inside && k == (int) Math.round(row) * 3 + (int) Math.round(col);
                    assertEquals(lit, out.data()[k] == 1f, "pixel (" + r + ", " + c + ") output " + k);
                }
            }
        }
        assertArrayEquals(new double[] {1, 0, 0, 0, 1, 0}, p.geometry(p.given(Map.of()), shape).forward());
    }
}
