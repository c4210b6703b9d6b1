package io.jdatagen.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdatagen.core.Tensor;
import io.jdatagen.data.Batch;
import io.jdatagen.data.Loader;
import io.jdatagen.data.Position;
import io.jdatagen.flow.FileFlow;
import io.jdatagen.flow.FlowOptions;
import io.jdatagen.io.ByteImage;
import io.jdatagen.io.TestImages;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@link KerasPipeline} directory flow through a {@link Loader}: a geometric and color stack, a size-changing
 * {@code CenterCrop} and {@code MixUp} on the assembled batches give the same batches on 1, 2 and 4 workers, in
 * both modes, and a run resumed from {@link Loader#position()} gives the batches the stopped run had left.
 */
class KerasPipelineLoaderTest {
    private static final long SEED = 17;
    private static final int IMAGES = 10;
    private static final int BATCH = 4;
    private static final int EPOCHS = 2;

    /** Ten PNGs of 12×14 in two class folders, each image different. */
    private static Path folder(Path root) {
        for (int i = 0; i < IMAGES; i++) {
            ByteImage image = i % 2 == 0 ? TestImages.gradient(12, 14, 3) : TestImages.blocks(12, 14);
            byte[] d = image.data().clone();
            for (int k = 0; k < d.length; k++) {
                d[k] = (byte) ((d[k] & 0xFF) * (i + 3) / 13 + 7 * i);
            }
            TestImages.write(root.resolve((i % 2 == 0 ? "a" : "b") + "/img" + i + ".png"), TestImages.encode(
                    TestImages.toBuffered(new ByteImage(d, 12, 14, 3)), "png"));
        }
        return root;
    }

    private static Supplier<FileFlow> flows(Path root, KerasPipeline.Mode mode) {
        return () -> KerasPipeline.builder().layers(new RandomFlip(), new RandomRotation(0.1), new RandomZoom(0.1),
                new RandomContrast(new double[] {0.2, 0.2}, new double[] {0, 255}, null), new CenterCrop(10, 11),
                new MixUp()).mode(mode).build()
                .flowFromDirectory(root, FlowOptions.directory().targetSize(12, 14).batchSize(BATCH).seed(SEED));
    }

    private static List<Batch> all(Loader<Batch> loader) {
        List<Batch> out = new ArrayList<>();
        try (loader) {
            loader.forEachRemaining(out::add);
        }
        return out;
    }

    @Test
    void theSameBatchesOnOneTwoAndFourWorkersWithMixedLabels(@TempDir Path root) {
        folder(root);
        for (KerasPipeline.Mode mode : KerasPipeline.Mode.values()) {
            Supplier<FileFlow> flows = flows(root, mode);
            List<Batch> one = all(Loader.of(flows.get(), 1, 0, EPOCHS));
            assertEquals(EPOCHS * 3, one.size(), mode + ": 3 batches per epoch");
            assertEquals(flows.get().get(0), one.get(0), mode + ": the loader's first batch is the flow's");
            for (int workers : new int[] {2, 4}) {
                assertEquals(one, all(Loader.of(flows.get(), workers, 3, EPOCHS)), mode + " on " + workers + " workers");
            }
            assertNotEquals(one.get(0), one.get(3), mode + ": epoch 1 draws again");
            int fractional = 0;
            for (Batch b : one) {
                Tensor x = b.xTensor();
                assertArrayEquals(new int[] {b.size(), 10, 11, 3}, x.shape(), mode + ": the CenterCrop's size");
                Tensor y = b.y();
                for (int i = 0; i < b.size(); i++) {
                    assertEquals(1f, y.get(i, 0) + y.get(i, 1), 1e-6f, mode + ": a mixed label sums to one");
                    fractional += y.get(i, 0) > 0 && y.get(i, 0) < 1 ? 1 : 0;
                }
            }
            assertTrue(fractional > 0, mode + ": MixUp mixed labels of both classes: " + fractional);
        }
    }

    @Test
    void aRunResumedFromItsPositionGivesTheBatchesItHadLeft(@TempDir Path root) {
        folder(root);
        for (KerasPipeline.Mode mode : KerasPipeline.Mode.values()) {
            Supplier<FileFlow> flows = flows(root, mode);
            List<Batch> uninterrupted = all(Loader.of(flows.get(), 2, 2, EPOCHS));
            for (int stop : new int[] {1, 4}) {
                String saved;
                try (Loader<Batch> stopped = Loader.of(flows.get(), 2, 2, EPOCHS)) {
                    for (int i = 0; i < stop; i++) {
                        assertEquals(uninterrupted.get(i), stopped.next(), mode + " batch " + i);
                    }
                    saved = stopped.position().toString();
                }
                Position at = Position.parse(saved);
                List<Batch> rest = all(Loader.resume(flows.get(), at, 4, 1, EPOCHS - at.epoch()));
                assertEquals(uninterrupted.subList(stop, uninterrupted.size()), rest,
                        mode + " resumed after " + stop + " batches, at " + saved);
            }
        }
    }
}
