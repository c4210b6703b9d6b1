package io.jdatagen.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The two-sample test separates different distributions and accepts equal ones. */
class TwoSampleTest {
    @Test
    void theStatisticIsTheLargestGapBetweenTheEmpiricalFunctions() {
        assertEquals(0.0, TwoSample.statistic(new double[] {1, 2, 3}, new double[] {3, 2, 1}));
        assertEquals(1.0, TwoSample.statistic(new double[] {1, 2}, new double[] {3, 4}));
        assertEquals(0.5, TwoSample.statistic(new double[] {1, 2}, new double[] {2, 3}));
    }

    @Test
    void itAcceptsOneDistributionAndRejectsAShiftedOne() {
        SplittableRandom r = new SplittableRandom(3);
        double[] a = r.doubles(2000).toArray();
        double[] b = r.doubles(2000).toArray();
        double[] shifted = r.doubles(2000).map(v -> v + 0.1).toArray();
        TwoSample.assertSameDistribution("uniform", a, b);
        assertTrue(TwoSample.statistic(a, shifted) > TwoSample.critical(2000, 2000));
    }
}
