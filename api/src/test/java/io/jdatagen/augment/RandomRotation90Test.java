package io.jdatagen.augment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdatagen.core.DataFormat;
import io.jdatagen.core.FillMode;
import io.jdatagen.core.Interpolation;
import io.jdatagen.core.Tensor;
import io.jdatagen.flow.CountingBackend;
import io.jdatagen.spi.WrapConvention;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RandomRotation90Test {
    private static final ImageShape SQUARE = new ImageShape(5, 5, 2, DataFormat.CHANNELS_LAST);

    @Test
    void eachTurnIsThePixelPermutationByNearestAndByBilinear() {
        Tensor x = StepPipelineTest.ramp(1, 5, 5, 2).item(0);
        RandomRotation90 step = new RandomRotation90(1);
        for (Interpolation interpolation : new Interpolation[] {Interpolation.NEAREST, Interpolation.BILINEAR}) {
            StepPipeline p = new StepPipeline(List.of(step), new Resampling(interpolation, FillMode.CONSTANT, -1,
                    WrapConvention.SCIPY), new CountingBackend(), DataFormat.CHANNELS_LAST, null, null);
            Tensor once = x;
            for (int turns = 1; turns <= 3; turns++) {
                once = turn(once);
                Tensor y = p.transformImage(x, null, p.given(Map.of(step, turns)));
                assertArrayEquals(once.data(), y.data(), turns + " quarter turn(s), " + interpolation);
            }
        }
    }

    /** {@code x} (n × n × c) turned a quarter counter-clockwise, by index: pixel (r, c) goes to (n − 1 − c, r). */
    private static Tensor turn(Tensor x) {
        int n = x.dim(0);
        int ch = x.dim(2);
        Tensor out = Tensor.zeros(n, n, ch);
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                for (int k = 0; k < ch; k++) {
                    out.data()[((n - 1 - c) * n + r) * ch + k] = x.data()[(r * n + c) * ch + k];
                }
            }
        }
        return out;
    }

    @Test
    void turnsWithTheGivenProbabilityByEveryAngle() {
        Set<Integer> seen = new HashSet<>();
        int turned = 0;
        RandomRotation90 half = new RandomRotation90(0.5);
        for (int seed = 0; seed < 400; seed++) {
            Integer turns = half.draw(SQUARE, new SplittableRandom(seed));
            if (turns != null) {
                turned++;
                seen.add(turns);
            }
            assertNull(new RandomRotation90(0).draw(SQUARE, new SplittableRandom(seed)));
        }
        assertEquals(Set.of(1, 2, 3), seen);
        assertTrue(turned > 150 && turned < 250, "about half of 400 turn; got " + turned);
    }

    @Test
    void joinsTheOneWarpOfABatchAndLeavesUnturnedImagesAlone() {
        CountingBackend backend = new CountingBackend();
        Tensor x = StepPipelineTest.ramp(6, 4, 4, 1);
        StepPipelineTest.run(List.of(new StepPipelineTest.Shift(1, 0), new RandomRotation90(0.5)), backend, x, 4, 4);
        assertEquals(1, backend.batchWarps);
        assertEquals(0, backend.warps);
        StepPipeline none = new StepPipeline(List.of(new RandomRotation90(0)), new Resampling(Interpolation.NEAREST,
                FillMode.NEAREST, 0, WrapConvention.SCIPY), backend, DataFormat.CHANNELS_LAST, null, null);
        Tensor image = x.item(0);
        assertSame(image, none.transformImage(image, new SplittableRandom(1), null));
    }

    @Test
    void refusesNonSquareImagesAndBadProbabilities() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new RandomRotation90(1)
                .draw(new ImageShape(4, 6, 3, DataFormat.CHANNELS_LAST), new SplittableRandom(0)));
        assertTrue(e.getMessage().startsWith("random_rotation90 turns square images only (a turned 4x6 image is 6x4"),
                e.getMessage());
        assertEquals("probability must be in [0, 1]; got: 1.5",
                assertThrows(IllegalArgumentException.class, () -> new RandomRotation90(1.5)).getMessage());
    }

    @Test
    void isInTheCatalog() {
        assertInstanceOf(RandomRotation90.class, StepCatalog.create("random_rotation90", Map.of("probability", 0.25)));
        assertInstanceOf(RandomRotation90.class, StepCatalog.create("random_rotation90", Map.of()));
        assertThrows(IllegalArgumentException.class,
                () -> StepCatalog.create("random_rotation90", Map.of("probability", "often")));
    }
}
