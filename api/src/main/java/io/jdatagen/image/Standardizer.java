package io.jdatagen.image;

import io.jdatagen.core.Tensor;
import io.jdatagen.flow.SampleContext;
import io.jdatagen.spi.MatrixKernel;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keras's {@code standardize}, in its fixed order: preprocessing function,
 * rescale, samplewise centre and std, featurewise centre and std, ZCA. Statistics of the
 * samplewise steps cover every element of the tensor given (a whole batch when given a batch).
 */
final class Standardizer {
    private static final Logger LOG = LoggerFactory.getLogger(Standardizer.class);
    private static final double STD_EPSILON = 1e-6;

    private final GeneratorOptions o;
    private final AtomicBoolean warnedUnfitted = new AtomicBoolean();

    Standardizer(GeneratorOptions options) {
        this.o = options;
    }

    /** Standardizes {@code x} in place and returns it (or the preprocessing functions' result). */
    Tensor standardizeInPlace(Tensor x, FeaturewiseStatistics stats, MatrixKernel kernel, SampleContext context) {
        if (x.rank() < 3) {
            throw new IllegalArgumentException("standardize needs an image (rank 3) or a batch (rank 4);"
                    + " got shape " + Arrays.toString(x.shape()));
        }
        if (o.preprocessingFunction() != null) {
            x = o.preprocessingFunction().apply(x);
            if (x == null) {
                throw new IllegalStateException("preprocessing_function returned null");
            }
        }
        if (o.hooks().preprocessing() != null) {
            int[] shape = x.shape();
            x = o.hooks().preprocessing().apply(x, context);
            if (x == null || !Arrays.equals(shape, x.shape())) {
                throw new IllegalStateException("the context-aware preprocessing function must return an image of"
                        + " shape " + Arrays.toString(shape) + "; got " + (x == null ? "null" : Arrays.toString(
                        x.shape())));
            }
        }
        Precision p = o.precision();
        float[] data = x.data();
        double[] w = ElementArithmetic.widen(data);
        ElementArithmetic.rescale(w, o.rescale(), p);
        if (o.samplewiseCenter()) {
            double m = p.round(mean(w));
            for (int k = 0; k < w.length; k++) {
                w[k] = p.round(w[k] - m);
            }
        }
        if (o.samplewiseStdNormalization()) {
            double s = p.round(p.round(std(w)) + p.round(STD_EPSILON));
            for (int k = 0; k < w.length; k++) {
                w[k] = p.round(w[k] / s);
            }
        }
        int[] shape = x.shape();
        int channels = ElementArithmetic.channels(shape, o.dataFormat());
        int plane = ElementArithmetic.plane(shape, o.dataFormat());
        if (o.featurewiseCenter()) {
            if (!stats.hasMean()) {
                warnUnfitted("featurewise_center");
            } else {
                checkChannels(stats.channelCount(), channels);
                for (int k = 0; k < w.length; k++) {
                    w[k] = p.round(w[k] - stats.meanOf(ElementArithmetic.channelOf(k, channels, plane)));
                }
            }
        }
        if (o.featurewiseStdNormalization()) {
            if (!stats.hasStd()) {
                warnUnfitted("featurewise_std_normalization");
            } else {
                checkChannels(stats.channelCount(), channels);
                double eps = p.round(STD_EPSILON);
                for (int k = 0; k < w.length; k++) {
                    w[k] = p.round(w[k] / p.round(stats.stdOf(ElementArithmetic.channelOf(k, channels, plane)) + eps));
                }
            }
        }
        for (int k = 0; k < w.length; k++) {
            data[k] = (float) w[k];
        }
        if (o.zcaWhitening()) {
            if (stats.zcaMatrix() == null) {
                warnUnfitted("zca_whitening");
            } else {
                whiten(x, stats, kernel);
            }
        }
        return x;
    }

    /**
     * The per-channel {@code scale, offset} pair equal to this standardize's rescale and
     * featurewise steps, for the warp kernel's fused color step; null when standardize has a step
     * that cannot be folded (preprocessing function, samplewise statistics, ZCA). Unfitted
     * featurewise steps are skipped with the usual warning.
     */
    float[][] foldedColor(int channels, FeaturewiseStatistics stats) {
        if (!foldable()) {
            return null;
        }
        double rescale = o.rescale() == null || o.rescale() == 0 ? 1 : o.rescale();
        boolean center = o.featurewiseCenter() && stats.hasMean();
        boolean divide = o.featurewiseStdNormalization() && stats.hasStd();
        if (o.featurewiseCenter() && !center) {
            warnUnfitted("featurewise_center");
        }
        if (o.featurewiseStdNormalization() && !divide) {
            warnUnfitted("featurewise_std_normalization");
        }
        if (center || divide) {
            checkChannels(stats.channelCount(), channels);
        }
        float[] scale = new float[channels];
        float[] offset = new float[channels];
        for (int c = 0; c < channels; c++) {
            double mean = center ? stats.meanOf(c) : 0;
            double std = divide ? stats.stdOf(c) + STD_EPSILON : 1;
            scale[c] = (float) (rescale / std);
            offset[c] = (float) (-mean / std);
        }
        return new float[][] {scale, offset};
    }

    /**
     * Whether this standardize is a per-channel linear map: no preprocessing function, no samplewise
     * statistics, no ZCA (which the fused color step cannot carry).
     */
    boolean foldable() {
        return o.preprocessingFunction() == null && o.hooks().preprocessing() == null && !o.samplewiseCenter()
                && !o.samplewiseStdNormalization() && !o.zcaWhitening();
    }

    private static void whiten(Tensor x, FeaturewiseStatistics stats, MatrixKernel kernel) {
        int[] shape = x.shape();
        int d = shape[shape.length - 1] * shape[shape.length - 2] * shape[shape.length - 3];
        if (d != stats.zcaDimension()) {
            throw new IllegalArgumentException("the ZCA matrix was fitted on " + stats.zcaDimension()
                    + " features per image but this input has " + d + " (shape " + Arrays.toString(shape) + ")");
        }
        float[] data = x.data();
        float[] out = new float[data.length];
        kernel.multiply(data, data.length / d, d, stats.zcaMatrix(), d, out);
        System.arraycopy(out, 0, data, 0, data.length);
    }

    private static void checkChannels(int fitted, int channels) {
        if (fitted != channels) {
            throw new IllegalArgumentException("the statistics were fitted on " + fitted
                    + " channels but this input has " + channels);
        }
    }

    private void warnUnfitted(String option) {
        if (warnedUnfitted.compareAndSet(false, true)) {
            LOG.warn("This ImageDataGenerator specifies `{}`, but it hasn't been fit on any training data."
                    + " Fit it first by calling `.fit(numpy_data)` (ImageDataGenerator.fit(Tensor) in Java).", option);
        }
    }

    static double mean(double[] w) {
        double sum = 0;
        for (double v : w) {
            sum += v;
        }
        return sum / w.length;
    }

    static double std(double[] w) {
        double m = mean(w);
        double sum = 0;
        for (double v : w) {
            double d = v - m;
            sum += d * d;
        }
        return Math.sqrt(sum / w.length);
    }
}
