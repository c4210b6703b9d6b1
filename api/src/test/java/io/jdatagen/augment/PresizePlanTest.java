package io.jdatagen.augment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jdatagen.core.DataFormat;
import io.jdatagen.core.Interpolation;
import io.jdatagen.core.Tensor;
import io.jdatagen.image.ImageDataGenerator;
import io.jdatagen.spi.OutputSlot;
import io.jdatagen.spi.SourceImage;
import io.jdatagen.spi.WarpPlan;
import io.jdatagen.spi.reference.ReferenceBackend;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A plan's presize is the generator's resize: its first pass is the plan {@link StepPipeline}
 * builds for a resize, and an identity plan with a presize gives what {@link
 * ImageDataGenerator#resize} gives, bit for bit, so that flows can hand the resize to the batch
 * warp instead of warping each sample once more.
 */
class PresizePlanTest {
    @Test
    void theFirstPassIsTheGeneratorsResizePlan() {
        int[][] sizes = {{1, 1}, {7, 3}, {24, 20}, {5, 64}, {480, 640}};
        for (int[] source : sizes) {
            for (int[] target : sizes) {
                for (Interpolation interpolation : Interpolation.values()) {
                    WarpPlan plan = WarpPlan.builder().presize(target[0], target[1], interpolation).build();
                    WarpPlan want = StepPipeline.resizePlan(source[0], source[1], target, interpolation);
                    WarpPlan got = plan.presizePlan(source[0], source[1]);
                    assertArrayEquals(want.inverseAffine(), got.inverseAffine());
                    assertEquals(want.toString(), got.toString());
                }
            }
        }
    }

    @Test
    void anIdentityPresizedPlanIsTheGeneratorsResize() {
        SplittableRandom r = new SplittableRandom(61);
        for (DataFormat format : DataFormat.values()) {
            for (int order : new int[] {0, 1, 3}) {
                ImageDataGenerator generator = ImageDataGenerator.builder().resize(11, 17).interpolationOrder(order)
                        .dataFormat(format).backend(new ReferenceBackend()).build();
                Tensor x = Tensor.zeros(format.imageShape(20 + r.nextInt(20), 5 + r.nextInt(20), 3));
                for (int k = 0; k < x.size(); k++) {
                    x.data()[k] = (float) r.nextDouble(0, 255);
                }
                Tensor got = Tensor.zeros(format.imageShape(11, 17, 3));
                new ReferenceBackend().warp(SourceImage.of(x, format), WarpPlan.builder()
                        .presize(11, 17, Interpolation.fromOrder(order)).build(), OutputSlot.image(got, format));
                assertArrayEquals(generator.resize(x).data(), got.data(), format + " order " + order);
            }
        }
    }
}
