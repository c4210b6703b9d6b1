package io.jdatagen.augment;

import java.util.random.RandomGenerator;

/**
 * Exact Poisson variates: multiplication of uniforms below a mean of 10, Hörmann's transformed
 * rejection with squeeze (PTRS, 1993) above, as numpy draws them.
 */
final class PoissonSampler {
    private static final double[] LOG_FACTORIAL = new double[256];

    static {
        for (int k = 1; k < LOG_FACTORIAL.length; k++) {
            LOG_FACTORIAL[k] = LOG_FACTORIAL[k - 1] + Math.log(k);
        }
    }

    private PoissonSampler() {
    }

    /** One draw from Poisson({@code mean}); {@code mean} must be finite and >= 0. */
    static long sample(RandomGenerator rng, double mean) {
        if (mean < 10) {
            double limit = Math.exp(-mean);
            long k = 0;
            double product = rng.nextDouble();
            while (product > limit) {
                k++;
                product *= rng.nextDouble();
            }
            return k;
        }
        double slam = Math.sqrt(mean);
        double logMean = Math.log(mean);
        double b = 0.931 + 2.53 * slam;
        double a = -0.059 + 0.02483 * b;
        double logInvAlpha = Math.log(1.1239 + 1.1328 / (b - 3.4));
        double vr = 0.9277 - 3.6224 / (b - 2);
        while (true) {
            double u = rng.nextDouble() - 0.5;
            double v = rng.nextDouble();
            double us = 0.5 - Math.abs(u);
            long k = (long) Math.floor((2 * a / us + b) * u + mean + 0.43);
            if (us >= 0.07 && v <= vr) {
                return k;
            }
            if (k < 0 || (us < 0.013 && v > us)) {
                continue;
            }
            if (Math.log(v) + logInvAlpha - Math.log(a / (us * us) + b) <= -mean + k * logMean - logFactorial(k)) {
                return k;
            }
        }
    }

    /** {@code ln(k!)}: a table below 256, Stirling's series above. */
    static double logFactorial(long k) {
        if (k < LOG_FACTORIAL.length) {
            return LOG_FACTORIAL[(int) k];
        }
        double x = k + 1.0;
        double x2 = x * x;
        return (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI)
                + (1.0 / 12 - (1.0 / 360 - 1.0 / (1260 * x2)) / x2) / x;
    }
}
