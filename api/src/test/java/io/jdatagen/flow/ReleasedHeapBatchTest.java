package io.jdatagen.flow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.jdatagen.core.Tensor;
import io.jdatagen.data.Batch;
import io.jdatagen.data.Sequence;
import io.jdatagen.image.ImageDataGenerator;
import io.jdatagen.layers.CenterCrop;
import io.jdatagen.layers.CutMix;
import io.jdatagen.layers.KerasPipeline;
import io.jdatagen.layers.MixUp;
import io.jdatagen.layers.RandAugment;
import io.jdatagen.layers.RandomCrop;
import io.jdatagen.layers.RandomErasing;
import io.jdatagen.layers.RandomFlip;
import io.jdatagen.layers.RandomRotation;
import io.jdatagen.layers.RandomZoom;
import io.jdatagen.layers.Resizing;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * A heap batch given back with {@link Batch#release()} lends its array to a later batch of the same
 * size, which must come out exactly as from a new zero-filled array: each case poisons the released
 * array with NaN and compares every later batch with the same batch of a flow that never reuses.
 */
class ReleasedHeapBatchTest {
    private static final Tensor IMAGES = ArrayFlowTest.images(10, 12, 14, 3, 31);
    private static final Tensor LABELS = ArrayFlowTest.arange(10, 0);

    @Test
    void generatorFlowsWriteEveryElementOfAReusedArray() {
        List<ImageDataGenerator> generators = List.of(ImageDataGenerator.builder().build(),
                ImageDataGenerator.builder().rotationRange(30).zoomRange(0.3).widthShiftRange(0.2)
                        .fillMode("constant").cval(7).horizontalFlip(true).build(),
                ImageDataGenerator.builder().rotationRange(20).fillMode("reflect").channelShiftRange(20)
                        .brightnessRange(0.5, 1.5).rescale(1 / 255.0).build(),
                ImageDataGenerator.builder().samplewiseCenter(true).samplewiseStdNormalization(true)
                        .shearRange(15).dataFormat("channels_last").build());
        for (ImageDataGenerator g : generators) {
            check(g.toString(), true, seed -> g.flow(IMAGES, LABELS, FlowOptions.arrays().batchSize(4).seed(seed)));
        }
    }

    @Test
    void layerPipelinesWriteEveryElementOfAReusedArray() {
        List<KerasPipeline> pipelines = List.of(
                KerasPipeline.of(new RandomFlip(), new RandomRotation(0.2), new RandomZoom(0.2)),
                KerasPipeline.of(new RandomCrop(8, 9, null), new RandomErasing()),
                KerasPipeline.of(new CenterCrop(10, 6), new Resizing(7, 5)),
                KerasPipeline.of(new RandAugment(new double[] {0, 255}, 2, new double[] {0.5}, "bilinear", null)));
        for (KerasPipeline p : pipelines) {
            check(p.toString(), true, seed -> p.flow(IMAGES, LABELS, FlowOptions.arrays().batchSize(4).seed(seed)));
        }
        for (KerasPipeline mixing : List.of(KerasPipeline.of(new RandomFlip(), new MixUp()),
                KerasPipeline.of(new RandomZoom(0.2), new CutMix()))) {
            check(mixing + ", which mixes into a new array (the flow lends the unmixed one again)", false,
                    seed -> mixing.flow(IMAGES, LABELS, FlowOptions.arrays().batchSize(4).seed(seed)));
        }
    }

    @Test
    void segmentationPairsWriteEveryElementOfAReusedArray() {
        Tensor masks = ArrayFlowTest.images(10, 12, 14, 1, 32);
        ImageDataGenerator g = ImageDataGenerator.builder().rotationRange(40).zoomRange(0.3).build();
        check("pairs", true, seed -> g.flowPairs(IMAGES, masks, FlowOptions.pairs().batchSize(4).seed(seed)));
    }

    @Test
    void aReleasedArrayIsLentOnceAndOnlyToItsSize() {
        ArrayFlow flow = ImageDataGenerator.builder().build().flow(IMAGES, LABELS,
                FlowOptions.arrays().batchSize(4).shuffle(false));
        Batch first = flow.get(0);
        float[] memory = first.xTensor().data();
        first.release();
        first.release();
        assertNotSame(memory, flow.get(2).xTensor().data(), "the last batch holds 2 images: another size");
        Batch reusing = flow.get(1);
        assertSame(memory, reusing.xTensor().data(), "a released array holds the next batch of its size");
        assertNotSame(memory, flow.get(0).xTensor().data(), "released once, lent once");
        Batch kept = flow.get(0);
        assertNotSame(kept.xTensor().data(), flow.get(0).xTensor().data(), "arrays not given back are not reused");
    }

    /**
     * For each batch index of a flow made by {@code flows} (given the seed), the batch written after
     * one of its size was released and poisoned with NaN equals the batch of a flow of the same seed
     * that never reuses; {@code reuses}: whether the batch is the released array itself (not for
     * batch steps that mix into a new array). Then batches that are not released keep their values
     * while the later ones of the epoch are made.
     */
    private static void check(String what, boolean reuses, IntFunction<ImageFlow> flows) {
        ImageFlow fresh = flows.apply(9);
        ImageFlow reusing = flows.apply(9);
        for (int epoch = 0; epoch < 2; epoch++) {
            Sequence<Batch> expectedEpoch = fresh.atEpoch(epoch);
            Sequence<Batch> reusingEpoch = reusing.atEpoch(epoch);
            for (int index = 0; index < expectedEpoch.size(); index++) {
                Batch expected = expectedEpoch.get(index);
                Batch previous = reusingEpoch.get(index);
                float[] poisoned = previous.xTensor().data();
                previous.release();
                Arrays.fill(poisoned, Float.NaN);
                Batch actual = reusingEpoch.get(index);
                String at = what + ", epoch " + epoch + ", batch " + index;
                assertEquals(reuses, actual.xTensor().data() == poisoned, at + ": reused the released array");
                assertArrayEquals(expected.xTensor().data(), actual.xTensor().data(), at);
                assertEquals(expected.targets(), actual.targets(), at);
            }
            List<Batch> kept = new ArrayList<>();
            for (int index = 0; index < expectedEpoch.size(); index++) {
                kept.add(reusingEpoch.get(index));
            }
            for (int index = 0; index < kept.size(); index++) {
                assertArrayEquals(expectedEpoch.get(index).xTensor().data(), kept.get(index).xTensor().data(),
                        what + ", epoch " + epoch + ", batch " + index + " kept while later ones were made");
            }
        }
    }
}
