package io.jdatagen.golden;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import io.jdatagen.core.Tensor;
import io.jdatagen.data.Batch;
import io.jdatagen.timeseries.SeriesData;
import io.jdatagen.timeseries.TimeseriesDataset;
import io.jdatagen.timeseries.TimeseriesGenerator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** {@code timeseries_generator.json} and {@code timeseries_dataset.json}: every batch, exact. */
class TimeseriesGoldenTest {

    private static SeriesData series(JsonNode datasets, String name) {
        return SeriesData.of(Golden.tensor(datasets.get(name)));
    }

    private static TimeseriesGenerator generator(JsonNode golden, JsonNode c) {
        JsonNode p = c.get("params");
        JsonNode datasets = golden.get("datasets");
        TimeseriesGenerator.Builder b = TimeseriesGenerator.builder(series(datasets, c.get("data").asText()),
                series(datasets, c.get("targets").asText())).length(p.get("length").asInt());
        if (p.has("sampling_rate")) {
            b.samplingRate(p.get("sampling_rate").asInt());
        }
        if (p.has("stride")) {
            b.stride(p.get("stride").asInt());
        }
        if (p.has("start_index")) {
            b.startIndex(p.get("start_index").asInt());
        }
        if (p.has("end_index")) {
            b.endIndex(p.get("end_index").asInt());
        }
        if (p.has("batch_size")) {
            b.batchSize(p.get("batch_size").asInt());
        }
        if (p.path("shuffle").asBoolean()) {
            // The reference reseeds np.random with 100 + index before each batch; jdatagen keys the
            // draws by seed + epoch * size + index, which is that for seed 100 in epoch 0.
            b.shuffle(true).seed(100);
        }
        return b.build();
    }

