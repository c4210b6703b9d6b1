package io.jdatagen.layers;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

/**
 * The two-sample Kolmogorov-Smirnov test, for comparing a layer's draws with draws sampled from Keras by
 * the golden script: the statistic is the largest distance between the two empirical distribution
 * functions, and two samples of one distribution exceed {@code c(alpha) * sqrt((n + m) / (n * m))}
 * with probability {@code alpha} (asymptotic critical value; {@code c = 1.949} for
 * {@code alpha = 0.001}).
 */
final class TwoSample {
    /** The critical coefficient for a false alarm rate of 0.1% (the suite runs many such tests). */
    static final double C_ALPHA_0_001 = 1.949;

    private TwoSample() {
    }

    /** {@return the Kolmogorov-Smirnov statistic of the two samples (neither is modified)} */
    static double statistic(double[] a, double[] b) {
        double[] x = a.clone();
        double[] y = b.clone();
        Arrays.sort(x);
        Arrays.sort(y);
        int i = 0;
        int j = 0;
        double d = 0;
        while (i < x.length && j < y.length) {
            double v = Math.min(x[i], y[j]);
            while (i < x.length && x[i] <= v) {
                i++;
            }
            while (j < y.length && y[j] <= v) {
                j++;
            }
            d = Math.max(d, Math.abs((double) i / x.length - (double) j / y.length));
        }
        return d;
    }

    /** {@return the statistic above which the two samples differ at the 0.1% level} */
    static double critical(int n, int m) {
        return C_ALPHA_0_001 * Math.sqrt((double) (n + m) / ((double) n * m));
    }

    /**
     * Asserts that {@code ours} and {@code keras} may come from one distribution.
     *
     * @param what the parameter compared, for the message
     */
    static void assertSameDistribution(String what, double[] ours, double[] keras) {
        double d = statistic(ours, keras);
        double limit = critical(ours.length, keras.length);
        assertTrue(d <= limit, what + ": Kolmogorov-Smirnov statistic " + d + " > " + limit + " (n=" + ours.length
                + ", m=" + keras.length + ")");
    }
}
