/**
 * Keras's {@code ImageDataGenerator} and its single-image functions.
 *
 * <p>Entry points: {@link io.jdatagen.image.ImageDataGenerator} (built with
 * {@link io.jdatagen.image.ImageDataGenerator#builder()}, a {@link io.jdatagen.image.GeneratorBuilder},
 * or from Keras's JSON config), and {@link io.jdatagen.image.AffineTransforms}, Keras's functional
 * API ({@code apply_affine_transform} and friends) with {@link io.jdatagen.image.WarpOptions}.
 * {@link io.jdatagen.image.Compatibility} chooses between Keras's documented geometry and the
 * reference's quirks. Inside, {@code KerasSteps} writes Keras's order down once, as a list of
 * {@link io.jdatagen.augment.Step}s (Keras's affine, flips, channel shift and brightness, mltk's
 * contrast and noise, standardize) that an {@link io.jdatagen.augment.StepPipeline} runs;
 * {@code SamplePipeline} puts every route (the flows' {@link io.jdatagen.flow.Augmenter}, {@code apply},
 * {@code randomTransform}, {@code applyTransform}) through that one list. {@code Standardizer} and
 * {@code StatisticsFitter} are Keras's {@code standardize} and {@code fit}.
 *
 * <p>Every generator option is one entry of the table {@code Option} (its config key, builder
 * setters, default, allowed values, check and config form): the builder sets entries, the
 * validated {@code GeneratorOptions} read them, and {@code GeneratorConfig} writes and reads the
 * config map and JSON from the same table. References run one way: generator, builder, options,
 * config, table; only the builder's {@code build()} refers back to the generator it returns.
 *
 * @see <a href="https://keras.io/api/data_loading/image/">Keras image data loading</a>
 */
package io.jdatagen.image;
