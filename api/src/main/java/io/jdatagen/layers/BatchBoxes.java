package io.jdatagen.layers;

import io.jdatagen.augment.BatchStep;
import io.jdatagen.augment.ImageShape;
import io.jdatagen.augment.Step;
import io.jdatagen.augment.StepPipeline;
import io.jdatagen.boxes.BoundingBoxes;
import io.jdatagen.core.Tensor;
import io.jdatagen.data.Batch;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;

/**
 * Runs a {@link KerasPipeline}'s batch layers on an augmented batch of images and its boxes together: each
 * layer draws once for the batch, exactly as {@link StepPipeline#augmentBatch} draws (same stream, same order),
 * mixes the images and combines the boxes with its {@link BatchBoxTransform}.
 */
final class BatchBoxes {
    private BatchBoxes() {
    }

    /**
     * Refuses a batch layer that cannot combine boxes, before anything is drawn.
     *
     * @throws IllegalArgumentException naming the first such layer
     */
    static void check(StepPipeline batchLayers) {
        for (Step s : batchLayers.steps()) {
            if (s instanceof BatchStep<?> && !(s instanceof BatchBoxTransform<?>)) {
                String name = s instanceof KerasLayer layer ? layer.className() : s.name();
                throw new IllegalArgumentException("bounding boxes cannot follow the batch layer " + name
                        + ": Keras 3.15.1 has no transform_bounding_boxes for it; the batch layer that has one: MixUp");
            }
        }
    }

    /**
     * {@return the images (a rank-4 batch) and their boxes through the batch layers, which {@link #check} passed}
     *
     * @param image the shape of every image of the batch
     */
    static ImagesAndBoxes mix(StepPipeline batchLayers, Tensor images, List<BoundingBoxes> boxes, ImageShape image,
            RandomGenerator rng) {
        ImagesAndBoxes out = new ImagesAndBoxes(images, boxes);
        for (Step s : batchLayers.steps()) {
            if (s instanceof BatchStep<?> step) {
                out = apply(step, out, image, rng);
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static <P> ImagesAndBoxes apply(BatchStep<P> step, ImagesAndBoxes in, ImageShape image,
            RandomGenerator rng) {
        int n = in.images().dim(0);
        P p = step.draw(n, rng);
        if (p == null) {
            return in;
        }
        Batch mixed = step.apply(p, new Batch(List.of(in.images()), List.of(), null,
                IntStream.range(0, n).toArray()));
        return new ImagesAndBoxes(mixed.xTensor(),
                ((BatchBoxTransform<P>) step).transformBoundingBoxes(in.boxes(), p, image));
    }
}
