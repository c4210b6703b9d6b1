package io.jdatagen.djl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.Batch;
import io.jdatagen.core.ElementType;
import io.jdatagen.flow.DirectoryFlowOptions;
import io.jdatagen.flow.FileFlow;
import io.jdatagen.flow.FlowOptions;
import io.jdatagen.layers.CenterCrop;
import io.jdatagen.layers.CutMix;
import io.jdatagen.layers.KerasLayer;
import io.jdatagen.layers.KerasPipeline;
import io.jdatagen.layers.MixUp;
import io.jdatagen.layers.RandomFlip;
import io.jdatagen.layers.RandomRotation;
import io.jdatagen.layers.RandomZoom;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@link KerasPipeline} flow as a DJL dataset: a size-changing {@code CenterCrop} and MixUp's or CutMix's mixed
 * labels reach the NDArrays, equal to the flow's own batches (heap and buffer-backed batches).
 */
class KerasLayersDatasetTest {
    private static final int SIZE = 12;

    private static FileFlow flow(Path root, Supplier<KerasLayer> mixing, KerasPipeline.Mode mode, ElementType output) {
        KerasPipeline layers = KerasPipeline.builder().layers(new RandomFlip(), new RandomRotation(0.1),
                new RandomZoom(0.1), new CenterCrop(9, 10), mixing.get()).mode(mode).build();
        DirectoryFlowOptions options = FlowOptions.directory().targetSize(SIZE, SIZE).batchSize(4).seed(6);
        return layers.flowFromDirectory(root, output == null ? options : options.output(output));
    }

    @Test
    void theArraysAreTheFlowsBatchesWithTheirMixedLabels(@TempDir Path root) throws IOException {
        StripesFolder.write(root, 5, SIZE, 3);
        List<Supplier<KerasLayer>> mixings = List.of(MixUp::new, CutMix::new);
        for (Supplier<KerasLayer> mixing : mixings) {
            for (KerasPipeline.Mode mode : KerasPipeline.Mode.values()) {
                for (ElementType output : new ElementType[] {null, ElementType.FLOAT32}) {
                    String what = mixing.get().className() + " " + mode + " into " + output;
                    FileFlow expected = flow(root, mixing, mode, null);
                    JdatagenDataset data = JdatagenDataset.of(flow(root, mixing, mode, output), 2, 1);
                    int batches = 0;
                    int fractional = 0;
                    try (NDManager manager = NDManager.newBaseManager()) {
                        for (Batch b : data.getData(manager)) {
                            try (b) {
                                io.jdatagen.data.Batch want = expected.get(batches);
                                NDArray x = b.getData().singletonOrThrow();
                                assertArrayEquals(new long[] {want.size(), 9, 10, 3}, x.getShape().getShape(), what);
                                assertArrayEquals(want.xTensor().data(), x.toFloatArray(), what + " images");
                                NDArray y = b.getLabels().singletonOrThrow();
                                assertArrayEquals(new long[] {want.size(), 2}, y.getShape().getShape(), what);
                                float[] labels = y.toFloatArray();
                                assertArrayEquals(want.y().data(), labels, what + " labels");
                                for (int i = 0; i < labels.length; i += 2) {
                                    assertEquals(1f, labels[i] + labels[i + 1], 1e-6f, what);
                                    fractional += labels[i] > 0 && labels[i] < 1 ? 1 : 0;
                                }
                                batches++;
                            }
                        }
                    }
                    assertEquals(3, batches, what);
                    assertTrue(fractional > 0, what + ": mixed labels");
                }
            }
        }
    }
}
