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

    /**
     * What both forms share: the name, running for every sample, drawing the fitted statistics and Keras's
     * exact arithmetic on the warped image.
     */
    private abstract static class Standardize {
        final Standardizer standardizer;
        private final Supplier<FeaturewiseStatistics> statistics;
        private final MatrixKernel kernel;

        Standardize(Standardizer standardizer, Supplier<FeaturewiseStatistics> statistics, MatrixKernel kernel) {
            this.standardizer = standardizer;
            this.statistics = statistics;
            this.kernel = kernel;
        }

        public String name() {
            return "standardize";
        }

        public boolean augments() {
            return false;
        }

        public FeaturewiseStatistics draw(ImageShape image, RandomGenerator rng) {
            return statistics.get();
        }

        public Tensor apply(FeaturewiseStatistics fitted, Tensor image, ImageShape shape, SampleContext context) {
            return standardizer.standardizeInPlace(image, fitted, kernel, context);
        }
    }

    /** Rescale and featurewise statistics only: a per-channel map the warp can carry. */
    private static final class Linear extends Standardize implements ColorLinearStep<FeaturewiseStatistics> {
        Linear(Standardizer standardizer, Supplier<FeaturewiseStatistics> statistics, MatrixKernel kernel) {
            super(standardizer, statistics, kernel);
        }

        @Override
        public ColorLinear color(FeaturewiseStatistics fitted, ImageShape image) {
            float[][] c = standardizer.foldedColor(image.channels(), fitted);
            return ColorLinear.of(c[0], c[1]);
        }
    }

    /** With a preprocessing function, samplewise statistics or ZCA: Keras's standardize on the warped image. */
    private static final class Exact extends Standardize implements PixelStep<FeaturewiseStatistics> {
        Exact(Standardizer standardizer, Supplier<FeaturewiseStatistics> statistics, MatrixKernel kernel) {
            super(standardizer, statistics, kernel);
        }
    }
}
