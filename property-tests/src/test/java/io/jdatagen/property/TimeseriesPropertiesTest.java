package io.jdatagen.property;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdatagen.data.Batch;
import io.jdatagen.timeseries.SeriesData;
import io.jdatagen.timeseries.TimeseriesDataset;
import io.jdatagen.timeseries.TimeseriesGenerator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Windowing against a brute-force oracle over random lengths, rates, strides, start/end, batch
 * sizes and shuffle: windows and targets match, each window appears exactly once per epoch, and no
 * window reads outside the allowed range. Values encode their time step ({@code 1000·t + feature}),
 * so every copied value says where it came from.
 */
class TimeseriesPropertiesTest {

    record DatasetCase(int n, int features, int length, int stride, int rate, Integer batch, boolean shuffle,
            long seed, Integer start, Integer end, boolean targets) {
    }

    static float[] series(int n, int features) {
        float[] v = new float[n * features];
        for (int t = 0; t < n; t++) {
            for (int f = 0; f < features; f++) {
                v[t * features + f] = 1000f * t + f;
            }
        }
        return v;
    }

    static DatasetCase datasetCase(java.util.SplittableRandom r, int size) {
        int n = 2 + r.nextInt(5 * size);
        Integer start = r.nextInt(4) == 0 ? null : r.nextInt(n);
        Integer end = r.nextInt(4) == 0 ? null : 1 + r.nextInt(n - 1);
        if (start != null && start != 0 && end != null && end != 0 && end <= start) {
            end = null;
        }
        return new DatasetCase(n, 1 + r.nextInt(3), 1 + r.nextInt(size + 1), 1 + r.nextInt(Math.max(1, n - 1)),
                1 + r.nextInt(Math.max(1, Math.min(n - 1, 4))), r.nextInt(5) == 0 ? null : 1 + r.nextInt(size + 3),
                r.nextBoolean(), r.nextLong(1L << 32), start, end, r.nextBoolean());
    }

    @Test
    void datasetMatchesTheOracle() {
        Property.forAll("timeseries_dataset_from_array oracle", 300, 20, TimeseriesPropertiesTest::datasetCase, c -> {
            float[] data = series(c.n(), c.features());
            float[] targets = series(c.n(), 1);
            TimeseriesDataset ds = TimeseriesDataset.builder(SeriesData.of(data, c.features()))
                    .targets(c.targets() ? SeriesData.of(targets) : null).sequenceLength(c.length())
                    .sequenceStride(c.stride()).samplingRate(c.rate()).batchSize(c.batch()).shuffle(c.shuffle())
                    .seed(c.seed()).startIndex(c.start()).endIndex(c.end()).build();
            // Oracle: the definition, one window at a time.
            int start = c.start() == null ? 0 : c.start();
            int end = c.end() == null ? c.n() : c.end();
            Map<Integer, Integer> expected = new HashMap<>();
            for (int s = 0; start + s + (c.length() - 1) * c.rate() < end && (!c.targets() || start + s < c.n());
                    s += c.stride()) {
                expected.merge(start + s, 1, Integer::sum);
            }
            for (int epoch = 0; epoch < 2; epoch++) {
                Map<Integer, Integer> seen = new HashMap<>();
                for (Batch b : ds.atEpoch(epoch)) {
                    int rows = c.batch() == null ? 1 : b.xTensor().dim(0);
                    int window = c.length() * c.features();
                    for (int k = 0; k < rows; k++) {
                        int first = (int) (b.xTensor().data()[k * window] / 1000);
                        seen.merge(first, 1, Integer::sum);
                        for (int j = 0; j < c.length(); j++) {
                            for (int f = 0; f < c.features(); f++) {
                                float v = b.xTensor().data()[k * window + j * c.features() + f];
                                int t = first + j * c.rate();
                                assertEquals(1000f * t + f, v, "window at " + first + ", step " + j);
                                assertTrue(t >= start && t < end, "read outside [start, end): " + t);
                            }
                        }
                        if (c.targets()) {
                            assertEquals(1000f * first, b.y().data()[k], "target aligned to the window start");
                        }
                    }
                }
                assertEquals(expected, seen, "each window exactly once in epoch " + epoch);
            }
        });
    }

    record GeneratorCase(int n, int length, int rate, int stride, int start, Integer end, int batch, boolean shuffle,
            boolean reverse, long seed) {
    }

    @Test
    void generatorMatchesTheOracle() {
        Property.forAll("TimeseriesGenerator oracle", 300, 20, (r, size) -> {
            int n = 3 + r.nextInt(5 * size);
            int length = 1 + r.nextInt(Math.min(n - 1, size + 2));
            int start = r.nextInt(n - length);
            Integer end = r.nextBoolean() ? null : start + length + r.nextInt(n - start - length);
            return new GeneratorCase(n, length, 1 + r.nextInt(4), 1 + r.nextInt(4), start, end, 1 + r.nextInt(size + 3),
                    r.nextInt(4) == 0, r.nextBoolean(), r.nextLong(1L << 32));
        }, c -> {
            float[] data = series(c.n(), 1);
            TimeseriesGenerator g = TimeseriesGenerator.builder(SeriesData.of(data), SeriesData.of(data))
                    .length(c.length()).samplingRate(c.rate()).stride(c.stride()).startIndex(c.start())
                    .endIndex(c.end()).batchSize(c.batch()).shuffle(c.shuffle()).reverse(c.reverse()).seed(c.seed())
                    .build();
            int first = c.start() + c.length();
            int last = c.end() == null ? c.n() - 1 : c.end();
            List<Integer> expectedRows = new ArrayList<>();
            for (int row = first; row <= last; row += c.stride()) {
                expectedRows.add(row);
            }
            List<Integer> rows = new ArrayList<>();
            int steps = (c.length() + c.rate() - 1) / c.rate();
            for (Batch b : g) {
                for (int k = 0; k < b.size(); k++) {
                    int row = (int) (b.y().data()[k] / 1000);
                    rows.add(row);
                    assertTrue(row >= first && row <= last, "row " + row + " outside [" + first + ", " + last + "]");
                    float[] want = new float[steps];
                    for (int j = 0; j < steps; j++) {
                        int t = row - c.length() + j * c.rate();
                        want[c.reverse() ? steps - 1 - j : j] = 1000f * t;
                    }
                    assertArrayEquals(want, Arrays.copyOfRange(b.xTensor().data(), k * steps, (k + 1) * steps), "row " + row);
                }
            }
            if (!c.shuffle()) {
                assertEquals(expectedRows, rows, "each row exactly once, in order");
            } else {
                assertEquals(g.size() * c.batch(), rows.size(), "shuffled batches are full size");
            }
        });
    }
}
