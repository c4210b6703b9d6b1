package io.jdatagen.timeseries;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdatagen.data.Batch;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** KERAS-SPEC.md §6 and §8.9 (keras's timeseries_dataset_utils_test), plus forecast. */
class TimeseriesDatasetTest {
    private static float[] range(int n, double scale) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (i * scale);
        }
        return v;
    }

    private static TimeseriesDataset.Builder hundred() {
        return TimeseriesDataset.builder(SeriesData.of(range(100, 1))).targets(SeriesData.of(range(100, 2)))
                .sequenceLength(9).batchSize(5);
    }

    private static int windows(TimeseriesDataset ds) {
        int n = 0;
        for (Batch b : ds) {
            n += b.size();
        }
        return n;
    }

    @Test
    void testSuiteNumbers() {
        TimeseriesDataset basic = hundred().build();
        assertEquals(19, basic.size());
        assertEquals(92, windows(basic));
        assertEquals(2, basic.get(18).size());
        for (Batch b : basic) {
            for (int k = 0; k < b.size(); k++) {
                assertEquals(b.xTensor().data()[k * 9] * 2, b.y().data()[k], "inputs[:, 0] * 2 == targets");
            }
        }
        TimeseriesDataset rate2 = hundred().samplingRate(2).build();
        assertEquals(84, windows(rate2));
        assertEquals(4, rate2.get(rate2.size() - 1).size());
        TimeseriesDataset stride3 = hundred().sequenceStride(3).build();
        assertEquals(31, windows(stride3));
        assertEquals(1, stride3.get(stride3.size() - 1).size());
        TimeseriesDataset noTargets = TimeseriesDataset.builder(SeriesData.of(range(50, 1))).sequenceLength(10)
                .batchSize(5).build();
        assertEquals(9, noTargets.size());
        assertEquals(41, windows(noTargets));
        assertTrue(!noTargets.get(0).hasTargets());
        float[] ten = range(10, 1);
        TimeseriesDataset shifted = TimeseriesDataset.builder(SeriesData.of(ten))
                .targets(SeriesData.of(Arrays.copyOfRange(ten, 3, 10))).sequenceLength(3).batchSize(100).build();
        assertEquals(7, windows(shifted));
        Batch b = shifted.get(0);
        for (int i = 0; i < 7; i++) {
            assertArrayEquals(new float[] {i, i + 1, i + 2}, Arrays.copyOfRange(b.xTensor().data(), 3 * i, 3 * i + 3));
            assertEquals(i + 3, b.y().data()[i]);
        }
    }

    @Test
    void startEndStrideAndRateStayInBounds() {
        TimeseriesDataset ds = hundred().startIndex(10).endIndex(90).sequenceStride(3).samplingRate(2).build();
        for (Batch b : ds) {
            for (float v : b.xTensor().data()) {
                assertTrue(v >= 10 && v <= 89, "value " + v);
            }
        }
    }

    @Test
    void shuffleIsSeededAndReshufflesEachEpoch() {
        TimeseriesDataset ds = hundred().shuffle(true).seed(123L).build();
        float[] first = ds.get(0).xTensor().data();
        float[] starts = {first[0], first[9], first[18], first[27], first[36]};
        assertNotEquals(Arrays.toString(new float[] {0, 1, 2, 3, 4}), Arrays.toString(starts), "not [0..4]");
        assertEquals(ds.get(0), hundred().shuffle(true).seed(123L).build().get(0), "deterministic");
        assertTrue(!Arrays.equals(ds.startPositions(0), ds.startPositions(1)));
        long[] sorted0 = ds.startPositions(0).clone();
        long[] sorted1 = ds.startPositions(1).clone();
        Arrays.sort(sorted0);
        Arrays.sort(sorted1);
        assertArrayEquals(sorted0, sorted1, "each epoch holds every window once");
    }

    @Test
    void unbatchedYieldsSingleWindows() {
        TimeseriesDataset ds = hundred().batchSize(null).build();
        assertEquals(92, ds.size());
        assertArrayEquals(new int[] {9}, ds.get(5).x().shape());
        assertArrayEquals(new float[] {10}, ds.get(5).y().data());
    }

    @Test
    void emptyResults() {
        assertEquals(0, TimeseriesDataset.builder(SeriesData.of(range(10, 1))).sequenceLength(11).build().size());
        assertEquals(0, TimeseriesDataset.builder(SeriesData.of(range(10, 1))).sequenceLength(2).endIndex(0).build()
                .size());
    }

    @Test
    void errorsUseKerasMessages() {
        var b = TimeseriesDataset.builder(SeriesData.of(range(10, 1))).sequenceLength(3);
        assertEquals("`start_index` must be 0 or greater. Received: start_index=-1",
                assertThrows(IllegalArgumentException.class, () -> b.startIndex(-1).build()).getMessage());
        assertEquals("`end_index` must be higher than `start_index`. Received: start_index=5, and end_index=5 ",
                assertThrows(IllegalArgumentException.class, () -> b.startIndex(5).endIndex(5).build()).getMessage());
        assertEquals("`sequence_stride` must be higher than 0. Received: sequence_stride=0",
                assertThrows(IllegalArgumentException.class,
                        () -> b.startIndex(null).endIndex(null).sequenceStride(0).build()).getMessage());
        assertThrows(IllegalArgumentException.class, () -> b.sequenceStride(1).sequenceLength(0).build());
    }

    @Test
    void forecastTargetsLieHorizonStepsAfterTheWindowEnd() {
        float[] series = range(30, 1);
        TimeseriesDataset ds = Timeseries.forecast(SeriesData.of(series), SeriesData.of(series), 4, 2, 3)
                .batchSize(8).build();
        int count = 0;
        for (Batch b : ds) {
            for (int k = 0; k < b.size(); k++) {
                float last = b.xTensor().data()[k * 4 + 3];
                assertEquals(last + 3, b.y().data()[k], "target = window end + horizon");
                count++;
            }
        }
        assertEquals(30 - (3 * 2 + 3), count, "every window whose target exists");
        assertThrows(IllegalArgumentException.class,
                () -> Timeseries.forecast(SeriesData.of(series), SeriesData.of(series), 4, 2, 0));
    }

    @Test
    void datasetFromArrayTakesKerasArguments() {
        TimeseriesDataset ds = Timeseries.datasetFromArray(SeriesData.of(range(100, 1)), SeriesData.of(range(100, 2)),
                9, 1, 1, 5, false, null, null, null);
        assertEquals(hundred().build().get(3), ds.get(3));
    }

    @Test
    void aBatchOfWindowsLargerThanOneArrayIsRefusedAtBuildNamingBatchSize() {
        SeriesData data = SeriesData.of(new float[3_000_000]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TimeseriesDataset
                .builder(data).sequenceLength(1_000_000).batchSize(3000).build());
        assertTrue(e.getMessage().startsWith("`batch_size`=3000 makes batches of 3000 windows x 1000000 values ="
                + " 3000000000 values, more than one Java array holds (2147483639); `batch_size` must be in [1, 2147]"),
                e.getMessage());
        TimeseriesDataset fits = TimeseriesDataset.builder(data).sequenceLength(1_000_000).batchSize(2147).build();
        assertEquals(2_000_001, fits.windowCount());
    }

    @Test
    void aBatchSizeAboveTheWindowCountOnlyCountsTheWindowsThereAre() {
        TimeseriesDataset ds = TimeseriesDataset.builder(SeriesData.of(range(100, 1))).sequenceLength(10)
                .batchSize(Integer.MAX_VALUE).build();
        assertEquals(1, ds.size());
        assertEquals(91, ds.get(0).size(), "one batch of every window");
    }

    @Test
    void aStepShapeOfMoreValuesThanAnIntIsRefusedNamingTheShape() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SeriesData.of(new float[6], 65536, 65536));
        assertTrue(e.getMessage().startsWith("6 values do not divide into steps of shape [65536, 65536]"),
                e.getMessage());
    }

    @Test
    void forecastRefusesASamplingRateBelowOneWithKerasMessage() {
        float[] series = range(30, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Timeseries.forecast(SeriesData.of(series), SeriesData.of(series), 4, -2, 3));
        assertEquals("`sampling_rate` must be higher than 0. Received: sampling_rate=-2", e.getMessage());
    }
}
