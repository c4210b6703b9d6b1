package io.jdatagen.timeseries;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdatagen.data.Batch;
import io.jdatagen.data.Sequence;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** KERAS-SPEC.md §8.8 (the reference's sequence_test) and the jdatagen-specific behaviour. */
class TimeseriesGeneratorTest {
    private static SeriesData range(int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = i;
        }
        return SeriesData.of(v, 1);
    }

    private static float[] f(double... v) {
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) v[i];
        }
        return out;
    }

    private static TimeseriesGenerator.Builder suite() {
        return TimeseriesGenerator.builder(range(50), range(50)).length(10).samplingRate(2).batchSize(2);
    }

    @Test
    void referenceSuiteNumbers() {
        TimeseriesGenerator g = suite().build();
        assertEquals(20, g.size());
        assertArrayEquals(f(0, 2, 4, 6, 8, 1, 3, 5, 7, 9), g.get(0).xTensor().data());
        assertArrayEquals(new int[] {2, 5, 1}, g.get(0).x().shape());
        assertArrayEquals(f(10, 11), g.get(0).y().data());
        assertArrayEquals(f(2, 4, 6, 8, 10, 3, 5, 7, 9, 11), g.get(1).xTensor().data());
        assertArrayEquals(f(12, 13), g.get(1).y().data());
        assertArrayEquals(f(8, 6, 4, 2, 0, 9, 7, 5, 3, 1), suite().reverse(true).build().get(0).xTensor().data());
        TimeseriesGenerator strided = suite().stride(2).build();
        assertEquals(10, strided.size());
        assertArrayEquals(f(4, 6, 8, 10, 12, 6, 8, 10, 12, 14), strided.get(1).xTensor().data());
        assertArrayEquals(f(14, 16), strided.get(1).y().data());
        TimeseriesGenerator bounded = suite().startIndex(10).endIndex(30).build();
        assertEquals(6, bounded.size());
        assertArrayEquals(f(10, 12, 14, 16, 18, 11, 13, 15, 17, 19), bounded.get(0).xTensor().data());
        assertArrayEquals(f(20, 21), bounded.get(0).y().data());
    }

    @Test
    void shuffledBatchesHoldValidWindows() {
        TimeseriesGenerator g = suite().shuffle(true).batchSize(1).seed(9).build();
        for (Batch b : g) {
            float r = b.y().data()[0];
            assertArrayEquals(f(r - 10, r - 8, r - 6, r - 4, r - 2), b.xTensor().data());
        }
    }

    @Test
    void coverageOfTheReferenceSuite() {
        for (int length = 3; length < 10; length++) {
            TimeseriesGenerator g = TimeseriesGenerator.builder(range(10), range(10)).length(length).batchSize(1)
                    .build();
            assertEquals(10 - length, g.size());
            List<Float> ys = new ArrayList<>();
            g.forEach(b -> ys.add(b.y().data()[0]));
            for (int k = 0; k < ys.size(); k++) {
                assertEquals(length + k, ys.get(k));
            }
        }
        int[][] configs = {{1, 3, 6, 0}, {1, 3, 6, 1}, {5, 4, 6, 1}, {7, 3, 5, 0}, {3, 1, 6, 0}, {5, 3, 6, 0},
            {3, 7, 6, 0}};
        for (int[] c : configs) {
            int stride = c[0];
            int length = c[1];
            int bs = c[2];
            boolean shuffle = c[3] == 1;
            TimeseriesGenerator g = TimeseriesGenerator.builder(range(23), range(23)).stride(stride).length(length)
                    .batchSize(bs).shuffle(shuffle).build();
            int sequences = 0;
            for (Batch b : g) {
                sequences += b.size();
            }
            int expected = shuffle ? ceil(23 - length, bs * stride) * bs : ceil(23 - length, stride);
            assertEquals(expected, sequences, "sequences for " + java.util.Arrays.toString(c));
            assertEquals(ceil(expected, bs), g.size(), "batches for " + java.util.Arrays.toString(c));
        }
    }

    private static int ceil(int a, int b) {
        return (a + b - 1) / b;
    }

    @Test
    void errorsUseKerasMessages() {
        var e = assertThrows(IllegalArgumentException.class, () -> suite().length(50).build());
        assertEquals("`start_index+length=50 > end_index=49` is disallowed, as no part of the sequence would be"
                + " left to be used as current step.", e.getMessage());
        var lengths = assertThrows(IllegalArgumentException.class,
                () -> TimeseriesGenerator.builder(range(50), range(10)).length(3).build());
        assertEquals("Data and targets have to be of same length. Data length is 50 while target length is 10",
                lengths.getMessage());
        var index = assertThrows(IndexOutOfBoundsException.class, () -> suite().build().get(20));
        assertEquals("Asked to retrieve element 20, but the Sequence has length 20", index.getMessage());
        assertThrows(IllegalArgumentException.class, () -> suite().samplingRate(0).build());
        assertThrows(IllegalArgumentException.class, () -> suite().endIndex(50).build());
    }

    @Test
    void configRoundTripsWithoutTheStartShift() {
        TimeseriesGenerator g = suite().startIndex(10).endIndex(30).build();
        TimeseriesGenerator back = TimeseriesGenerator.fromJson(g.toJson());
        assertEquals(10, back.getConfig().get("start_index"));
        assertEquals(g.size(), back.size());
        for (int i = 0; i < g.size(); i++) {
            assertEquals(g.get(i), back.get(i));
        }
    }

    @Test
    void kerasToJsonDocumentsLoad() {
        String keras = "{\"class_name\": \"TimeseriesGenerator\", \"config\": {\"data\": \"[[0], [1], [2], [3], [4],"
                + " [5]]\", \"targets\": \"[0, 10, 20, 30, 40, 50]\", \"length\": 2, \"sampling_rate\": 1,"
                + " \"stride\": 1, \"start_index\": 0, \"end_index\": 5, \"shuffle\": false, \"reverse\": false,"
                + " \"batch_size\": 3}}";
        TimeseriesGenerator g = TimeseriesGenerator.fromJson(keras);
        assertEquals(2, g.size());
        assertArrayEquals(f(0, 1, 1, 2, 2, 3), g.get(0).xTensor().data());
        assertArrayEquals(f(20, 30, 40), g.get(0).y().data());
        var unknown = assertThrows(IllegalArgumentException.class,
                () -> TimeseriesGenerator.fromJson("{\"config\": {\"lenght\": 2}}"));
        assertTrue(unknown.getMessage().startsWith("unknown TimeseriesGenerator option 'lenght'"));
    }

    @Test
    void epochsReshuffleAndViewsArePure() {
        TimeseriesGenerator g = suite().shuffle(true).seed(3).build();
        Sequence<Batch> epoch0 = g.atEpoch(0);
        Batch first = g.get(0);
        g.onEpochEnd();
        assertEquals(1, g.epoch());
        assertEquals(first, epoch0.get(0), "a view stays at its epoch");
        assertTrue(!first.equals(g.get(0)) || !g.get(1).equals(epoch0.get(1)), "a new epoch draws new rows");
        assertEquals(g.get(2), g.atEpoch(1).get(2));
    }

    @Test
    void multivariateDoubleDataWithSequenceTargets() {
        double[] values = new double[12 * 2];
        double[] targets = new double[12 * 3];
        for (int t = 0; t < 12; t++) {
            values[2 * t] = t;
            values[2 * t + 1] = -t;
            for (int k = 0; k < 3; k++) {
                targets[3 * t + k] = t * 10 + k;
            }
        }
        TimeseriesGenerator g = TimeseriesGenerator.builder(SeriesData.of(values, 2), SeriesData.of(targets, 3))
                .length(3).batchSize(4).build();
        Batch b = g.get(0);
        assertArrayEquals(new int[] {4, 3, 2}, b.x().shape());
        assertArrayEquals(new int[] {4, 3}, b.y().shape());
        assertArrayEquals(f(0, 0, 1, -1, 2, -2), java.util.Arrays.copyOf(b.xTensor().data(), 6));
        assertArrayEquals(f(30, 31, 32), java.util.Arrays.copyOf(b.y().data(), 3));
    }

    @Test
    void shuffledBatchesThatCannotExistAreRefusedAtBuildNamingBatchSize() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TimeseriesGenerator
                .builder(range(100), range(100)).length(10).batchSize(Integer.MAX_VALUE).shuffle(true).build());
        assertTrue(e.getMessage().startsWith("`batch_size`=2147483647 makes batches of 2147483647 windows x 10 values"),
                e.getMessage());
        assertTrue(e.getMessage().contains("`batch_size` must be in [1, 214748363]"), e.getMessage());
        TimeseriesGenerator ordered = TimeseriesGenerator.builder(range(100), range(100)).length(10)
                .batchSize(Integer.MAX_VALUE).build();
        assertEquals(90, ordered.get(0).size(), "ordered batches hold the rows there are");
    }
}
