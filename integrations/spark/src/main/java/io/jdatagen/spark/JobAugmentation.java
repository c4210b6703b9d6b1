package io.jdatagen.spark;

import io.jdatagen.augment.BatchStep;
import io.jdatagen.core.DataFormat;
import io.jdatagen.core.Tensor;
import io.jdatagen.image.ImageDataGenerator;
import io.jdatagen.io.ByteImage;
import io.jdatagen.layers.KerasLayer;
import io.jdatagen.layers.KerasPipeline;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * What a job's tasks augment with, shipped as text (the generator's JSON, or the Keras layers' JSON with their
 * mode and data format) and rebuilt by every task with {@link #rebuild()}.
 */
abstract sealed class JobAugmentation implements Serializable {
    private static final long serialVersionUID = 1L;

    /** {@return the generator, shipped as its JSON configuration} */
    static JobAugmentation of(ImageDataGenerator generator) {
        return new Generator(generator.toJson());
    }

    /**
     * {@return the layers, shipped as their Keras JSON with their mode and data format; a {@code Normalization}
     * adapted in this process travels with its statistics written into its config (Keras's config of an
     * adapted layer holds none: they are its weights)}
     *
     * @throws IllegalArgumentException for a batch layer (MixUp, CutMix): copies are made one image at a time
     *     (run batch layers on the batches, {@link TensorBatches#of(java.util.Iterator, int, List, String,
     *     long, int)})
     */
    static JobAugmentation of(KerasPipeline layers) {
        List<String> batchLayers = new ArrayList<>();
        for (KerasLayer layer : layers.layers()) {
            if (layer.step() instanceof BatchStep<?>) {
                batchLayers.add(layer.className());
            }
        }
        if (!batchLayers.isEmpty()) {
            throw new IllegalArgumentException("layers " + batchLayers + " mix the images of a batch, but the job"
                    + " augments one image at a time: leave them out and run them on the batches"
                    + " (TensorBatches.of(rows, batchSize, classes, batchLayersJson, seed, partition))");
        }
        KerasPipeline shipped = AdaptedStatistics.written(layers);
        return new Layers(shipped.toJson(), shipped.mode().name(), shipped.dataFormat().name());
    }

    /** {@return the augmentation, built again from its text (once per task)} */
    abstract Task rebuild();

    /**
     * Checks that the augmentation leaves whole 0-255 values, as encoded images need.
     *
     * @throws IllegalArgumentException naming what rescales or standardizes
     */
    abstract void checkWritesPixels();

    /** One task's augmentation. */
    interface Task {
        /** {@return the layout of the copies} */
        DataFormat format();

        /** {@return one copy of {@code image}, drawing from {@code rng}} */
        Tensor copy(ByteImage image, RandomGenerator rng);
    }

    /** An {@link ImageDataGenerator}'s whole pipeline (augmentation and standardization). */
    private static final class Generator extends JobAugmentation {
        private static final long serialVersionUID = 1L;
        /** The generator's JSON configuration. */
        private final String json;

        Generator(String json) {
            this.json = json;
        }

        @Override
        Task rebuild() {
            ImageDataGenerator g = ImageDataGenerator.fromJson(json);
            return new Task() {
                @Override
                public DataFormat format() {
                    return g.dataFormat();
                }

                @Override
                public Tensor copy(ByteImage image, RandomGenerator rng) {
                    int[] size = g.resizeTarget() != null ? g.resizeTarget()
                            : new int[] {image.height(), image.width()};
                    int[] shape = g.dataFormat().imageShape(size[0], size[1], image.channels());
                    Tensor batch = Tensor.zeros(1, shape[0], shape[1], shape[2]);
                    g.augmentInto(image.toSource(), rng, batch, 0);
                    return batch.item(0);
                }
            };
        }

        @Override
        void checkWritesPixels() {
            ImageDataGenerator g = ImageDataGenerator.fromJson(json);
            if (g.getConfig().get("rescale") != null || g.featurewiseCenter() || g.samplewiseCenter()
                    || g.featurewiseStdNormalization() || g.samplewiseStdNormalization() || g.zcaWhitening()) {
                throw new IllegalArgumentException("augmented images are written as pixels: build the generator"
                        + " without rescale, centering, normalisation or whitening (apply them when training), or"
                        + " use tensors()");
            }
        }
    }

    /** Keras 3 layers: every per-sample layer, through {@link KerasPipeline#transformImage}. */
    private static final class Layers extends JobAugmentation {
        private static final long serialVersionUID = 1L;
        /** The layers' Keras JSON. */
        private final String json;
        /** The {@link KerasPipeline.Mode}'s name. */
        private final String mode;
        /** The {@link DataFormat}'s name. */
        private final String format;

        Layers(String json, String mode, String format) {
            this.json = json;
            this.mode = mode;
            this.format = format;
        }

        private KerasPipeline pipeline() {
            return KerasPipeline.builder().json(json).mode(KerasPipeline.Mode.valueOf(mode))
                    .dataFormat(DataFormat.valueOf(format)).build();
        }

        @Override
        Task rebuild() {
            KerasPipeline layers = pipeline();
            return new Task() {
                @Override
                public DataFormat format() {
                    return layers.dataFormat();
                }

                @Override
                public Tensor copy(ByteImage image, RandomGenerator rng) {
                    return layers.transformImage(image.toSource().toTensor(layers.dataFormat()), rng);
                }
            };
        }

        @Override
        void checkWritesPixels() {
            List<String> fractional = pipeline().fractionalSteps();
            if (!fractional.isEmpty()) {
                throw new IllegalArgumentException("augmented images are written as pixels, but layers " + fractional
                        + " make values fractional: leave them out (apply them when training), or use tensors()");
            }
        }
    }
}
