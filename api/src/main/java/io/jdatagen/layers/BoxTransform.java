package io.jdatagen.layers;

import io.jdatagen.augment.ImageShape;
import io.jdatagen.boxes.BoundingBoxes;

/**
 * A layer's {@code transform_bounding_boxes}: the boxes of one sample moved (or, for a layer that moves no
 * pixel, padded) as Keras 3.15.1's layer does it for a given transformation, formula for formula (including
 * where Keras's formula does not follow the pixels; each layer's method says where). The boxes' {@link BoundingBoxes#format()} plays Keras's
 * {@code bounding_box_format} argument: the boxes come back in it, sized for the layer's output image.
 * {@link KerasPipeline.Mode#KERAS_REFERENCE} runs these, layer after layer; {@link KerasPipeline.Mode#FUSED}
 * maps the boxes through each sample's folded matrix instead.
 *
 * @param <P> the layer's drawn transformation of one sample
 */
interface BoxTransform<P> {
    /**
     * {@return {@code boxes} through the layer's {@code transform_bounding_boxes} with {@code transformation}}
     *
     * @param transformation the sample's transformation as the layer's step draws it; null where the step drew
     *     none (a RandomFlip that does not flip)
     * @param image the shape of the image the layer receives
     */
    BoundingBoxes transformBoundingBoxes(BoundingBoxes boxes, P transformation, ImageShape image);
}
