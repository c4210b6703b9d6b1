package io.jdatagen.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jdatagen.augment.GeometricStep;
import io.jdatagen.augment.Geometry;
import io.jdatagen.augment.ImageShape;
import io.jdatagen.augment.PixelStep;
import io.jdatagen.core.DataFormat;
import io.jdatagen.core.Tensor;
import io.jdatagen.data.Batch;
import io.jdatagen.data.RandomKeys;
import io.jdatagen.flow.ArrayFlowOptions;
import io.jdatagen.flow.CountingBackend;
import io.jdatagen.flow.FlowOptions;
import io.jdatagen.flow.SampleContext;
import io.jdatagen.spi.SourceImage;
import io.jdatagen.spi.reference.ReferenceBackend;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** The README's "Write your own step" program, and what it promises: one warp, Keras's draws kept. */
class OwnStepsTest {
    // ---- the README's classes, verbatim

    /** Swaps rows and columns of half the images (square images keep their size). */
    static final class Transpose implements GeometricStep<Boolean> {
        @Override
        public Boolean draw(ImageShape image, RandomGenerator rng) {
            return rng.nextDouble() < 0.5 ? Boolean.TRUE : null;    // null: leave this image as it is
        }

        @Override
        public Geometry geometry(Boolean on, ImageShape image) {    // pixel (row, col) goes to (col, row)
            return Geometry.forward(new double[] {0, 1, 0, 1, 0, 0}, image.width(), image.height());
        }
    }

    /** Inverts the values at or above a threshold drawn per image, as Pillow's solarize does on 0-255. */
    static final class Solarize implements PixelStep<Float> {
        @Override
        public Float draw(ImageShape image, RandomGenerator rng) {
            return 128f + 127f * (float) rng.nextDouble();
        }

        @Override
        public Tensor apply(Float threshold, Tensor image, ImageShape shape, SampleContext context) {
            float[] x = image.data();
            for (int k = 0; k < x.length; k++) {
                x[k] = x[k] >= threshold ? 255 - x[k] : x[k];
            }
            return image;
        }
    }

    @Test
    void theReadmeProgramRuns() {
        Tensor images = Tensor.zeros(8, 64, 64, 3);
        ImageDataGenerator gen = ImageDataGenerator.builder().rotationRange(15).horizontalFlip(true)
                .step(new Transpose())                       // same warp as the rotation and the flip
                .step(new Solarize())                        // after the warp, before rescale
                .rescale(1 / 255.0).build();
        Batch b = gen.flow(images, null, FlowOptions.arrays().batchSize(4).seed(3)).get(0);
        assertArrayEquals(new int[] {4, 64, 64, 3}, b.x().shape());
    }

    // ---- what it promises

    @Test
    void userStepsRideInKerasWarpAndKeepKerasDraws() {
        Tensor x = Images.random(4, 8, 10, 10, 3);
        CountingBackend counting = new CountingBackend();
        // Both on the reference backend (the counting one delegates to it): the comparison is exact.
        ImageDataGenerator keras = ImageDataGenerator.builder().rotationRange(15).horizontalFlip(true)
                .backend(new ReferenceBackend()).build();
        ImageDataGenerator own = keras.toBuilder().step(new Transpose()).step(new Solarize()).backend(counting).build();
        ArrayFlowOptions options = FlowOptions.arrays().batchSize(8).shuffle(false).seed(3);
        Tensor plain = keras.flow(x, null, options).get(0).xTensor();
        Tensor mine = own.flow(x, null, options).get(0).xTensor();
        assertEquals(1, counting.batchWarps, "Keras's rotation and flip and the transpose: one warpBatch");
        assertEquals(0, counting.warps);
        for (int i = 0; i < 8; i++) {
            RandomGenerator rng = RandomKeys.forSample(3, 0, i);
            TransformParameters p = keras.getRandomTransform(new int[] {10, 10, 3}, rng);
            boolean transposed = rng.nextDouble() < 0.5;
            float threshold = 128f + 127f * (float) rng.nextDouble();
            for (int r = 0; r < 10; r++) {
                for (int c = 0; c < 10; c++) {
                    for (int ch = 0; ch < 3; ch++) {
                        float v = plain.data()[(((i * 10) + (transposed ? c : r)) * 10 + (transposed ? r : c)) * 3 + ch];
                        assertEquals(v >= threshold ? 255 - v : v, mine.data()[((i * 10 + r) * 10 + c) * 3 + ch],
                                "image " + i + " pixel " + r + "," + c);
                    }
                }
            }
            Tensor one = Tensor.zeros(1, 10, 10, 3);
            assertEquals(p, own.augmentInto(SourceImage.of(x.item(i), DataFormat.CHANNELS_LAST),
                    RandomKeys.forSample(3, 0, i), one, 0), "Keras's parameters of image " + i);
        }
    }

    @Test
    void getRandomTransformIgnoresUserSteps() {
        ImageDataGenerator keras = ImageDataGenerator.builder().rotationRange(15).channelShiftRange(9).build();
        ImageDataGenerator own = keras.toBuilder().step(new Transpose()).step(new Solarize()).build();
        assertEquals(keras.getRandomTransform(new int[] {5, 5, 3}, new SplittableRandom(2)),
                own.getRandomTransform(new int[] {5, 5, 3}, new SplittableRandom(2)));
    }
}
