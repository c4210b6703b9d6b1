package io.jdatagen.golden;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import io.jdatagen.core.DataFormat;
import io.jdatagen.core.Tensor;
import io.jdatagen.data.Batch;
import io.jdatagen.data.NumpyRandomState;
import io.jdatagen.flow.ArrayFlow;
import io.jdatagen.flow.ArrayFlowOptions;
import io.jdatagen.flow.FlowOptions;
import io.jdatagen.image.ImageDataGenerator;
import io.jdatagen.spi.SourceImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * {@code iterator.json}: index sequences, validation-split rows, output structures and the
 * end-to-end {@code flow()} runs. With {@code keras_reference} compatibility a flow replays
 * Keras's {@code next()} streams, so the shuffled sequences and the augmented batches match too.
 */
class IteratorGoldenTest {
    private static int[] ints(JsonNode node) {
        int[] out = new int[node.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = node.get(i).asInt();
        }
        return out;
    }

    private static Tensor vector(JsonNode list) {
        double[] d = Golden.doubles(list);
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return Tensor.of(f, f.length);
    }

    private static ImageDataGenerator keras() {
        return ImageDataGenerator.fromConfig(Map.of("compatibility", "keras_reference"));
    }

    @TestFactory
    Stream<DynamicNode> indexSequences() {
        return Golden.cases("iterator.json", golden -> {
            List<DynamicNode> tests = new ArrayList<>();
            for (JsonNode c : golden.get("index_sequences")) {
                int n = c.get("n").asInt();
                int bs = c.get("batch_size").asInt();
                boolean shuffle = c.get("shuffle").asBoolean();
                String name = "n=" + n + " bs=" + bs + " shuffle=" + shuffle + " seed=" + c.get("seed");
                tests.add(DynamicTest.dynamicTest(name, () -> {
                    ArrayFlowOptions o = FlowOptions.arrays().batchSize(bs).shuffle(shuffle);
                    if (!c.get("seed").isNull()) {
                        o.seed(c.get("seed").asLong());
                    }
                    ArrayFlow flow = keras().flow(Tensor.zeros(n, 1, 1, 1), null, o);
                    assertEquals(c.get("len").asInt(), flow.size());
                    int epoch = 0;
                    int nextBatch = 0;
                    for (JsonNode op : c.get("sequence")) {
                        String kind = op.get("op").asText();
                        if (kind.equals("on_epoch_end")) {
                            break; // Keras reshuffles from the RNG's history here; jdatagen keys epochs instead.
                        }
                        int index;
                        if (kind.equals("next")) {
                            index = nextBatch;
                            nextBatch++;
                        } else {
                            index = Integer.parseInt(kind.replaceAll("\\D", ""));
                        }
                        // __getitem__ reads the index array of the epoch the last next() call was in.
                        int batchEpoch = kind.equals("next") ? epoch : Math.max(0, epoch - (nextBatch == 0 ? 1 : 0));
                        assertArrayEquals(ints(op.get("indices")), flow.atEpoch(batchEpoch).get(index).indices(),
                                kind + " in epoch " + batchEpoch);
                        if (kind.equals("next") && nextBatch == flow.size()) {
                            nextBatch = 0;
                            epoch++;
                        }
                    }
                }));
            }
            return tests.stream();
        });
    }

