package io.jdatagen.flow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdatagen.core.Tensor;
import io.jdatagen.data.Batch;
import io.jdatagen.image.ImageDataGenerator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** mltk's context-aware hooks: what they see, where they run, and that batches stay deterministic. */
class SampleHooksTest {
    @Test
    void hooksSeeEachSamplesClassFileAndBatch(@TempDir Path root) {
        DirectoryFlowTest.kerasTree(root);
        List<SampleContext> seen = Collections.synchronizedList(new ArrayList<>());
        ImageDataGenerator gen = ImageDataGenerator.builder().rotationRange(10).preprocessingFunction(
                (SampleFunction) (image, context) -> {
                    seen.add(context);
                    for (int k = 0; k < image.size(); k++) {
                        image.data()[k] = context.classId();
                    }
                    return image;
                }).build();
        FileFlow flow = gen.flowFromDirectory(root, FlowOptions.directory().targetSize(8, 8).batchSize(5).seed(1));
        Batch b = flow.get(2);
        assertEquals(5, seen.size());
        for (int j = 0; j < 5; j++) {
            SampleContext c = seen.get(j);
            int index = b.indices()[j];
            assertEquals(index, c.index());
            assertEquals(2, c.batchIndex());
            assertEquals(0, c.epoch());
            assertEquals(flow.seed(), c.seed());
            assertEquals(c.random().nextLong(), new SampleContext(index, -1, null, flow.seed(), 0, 7, new int[0],
                    List.of()).random().nextLong(), "keyed by (seed, epoch, sample) only");
            assertEquals(flow.filenames().get(index), c.file());
            assertEquals(flow.classes()[index], c.classId());
            assertEquals(b.filenames(), c.batchFiles());
            float expected = flow.classes()[index];
            for (float v : b.xTensor().item(j).data()) {
                assertEquals(expected, v, "the hook's output is the batch's image " + j);
            }
        }
    }

    @Test
    void thePreAugmentationHookRunsOnTheResizedImageBeforeTheTransform() {
        Tensor x = Tensor.zeros(4, 6, 6, 1);
        List<int[]> shapes = Collections.synchronizedList(new ArrayList<>());
        ImageDataGenerator plain = ImageDataGenerator.builder().resize(4, 4).horizontalFlip(true).build();
        ImageDataGenerator hooked = plain.toBuilder().preAugmentationFunction((image, context) -> {
            shapes.add(image.shape());
            for (int r = 0; r < 4; r++) {
                image.set(context.index() + r, r, 0, 0);
            }
            return image;
        }).build();
        ArrayFlowOptions options = FlowOptions.arrays().batchSize(4).seed(3).shuffle(false);
        Batch hookedBatch = hooked.flow(x, null, options).get(0);
        assertArrayEquals(new int[] {4, 4, 1}, shapes.get(0), "after the resize");
        Tensor marked = Tensor.zeros(4, 6, 6, 1);
        Batch reference = plain.flow(marked, null, options).get(0);
        assertNotEquals(reference.x(), hookedBatch.x());
        Tensor column = hookedBatch.xTensor().item(1);
        float left = column.get(0, 0, 0);
        float right = column.get(0, 3, 0);
        assertTrue(left == 1f || right == 1f, "image 1's marks, flipped or not by the same draw: " + left + " " + right);
        assertEquals(hooked.flow(x, null, options).get(0).x(), hookedBatch.x(), "deterministic");
        ImageDataGenerator bad = plain.toBuilder().preAugmentationFunction((image, context) -> Tensor.zeros(2, 2, 1))
                .build();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> bad.flow(x, null, options).get(0));
        assertTrue(e.getMessage().contains("must return an image of shape [4, 4, 1]"), e.getMessage());
    }
}
