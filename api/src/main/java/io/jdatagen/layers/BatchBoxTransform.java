package io.jdatagen.layers;

import io.jdatagen.augment.ImageShape;
import io.jdatagen.boxes.BoundingBoxes;
import java.util.List;

/**
 * A batch layer's {@code transform_bounding_boxes}: every sample's boxes combined as Keras 3.15.1's layer
 * combines them for a given transformation of the batch, each sample's coming back in that sample's format.
 *
 * @param <P> the layer's drawn transformation of one batch
 */
interface BatchBoxTransform<P> {
    /**
     * {@return one list of boxes per sample of the batch, through the layer's {@code transform_bounding_boxes}}
     *
     * @param boxes one entry per sample, in batch order
     * @param image the shape every image of the batch has
     */
    List<BoundingBoxes> transformBoundingBoxes(List<BoundingBoxes> boxes, P transformation, ImageShape image);
}
