package io.jdatagen.image;

import io.jdatagen.augment.ColorLinear;
import io.jdatagen.augment.ColorLinearStep;
import io.jdatagen.augment.ImageShape;
import io.jdatagen.augment.PixelStep;
import io.jdatagen.augment.Step;
import io.jdatagen.core.Tensor;
import io.jdatagen.flow.SampleContext;
import io.jdatagen.spi.MatrixKernel;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * Keras's {@code standardize} as the last step of a generator, run for every sample, augmented or not.
 * Its parameters are the fitted statistics at draw time, so that a concurrent {@code fit} never mixes
 * two fits in one sample. When the options allow (no preprocessing function, no samplewise statistics,
 * no ZCA) it is color-linear: rescale and featurewise centre and std fold into the warp's color step.
 * When it cannot fold, it runs Keras's exact arithmetic on the warped image.
 */
final class StandardizeStep {
    private StandardizeStep() {
    }

    /** The step for {@code standardizer}'s options, reading the fitted statistics from {@code statistics}. */
    static Step of(Standardizer standardizer, Supplier<FeaturewiseStatistics> statistics, MatrixKernel kernel) {
        return standardizer.foldable() ? new Linear(standardizer, statistics, kernel)
                : new Exact(standardizer, statistics, kernel);
    }

    /** Rescale and featurewise statistics only: a per-channel map the warp can carry. */
    private record Linear(Standardizer standardizer, Supplier<FeaturewiseStatistics> statistics, MatrixKernel kernel)
            implements ColorLinearStep<FeaturewiseStatistics> {
        @Override
        public String name() {
            return "standardize";
        }

        @Override
        public boolean augments() {
            return false;
        }

        @Override
        public FeaturewiseStatistics draw(ImageShape image, RandomGenerator rng) {
            return statistics.get();
        }

        @Override
        public ColorLinear color(FeaturewiseStatistics fitted, ImageShape image) {
            float[][] c = standardizer.foldedColor(image.channels(), fitted);
            return ColorLinear.of(c[0], c[1]);
        }

        @Override
        public Tensor apply(FeaturewiseStatistics fitted, Tensor image, ImageShape shape, SampleContext context) {
            return standardizer.standardizeInPlace(image, fitted, kernel, context);
        }
    }

    /** With a preprocessing function, samplewise statistics or ZCA: Keras's standardize on the warped image. */
    private record Exact(Standardizer standardizer, Supplier<FeaturewiseStatistics> statistics, MatrixKernel kernel)
            implements PixelStep<FeaturewiseStatistics> {
        @Override
        public String name() {
            return "standardize";
        }

        @Override
        public boolean augments() {
            return false;
        }

        @Override
        public FeaturewiseStatistics draw(ImageShape image, RandomGenerator rng) {
            return statistics.get();
        }

        @Override
        public Tensor apply(FeaturewiseStatistics fitted, Tensor image, ImageShape shape, SampleContext context) {
            return standardizer.standardizeInPlace(image, fitted, kernel, context);
        }
    }
}