    private static void assertTensor(JsonNode want, Tensor got, String what) {
        int[] shape = Golden.shape(want);
        // numpy's 1-D targets of a scalar series keep their shape; numbers must match exactly.
        assertArrayEquals(shape, got.shape(), what + " shape");
        double[] values = Golden.doubles(want);
        float[] expected = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            expected[i] = (float) values[i];
        }
        assertArrayEquals(expected, got.data(), what);
    }

    @TestFactory
    Stream<DynamicNode> generatorCases() {
        return Golden.cases("timeseries_generator.json", golden -> {
            List<DynamicNode> tests = new ArrayList<>();
            for (JsonNode c : golden.get("cases")) {
                tests.add(DynamicTest.dynamicTest(c.get("data").asText() + " " + c.get("params"), () -> {
                    TimeseriesGenerator g = generator(golden, c);
                    assertEquals(c.get("len").asInt(), g.size(), "len");
                    for (JsonNode batch : c.get("batches")) {
                        Batch b = g.get(batch.get("index").asInt());
                        assertTensor(batch.get("x"), b.xTensor(), "x of batch " + batch.get("index"));
                        assertTensor(batch.get("y"), b.y(), "y of batch " + batch.get("index"));
                    }
                }));
            }
            for (JsonNode e : golden.get("errors")) {
                tests.add(DynamicTest.dynamicTest("error " + e.get("params"), () -> {
                    var thrown = assertThrows(IllegalArgumentException.class, () -> generator(golden, e));
                    assertEquals(e.get("message").asText(), thrown.getMessage());
                }));
            }
            return tests.stream();
        });
    }

    private static TimeseriesDataset.Builder dataset(JsonNode datasets, JsonNode c) {
        JsonNode p = c.get("params");
        JsonNode targets = c.get("targets");
        boolean none = targets.isNull() || "None".equals(targets.asText());
        TimeseriesDataset.Builder b = TimeseriesDataset.builder(series(datasets, c.get("data").asText()))
                .targets(none ? null : series(datasets, targets.asText()))
                .sequenceLength(p.get("sequence_length").asInt());
        if (p.has("sequence_stride")) {
            b.sequenceStride(p.get("sequence_stride").asInt());
        }
        if (p.has("sampling_rate")) {
            b.samplingRate(p.get("sampling_rate").asInt());
        }
        if (p.has("batch_size")) {
            b.batchSize(p.get("batch_size").isNull() ? null : p.get("batch_size").asInt());
        }
        if (p.has("start_index")) {
            b.startIndex(p.get("start_index").asInt());
        }
        if (p.has("end_index")) {
            b.endIndex(p.get("end_index").asInt());
        }
        if (p.path("shuffle").asBoolean()) {
            b.shuffle(true).seed(p.get("seed").asLong());
        }
        return b;
    }

    @TestFactory
    Stream<DynamicNode> datasetCases() {
        return Golden.cases("timeseries_dataset.json", golden -> {
            List<DynamicNode> tests = new ArrayList<>();
            for (JsonNode c : golden.get("cases")) {
                tests.add(DynamicTest.dynamicTest(c.get("data").asText() + " " + c.get("params"), () -> {
                    TimeseriesDataset ds = dataset(golden.get("datasets"), c).build();
                    assertEquals(c.get("num_batches").asInt(), ds.size(), "number of batches");
                    if (c.get("portable").asBoolean()) {
                        for (int i = 0; i < ds.size(); i++) {
                            JsonNode want = c.get("batches").get(i);
                            Batch b = ds.get(i);
                            assertTensor(want.get("x"), b.xTensor(), "x of batch " + i);
                            if (want.has("y")) {
                                assertTensor(want.get("y"), b.y(), "y of batch " + i);
                            }
                        }
                    } else {
                        long[] starts = ds.startPositions(0);
                        assertArrayEquals(Arrays.stream(Golden.doubles(c.get("start_positions_after_RandomState_shuffle")))
                                .mapToLong(d -> (long) d).toArray(), starts, "RandomState shuffle of the starts");
                        assertEquals(windows(c.get("batches")), windows(ds), "multiset of (window, target)");
                    }
                }));
            }
            for (JsonNode e : golden.get("errors")) {
                tests.add(DynamicTest.dynamicTest("error " + e.get("params"), () -> {
                    Assumptions.assumeFalse(e.get("params").has("format"),
                            "Keras 3's `format` (tf/grain) argument has no counterpart here");
                    float[] values = new float[e.get("data_len").asInt()];
                    TimeseriesDataset.Builder b = TimeseriesDataset.builder(SeriesData.of(values))
                            .sequenceLength(e.get("sequence_length").asInt());
                    JsonNode p = e.get("params");
                    if (p.has("start_index")) {
                        b.startIndex(p.get("start_index").asInt());
                    }
                    if (p.has("end_index")) {
                        b.endIndex(p.get("end_index").asInt());
                    }
                    if (p.has("sampling_rate")) {
                        b.samplingRate(p.get("sampling_rate").asInt());
                    }
                    if (p.has("sequence_stride")) {
                        b.sequenceStride(p.get("sequence_stride").asInt());
                    }
                    var thrown = assertThrows(IllegalArgumentException.class, b::build);
                    assertEquals(e.get("message").asText(), thrown.getMessage());
                }));
            }
            return tests.stream();
        });
    }

    private static List<String> windows(JsonNode batches) {
        List<String> out = new ArrayList<>();
        for (JsonNode b : batches) {
            for (int k = 0; k < b.get("x").get("data").size(); k++) {
                out.add(b.get("x").get("data").get(k) + "->" + b.get("y").get("data").get(k));
            }
        }
        out.sort(null);
        return out;
    }

    private static List<String> windows(TimeseriesDataset ds) {
        List<String> out = new ArrayList<>();
        for (Batch b : ds) {
            int w = b.xTensor().itemSize();
            for (int k = 0; k < b.size(); k++) {
                StringBuilder s = new StringBuilder("[");
                for (int j = 0; j < w; j++) {
                    s.append(j == 0 ? "" : ",").append((long) b.xTensor().data()[k * w + j]);
                }
                out.add(s.append("]->").append((long) b.y().data()[k]).toString());
            }
        }
        out.sort(null);
        return out;
    }
}
