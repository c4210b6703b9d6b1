package io.jdatagen.layers;

import java.util.random.RandomGenerator;

/**
 * The distributions Keras 3's {@code keras.random} offers the layers, drawn from a sample's or batch's
 * keyed stream instead of TensorFlow's generator: uniform (float32, {@code minval + (maxval - minval) * u}),
 * normal, beta (as Keras builds it: {@code X / (X + Y)} with gamma-distributed {@code X} and {@code Y}) and
 * the uniform shuffle of {@code 0..n-1}.
 */
final class KerasDraws {
    private KerasDraws() {
    }

    /** {@return a float32 drawn uniformly from {@code [low, high)}: {@code low + (high - low) * u}, u in [0, 1)} */
    static float uniform(RandomGenerator rng, float low, float high) {
        return low + (high - low) * rng.nextFloat();
    }

    /** {@return a standard normal draw} */
    static double normal(RandomGenerator rng) {
        return rng.nextGaussian();
    }

    /** {@return a uniformly random permutation of {@code 0..n-1} (Fisher-Yates)} */
    static int[] shuffle(RandomGenerator rng, int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /**
     * {@return a Beta(a, b) draw, {@code X / (X + Y)} with {@code X ~ Gamma(a)} and {@code Y ~ Gamma(b)}}
     * The gammas are taken in log space, so that shapes near 0 (CutMix draws its shape from
     * {@code [0, 1] + 1e-6}) give a value in [0, 1] where their float32 values would both underflow to 0.
     *
     * @param a the first shape, positive
     * @param b the second shape, positive
     */
    static double beta(RandomGenerator rng, double a, double b) {
        double logX = logGamma(rng, a);
        double logY = logGamma(rng, b);
        return 1.0 / (1.0 + Math.exp(logY - logX));
    }

    /**
     * The logarithm of a Gamma(shape, 1) draw: Marsaglia and Tsang's method ("A simple method for
     * generating gamma variables", 2000) for shape at least 1, and for a smaller shape
     * {@code Gamma(shape + 1) * U^(1/shape)}.
     */
    private static double logGamma(RandomGenerator rng, double shape) {
        if (shape < 1) {
            double u = 1.0 - rng.nextDouble();
            return logGamma(rng, shape + 1) + Math.log(u) / shape;
        }
        double d = shape - 1.0 / 3.0;
        double c = 1.0 / Math.sqrt(9 * d);
        while (true) {
            double x = rng.nextGaussian();
            double v = 1 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = 1.0 - rng.nextDouble();
            if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
                return Math.log(d * v);
            }
        }
    }
}
