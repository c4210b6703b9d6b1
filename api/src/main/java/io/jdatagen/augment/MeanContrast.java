package io.jdatagen.augment;

import io.jdatagen.core.Tensor;
import io.jdatagen.flow.SampleContext;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Contrast about the image mean (mltk's {@code contrast_range}): a factor {@code f} drawn uniformly from
 * {@code [low, high]}, then {@code y = m + f·(x − m)} in float32 with {@code m} the mean over all pixels
 * and channels, as Pillow's {@code ImageEnhance.Contrast} blends with the mean grey. It draws after the
 * warp.
 */
public final class MeanContrast implements PixelStep<Double> {
    private final double low;
    private final double high;

    /**
     * @param low the smallest factor, at least 0
     * @param high the largest factor, at least {@code low}
     * @throws IllegalArgumentException unless {@code 0 <= low <= high}, both finite
     */
    public MeanContrast(double low, double high) {
        if (!Double.isFinite(low) || !Double.isFinite(high) || low < 0 || low > high) {
            throw new IllegalArgumentException("contrast range must be two finite numbers 0 <= low <= high; got: ["
                    + low + ", " + high + "]");
        }
        this.low = low;
        this.high = high;
    }

    /**
     * {@return the step a config describes: {@code {"low": ..., "high": ...}}}
     *
     * @param config the step's arguments
     * @throws IllegalArgumentException for a missing or non-numeric bound, or an invalid range
     */
    static MeanContrast fromConfig(Map<String, Object> config) {
        return new MeanContrast(StepArguments.number(config, "low"), StepArguments.number(config, "high"));
    }

    @Override
    public String name() {
        return "mean_contrast";
    }

    @Override
    public Double draw(ImageShape image, RandomGenerator rng) {
        return low + (high - low) * rng.nextDouble();
    }

    @Override
    public Tensor apply(Double factor, Tensor image, ImageShape shape, SampleContext context) {
        float[] x = image.data();
        double sum = 0;
        for (float v : x) {
            sum += v;
        }
        double mean = sum / x.length;
        for (int k = 0; k < x.length; k++) {
            x[k] = (float) (mean + factor * (x[k] - mean));
        }
        return image;
    }

    @Override
    public boolean drawsAfterWarp() {
        return true;
    }
}
