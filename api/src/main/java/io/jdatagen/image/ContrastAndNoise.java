package io.jdatagen.image;

import io.jdatagen.spi.Tensor;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * mltk's steps after Keras's {@code apply_transform}, drawn after Keras's draws so that they
 * leave Keras's values untouched: contrast about the image mean (a factor {@code f} drawn
 * uniformly from the range; {@code y = m + f·(x − m)} with {@code m} the mean over all pixels
 * and channels, as Pillow's {@code ImageEnhance.Contrast} blends with the mean grey), then one
 * noise kind chosen uniformly from the list and added to every element.
 */
final class ContrastAndNoise {
    private final double[] contrastRange;
    private final List<Noise> noise;

    ContrastAndNoise(double[] contrastRange, List<Noise> noise) {
        this.contrastRange = contrastRange;
        this.noise = noise;
    }

    boolean active() {
        return contrastRange != null || !noise.isEmpty();
    }

    /** Applies the steps to {@code image} in place. */
    void apply(Tensor image, RandomGenerator rng) {
        float[] x = image.data();
        if (contrastRange != null) {
            double factor = contrastRange[0] + (contrastRange[1] - contrastRange[0]) * rng.nextDouble();
            double sum = 0;
            for (float v : x) {
                sum += v;
            }
            double mean = sum / x.length;
            for (int k = 0; k < x.length; k++) {
                x[k] = (float) (mean + factor * (x[k] - mean));
            }
        }
        if (!noise.isEmpty()) {
            Noise kind = noise.size() == 1 ? noise.get(0) : noise.get(rng.nextInt(noise.size()));
            kind.addTo(x, rng);
        }
    }
}