    @TestFactory
    Stream<DynamicNode> validationSplitRows() {
        return Golden.cases("iterator.json", golden -> {
            List<DynamicNode> tests = new ArrayList<>();
            for (JsonNode c : golden.get("validation_split")) {
                int n = c.get("n").asInt();
                double split = c.get("validation_split").asDouble();
                tests.add(DynamicTest.dynamicTest("n=" + n + " split=" + split, () -> {
                    ImageDataGenerator g = ImageDataGenerator.builder().validationSplit(split).build();
                    ArrayFlow flow = g.flow(Tensor.zeros(n, 1, 1, 1), null, FlowOptions.arrays().batchSize(n)
                            .shuffle(false).subset(c.get("subset").asText()));
                    assertArrayEquals(ints(c.get("rows")), flow.get(0).indices());
                }));
            }
            JsonNode error = golden.get("validation_split_errors").get(0);
            tests.add(DynamicTest.dynamicTest("class split error", () -> {
                Tensor y = vector(error.get("labels"));
                ImageDataGenerator g = ImageDataGenerator.builder().validationSplit(0.5).build();
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                        () -> g.flow(Tensor.zeros(8, 1, 1, 1), y, FlowOptions.arrays().subset("training")));
                assertEquals(error.get("message").asText(), e.getMessage().replace(" (the x and y tensors given to"
                        + " flow, in Java)", ""), "Keras's words, with the Java names beside the Python ones");
            }));
            return tests.stream();
        });
    }

    @TestFactory
    Stream<DynamicNode> outputStructures() {
        return Golden.cases("iterator.json", golden -> Stream.of(DynamicTest.dynamicTest("structures", () -> {
            JsonNode withMisc = golden.get("output_structure").get(0).get("structure").get("tuple");
            Batch b = keras().flow(Tensor.zeros(8, 2, 2, 1), List.of(Tensor.zeros(8)), Tensor.zeros(8), null,
                    FlowOptions.arrays().batchSize(4)).get(0);
            JsonNode inputs = withMisc.get(0).get("list");
            assertEquals(inputs.size(), b.inputs().size());
            for (int i = 0; i < inputs.size(); i++) {
                assertArrayEquals(ints(inputs.get(i).get("ndarray")), b.inputs().get(i).shape());
            }
            assertArrayEquals(ints(withMisc.get(1).get("ndarray")), b.y().shape());
            JsonNode xOnly = golden.get("output_structure").get(1).get("structure").get("ndarray");
            Batch only = keras().flow(Tensor.zeros(8, 2, 2, 1), null, FlowOptions.arrays().batchSize(4))
                    .get(0);
            assertEquals(1, only.inputs().size());
            assertEquals(0, only.targets().size());
            assertArrayEquals(ints(xOnly), only.x().shape());
        })));
    }

    /** Run 1 is all {@code next()} calls: the keras_reference flow reproduces every batch. */
    @TestFactory
    Stream<DynamicNode> flowEndToEndThroughTheFlow() {
        return Golden.cases("iterator.json", golden -> {
            JsonNode f = golden.get("flow_end_to_end");
            JsonNode run = f.get("runs").get(0);
            return Stream.of(DynamicTest.dynamicTest("next() run", () -> {
                ArrayFlow flow = flowOf(f, run);
                int perEpoch = flow.size();
                int t = 0;
                for (JsonNode batch : run.get("batches")) {
                    Batch got = flow.atEpoch(t / perEpoch).get(t % perEpoch);
                    compare(batch, got.xTensor(), got.y(), got.sampleWeights().orElseThrow(), "next #" + t);
                    t++;
                }
            }));
        });
    }

    /**
     * Both runs, replaying Keras's reseed before each call ({@code seed + calls so far}) through
     * {@link ImageDataGenerator#augmentInto}: the fused per-sample path equals Keras's batches.
     */
    @TestFactory
    Stream<DynamicNode> flowEndToEndPerSample() {
        return Golden.cases("iterator.json", golden -> {
            JsonNode f = golden.get("flow_end_to_end");
            List<DynamicNode> tests = new ArrayList<>();
            for (JsonNode run : f.get("runs")) {
                tests.add(DynamicTest.dynamicTest(run.get("generator").toString(), () -> {
                    ImageDataGenerator g = generator(run);
                    Tensor images = Golden.tensor(f.get("images"));
                    long seed = run.get("flow").get("seed").asLong();
                    boolean shuffle = run.get("flow").get("shuffle").asBoolean();
                    int t = 0;
                    for (JsonNode batch : run.get("batches")) {
                        NumpyRandomState rng = new NumpyRandomState(seed + t);
                        boolean epochStart = batch.get("op").asText().equals("next") && t % 3 == 0;
                        if (shuffle && epochStart) {
                            rng.permutation(images.dim(0));
                        }
                        int[] rows = ints(batch.get("y"));
                        Tensor x = Tensor.zeros(rows.length, 4, 5, 1);
                        for (int j = 0; j < rows.length; j++) {
                            g.augmentInto(SourceImage.of(images.item(rows[j]), DataFormat.CHANNELS_LAST), rng, x, j);
                        }
                        compareX(batch, x, "call " + t);
                        t++;
                    }
                }));
            }
            return tests.stream();
        });
    }

    private static ImageDataGenerator generator(JsonNode run) {
        Map<String, Object> config = new java.util.HashMap<>(Golden.map(run.get("generator")));
        config.put("compatibility", "keras_reference");
        return ImageDataGenerator.fromConfig(config);
    }

    private static ArrayFlow flowOf(JsonNode f, JsonNode run) {
        JsonNode o = run.get("flow");
        Tensor images = Golden.tensor(f.get("images"));
        Tensor y = vector(f.get("y"));
        Tensor w = vector(f.get("sample_weight"));
        return generator(run).flow(images, List.of(), y, w, FlowOptions.arrays().batchSize(o.get("batch_size").asInt())
                .shuffle(o.get("shuffle").asBoolean()).seed(o.get("seed").asLong()));
    }

    private static void compare(JsonNode batch, Tensor x, Tensor y, Tensor w, String what) {
        assertArrayEquals(Golden.doubles(batch.get("y")), toDoubles(y), 0, what + " y");
        assertArrayEquals(Golden.doubles(batch.get("sample_weight")), toDoubles(w), 0, what + " weights");
        compareX(batch, x, what);
    }

    private static void compareX(JsonNode batch, Tensor x, String what) {
        assertArrayEquals(Golden.doubles(batch.get("x")), toDoubles(x), 1e-5, what + " x");
    }

    private static double[] toDoubles(Tensor t) {
        double[] d = new double[t.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = t.data()[i];
        }
        return d;
    }
}
