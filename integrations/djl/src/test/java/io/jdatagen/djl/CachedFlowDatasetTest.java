package io.jdatagen.djl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.Batch;
import io.jdatagen.core.ElementType;
import io.jdatagen.flow.CacheOptions;
import io.jdatagen.flow.CacheStatistics;
import io.jdatagen.flow.DirectoryFlowOptions;
import io.jdatagen.flow.FileFlow;
import io.jdatagen.flow.FlowOptions;
import io.jdatagen.image.ImageDataGenerator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A flow with a decoded-sample cache as a DJL dataset: every epoch's NDArrays are those of the same flow
 * without a cache (heap and buffer-backed batches, part of the cache spilled), and each file is decoded once.
 */
class CachedFlowDatasetTest {
    private static final int SIZE = 12;
    private static final int FILES = 10;
    private static final int EPOCHS = 3;

    private static FileFlow flow(Path root, ElementType output, CacheOptions cache) {
        ImageDataGenerator gen = ImageDataGenerator.builder().rotationRange(20).zoomRange(0.1).horizontalFlip(true)
                .rescale(1 / 255.0).build();
        DirectoryFlowOptions options = FlowOptions.directory().targetSize(SIZE, SIZE).batchSize(4).seed(9);
        if (output != null) {
            options.output(output);
        }
        return gen.flowFromDirectory(root, cache == null ? options : options.cache(cache));
    }

    /** Every epoch's images and labels through the dataset, as float arrays in order. */
    private static List<float[]> arrays(JdatagenDataset data) {
        List<float[]> out = new ArrayList<>();
        try (NDManager manager = NDManager.newBaseManager()) {
            for (int e = 0; e < EPOCHS; e++) {
                for (Batch b : data.getData(manager)) {
                    try (b) {
                        out.add(b.getData().singletonOrThrow().toFloatArray());
                        out.add(b.getLabels().singletonOrThrow().toFloatArray());
                    }
                }
            }
        }
        return out;
    }

    @Test
    void cachedEpochsGiveTheUncachedArraysWithOneDecodePerFile(@TempDir Path root) throws IOException {
        StripesFolder.write(root, FILES / 2, SIZE, 8);
        long threeImages = 3L * SIZE * SIZE * 3;
        for (ElementType output : new ElementType[] {null, ElementType.FLOAT32, ElementType.FLOAT16}) {
            List<float[]> expected = arrays(JdatagenDataset.of(flow(root, output, null), 2, 1));
            for (long budget : new long[] {threeImages, 0}) {
                String what = "into " + output + ", " + budget + " bytes on the heap";
                try (FileFlow cached = flow(root, output, CacheOptions.inMemory(budget))) {
                    List<float[]> actual = arrays(JdatagenDataset.of(cached, 2, 1));
                    assertEquals(expected.size(), actual.size(), what);
                    for (int i = 0; i < expected.size(); i++) {
                        assertArrayEquals(expected.get(i), actual.get(i), what + ", array " + i);
                    }
                    CacheStatistics counts = cached.cacheStatistics().orElseThrow();
                    assertEquals(FILES, counts.misses(), what + ": " + counts);
                    assertEquals((EPOCHS - 1) * FILES, counts.hits(), what + ": " + counts);
                }
            }
        }
    }
}
