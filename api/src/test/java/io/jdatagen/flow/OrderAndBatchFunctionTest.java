package io.jdatagen.flow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdatagen.core.Tensor;
import io.jdatagen.data.Batch;
import io.jdatagen.image.ImageDataGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** mltk's saved shuffle order and custom batch function. */
class OrderAndBatchFunctionTest {
    private static final ImageDataGenerator GEN = ImageDataGenerator.builder().rotationRange(15).build();
    private static final Tensor X = ArrayFlowTest.images(10, 4, 4, 1, 6);
    private static final Tensor Y = ArrayFlowTest.arange(10, 0);

    @Test
    void aSavedOrderIsReadBackAndUsedInEveryEpoch(@TempDir Path dir) {
        ArrayFlow first = GEN.flow(X, Y, FlowOptions.arrays().batchSize(4).seed(11));
        Path file = dir.resolve("order.txt");
        first.saveOrder(3, file);
        int[] saved = first.order(3);
        assertEquals(10, Files.exists(file) ? saved.length : -1);
        ArrayFlow resumed = GEN.flow(X, Y, FlowOptions.arrays().batchSize(4).seed(11).order(file));
        assertArrayEquals(saved, resumed.order(0));
        assertArrayEquals(saved, resumed.order(7), "the same order in every epoch");
        int[] batchRows = resumed.get(0).indices();
        assertArrayEquals(java.util.Arrays.copyOf(saved, 4), batchRows);

        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class, () -> GEN.flow(X, Y,
                FlowOptions.arrays().order(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 8})));
        assertEquals("order must hold every sample index 0..9 exactly once; 8 appears twice", twice.getMessage());
        IllegalArgumentException size = assertThrows(IllegalArgumentException.class,
                () -> GEN.flow(X, Y, FlowOptions.arrays().order(new int[] {0, 1})));
        assertEquals("order has 2 indices but the flow has 10 samples", size.getMessage());
    }

    @Test
    void aBadOrderFileNamesItsLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("order.txt");
        Files.write(file, List.of("0", "one"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FlowOptions.arrays().order(file));
        assertTrue(e.getMessage().startsWith("sample order " + file + ", line 2: expected a sample index, got \"one\""),
                e.getMessage());
    }

    @Test
    void theBatchFunctionSeesEveryFinishedBatch() {
        ArrayFlow plain = GEN.flow(X, Y, FlowOptions.arrays().batchSize(4).seed(2));
        ArrayFlow doubled = GEN.flow(X, Y, FlowOptions.arrays().batchSize(4).seed(2).batchFunction(b -> {
            Tensor y = b.y().copy();
            for (int i = 0; i < y.size(); i++) {
                y.data()[i] *= 2;
            }
            return Batch.of(b.xTensor(), y, b.indices());
        }));
        for (int i = 0; i < plain.size(); i++) {
            assertEquals(plain.get(i).x(), doubled.get(i).x());
            for (int k = 0; k < plain.get(i).size(); k++) {
                assertEquals(2 * plain.get(i).y().data()[k], doubled.get(i).y().data()[k]);
            }
        }
        ArrayFlow broken = GEN.flow(X, Y, FlowOptions.arrays().batchFunction(b -> null));
        assertThrows(IllegalStateException.class, () -> broken.get(0));
    }
}
