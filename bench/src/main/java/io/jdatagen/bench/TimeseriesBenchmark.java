package io.jdatagen.bench;

import io.jdatagen.data.Batch;
import io.jdatagen.timeseries.SeriesData;
import io.jdatagen.timeseries.TimeseriesDataset;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Window batching throughput: jdatagen's {@link TimeseriesDataset} (one copy per window straight
 * into the batch) against a naive per-window copy (a {@code float[][]} per window, element by
 * element, then packed into the batch), for batches of 128 windows of 64 steps × 8 features.
 * Scores are batches per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class TimeseriesBenchmark {
    private static final int STEPS = 100_000;
    private static final int FEATURES = 8;
    private static final int LENGTH = 64;
    private static final int BATCH = 128;

    /** Steps between points inside a window. */
    @Param({"1", "2"})
    public int samplingRate;

    private float[] series;
    private TimeseriesDataset dataset;
    private int batches;
    private int next;

    /** Builds the series and the dataset. */
    @Setup
    public void setup() {
        series = new float[STEPS * FEATURES];
        for (int i = 0; i < series.length; i++) {
            series[i] = i * 0.001f;
        }
        dataset = TimeseriesDataset.builder(SeriesData.of(series, FEATURES)).sequenceLength(LENGTH)
                .samplingRate(samplingRate).batchSize(BATCH).build();
        batches = dataset.size() - 1;
    }

    /** jdatagen: one batch of windows. */
    @Benchmark
    public Batch jdatagenWindows() {
        next = next + 1 == batches ? 0 : next + 1;
        return dataset.get(next);
    }

    /** The naive way: copy each window element by element into its own array, then pack. */
    @Benchmark
    public float[] naivePerWindowCopy() {
        next = next + 1 == batches ? 0 : next + 1;
        int first = next * BATCH;
        float[][] windows = new float[BATCH][];
        for (int k = 0; k < BATCH; k++) {
            float[] w = new float[LENGTH * FEATURES];
            int start = first + k;
            for (int j = 0; j < LENGTH; j++) {
                for (int f = 0; f < FEATURES; f++) {
                    w[j * FEATURES + f] = series[(start + j * samplingRate) * FEATURES + f];
                }
            }
            windows[k] = w;
        }
        float[] batch = new float[BATCH * LENGTH * FEATURES];
        for (int k = 0; k < BATCH; k++) {
            System.arraycopy(windows[k], 0, batch, k * LENGTH * FEATURES, LENGTH * FEATURES);
        }
        return batch;
    }
}
