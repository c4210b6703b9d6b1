package io.jdatagen.layers;

import io.jdatagen.augment.ImageShape;
import io.jdatagen.augment.PixelStep;
import io.jdatagen.boxes.BoundingBoxes;
import io.jdatagen.boxes.BoxFormat;
import io.jdatagen.core.Tensor;
import io.jdatagen.flow.SampleContext;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Keras 3's {@code MaxNumBoundingBoxes(max_number, fill_value=-1)}: every sample ends with exactly
 * {@code max_number} boxes, its first ones kept and the rest padding boxes of four {@code fill_value} with the
 * label {@code fill_value}, so that a batch's boxes stack densely. It leaves the images as they are (Keras's
 * {@code transform_images} returns them); its work is on the boxes that
 * {@link KerasPipeline#apply(Tensor, List, long, int)} carries, for every sample, augmented or not.
 *
 * <p>As in Keras, {@code fill_value} is not part of the config ({@code get_config()} writes {@code max_number}
 * only), so a round trip through the config pads with {@code -1}; {@link #fromConfig} accepts it when given.
 *
 * @see <a href="https://keras.io/api/layers/preprocessing_layers/image_augmentation/max_num_bounding_boxes/">
 *     Keras MaxNumBoundingBoxes</a>
 */
public final class MaxNumBoundingBoxes extends KerasLayerBase implements PixelStep<Boolean>,
        BoxTransform<Boolean> {
    private final LayerConfig base;
    private final String boxFormat;
    private final int maxNumber;
    private final int fillValue;

    /**
     * @param maxNumber the number of boxes every sample ends with, at least 0
     * @param fillValue the coordinates and label of a padding box (Keras's default -1)
     * @throws IllegalArgumentException for a negative {@code maxNumber}
     */
    public MaxNumBoundingBoxes(int maxNumber, int fillValue) {
        this(LayerConfig.defaults("max_num_bounding_boxes", null), null, maxNumber, fillValue);
    }

    private MaxNumBoundingBoxes(LayerConfig base, String boxFormat, int maxNumber, int fillValue) {
        if (maxNumber < 0) {
            throw new IllegalArgumentException("max_number must be at least 0; got " + maxNumber);
        }
        this.base = base;
        this.boxFormat = boxFormat;
        this.maxNumber = maxNumber;
        this.fillValue = fillValue;
    }

    /**
     * {@return the layer Keras's {@code get_config()} describes ({@code max_number}, read as Keras's
     * {@code int()} truncates it), with {@code fill_value} when the config has one, and Keras's
     * {@code bounding_box_format} kept for the round trip}
     *
     * @throws IllegalArgumentException for a missing or negative max_number, a value that is not a number, an
     *     unknown bounding_box_format or an unknown key
     */
    public static MaxNumBoundingBoxes fromConfig(Map<String, Object> config) {
        LayerConfig base = LayerConfig.read(config, "max_num_bounding_boxes",
                List.of(GeometricArgs.BOX_FORMAT, "max_number", "fill_value"));
        if (!config.containsKey("max_number")) {
            throw new IllegalArgumentException("MaxNumBoundingBoxes needs `max_number`; the config has none");
        }
        Object format = config.get(GeometricArgs.BOX_FORMAT);
        if (format != null) {
            BoxFormat.fromKerasName(String.valueOf(format));
        }
        return new MaxNumBoundingBoxes(base, format == null ? null : String.valueOf(format),
                LayerConfig.intOf(LayerConfig.number(config, "max_number", 0), "max_number"),
                LayerConfig.number(config, "fill_value", -1).intValue());
    }

    /**
     * {@return Keras's config: the base keys ({@code bounding_box_format} when one was read) and {@code max_number}
     * (Keras leaves {@code fill_value} out)}
     */
    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> m = base.start();
        if (boxFormat != null) {
            m.put(GeometricArgs.BOX_FORMAT, boxFormat);
        }
        m.put("max_number", maxNumber);
        return m;
    }

    /** {@return false: Keras pads the boxes at inference too} */
    @Override
    public boolean augments() {
        return false;
    }

    /** {@return null: the images are left as they are, so there is nothing to run on the pixels} */
    @Override
    public Boolean draw(ImageShape image, RandomGenerator rng) {
        return null;
    }

    /** {@return {@code image} unchanged (never called: {@link #draw} gives null)} */
    @Override
    public Tensor apply(Boolean params, Tensor image, ImageShape shape, SampleContext context) {
        return image;
    }

    /**
     * {@return the first {@code max_number} boxes, then padding boxes of four {@code fill_value} labelled
     * {@code fill_value} up to {@code max_number}: one row of Keras's {@code transform_bounding_boxes}}
     */
    @Override
    public BoundingBoxes transformBoundingBoxes(BoundingBoxes boxes, Boolean params, ImageShape image) {
        double[][] out = new double[maxNumber][];
        int[] labels = new int[maxNumber];
        for (int i = 0; i < maxNumber; i++) {
            boolean kept = i < boxes.size();
            out[i] = kept ? boxes.box(i) : new double[] {fillValue, fillValue, fillValue, fillValue};
            labels[i] = kept ? boxes.label(i) : fillValue;
        }
        return BoundingBoxes.of(boxes.format(), out, labels);
    }
}
