package io.jdatagen.cli;

import io.jdatagen.augment.BatchStep;
import io.jdatagen.core.DataFormat;
import io.jdatagen.core.Tensor;
import io.jdatagen.image.ImageDataGenerator;
import io.jdatagen.layers.KerasLayer;
import io.jdatagen.layers.KerasPipeline;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * What {@code augment} does to one copy of an image: a generator's random transform (its standardization
 * left out) or Keras 3 layers, drawing from the copy's stream.
 */
interface CopyTransform {
    /** {@return the layout images are loaded in and the transform writes} */
    DataFormat format();

    /** {@return {@code image} (rank 3, in {@link #format()}) transformed, drawing from {@code rng}} */
    Tensor apply(Tensor image, RandomGenerator rng);

    /** {@return the generator's {@code randomTransform}} */
    static CopyTransform of(ImageDataGenerator generator) {
        return new CopyTransform() {
            @Override
            public DataFormat format() {
                return generator.dataFormat();
            }

            @Override
            public Tensor apply(Tensor image, RandomGenerator rng) {
                return generator.randomTransform(image, rng);
            }
        };
    }

    /**
     * {@return the layers' {@link KerasPipeline#transformImage}: every layer, each image on its own}
     *
     * @param file the config file, named in errors
     * @throws IllegalArgumentException for a batch layer (it mixes the images of a batch) or a layer that
     *     makes values fractional (the copies are written as 0-255 pixels)
     */
    static CopyTransform of(KerasPipeline layers, Path file) {
        List<String> batchLayers = new ArrayList<>();
        for (KerasLayer layer : layers.layers()) {
            if (layer.step() instanceof BatchStep<?>) {
                batchLayers.add(layer.className());
            }
        }
        if (!batchLayers.isEmpty()) {
            throw new IllegalArgumentException("--keras-config " + file + ": augment writes every image on its own,"
                    + " but " + String.join(", ", batchLayers) + " mix the images of a batch: leave them out of the"
                    + " config (apply them when training)");
        }
        if (!layers.fractionalSteps().isEmpty()) {
            throw new IllegalArgumentException("--keras-config " + file + ": augment writes 0-255 pixels, but "
                    + String.join(", ", layers.fractionalSteps()) + " make values fractional: leave them out of the"
                    + " config (apply them when training)");
        }
        return new CopyTransform() {
            @Override
            public DataFormat format() {
                return layers.dataFormat();
            }

            @Override
            public Tensor apply(Tensor image, RandomGenerator rng) {
                return layers.transformImage(image, rng);
            }
        };
    }
}
