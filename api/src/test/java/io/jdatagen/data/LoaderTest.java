package io.jdatagen.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdatagen.core.Tensor;
import io.jdatagen.flow.FileFlow;
import io.jdatagen.flow.FlowOptions;
import io.jdatagen.image.ImageDataGenerator;
import io.jdatagen.io.TestImages;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parallel loader: determinism, exactly-once, bounded queue, shutdown and errors. */
class LoaderTest {
    private static final ImageDataGenerator AUGMENT = ImageDataGenerator.builder().rotationRange(20)
            .widthShiftRange(0.1).heightShiftRange(0.1).zoomRange(0.2).horizontalFlip(true).channelShiftRange(10)
            .rescale(1 / 255.0).build();

    private static FileFlow directoryFlow(Path root, long seed) {
        for (int i = 0; i < 22; i++) {
            String rel = (i % 3 == 0 ? "cat" : "dog") + "/img" + i + ".jpg";
            if (!root.resolve(rel).toFile().exists()) {
                TestImages.write(root.resolve(rel), TestImages.jpeg(TestImages.blocks(30 + i, 40), 0.9f));
            }
        }
        return AUGMENT.flowFromDirectory(root, FlowOptions.directory().targetSize(24, 24).batchSize(5).seed(seed));
    }

    private static List<float[]> run(FileFlow flow, int workers, int epochs) {
        List<float[]> out = new ArrayList<>();
        try (Loader<Batch> loader = Loader.of(flow, workers, 2, epochs)) {
            for (Batch b : loader) {
                out.add(b.xTensor().data());
                out.add(b.y().data());
            }
        }
        return out;
    }

    @Test
    void workersComeFromAFractionOfTheProcessorsOrACount() {
        int processors = Runtime.getRuntime().availableProcessors();
        assertEquals(Math.max(1, (int) (0.5 * processors)), Loader.workers(0.5));
        assertEquals(1, Loader.workers(1e-9), "at least one worker");
        assertEquals(3, Loader.workers(3));
        for (double bad : new double[] {0, -1, 2.5, Double.NaN}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Loader.workers(bad));
            assertTrue(e.getMessage().startsWith("cores must be a fraction in (0, 1)"), e.getMessage());
        }
    }

    @Test
    void sameSeedSameBytesForAnyWorkerCountAndAccessOrder(@TempDir Path root) {
        List<float[]> serial = run(directoryFlow(root, 42), 1, 3);
        assertEquals(5 * 3 * 2, serial.size());
        for (int workers : new int[] {2, 8}) {
            List<float[]> parallel = run(directoryFlow(root, 42), workers, 3);
            for (int i = 0; i < serial.size(); i++) {
                assertArrayEquals(serial.get(i), parallel.get(i), workers + " workers, item " + i);
            }
        }
        FileFlow flow = directoryFlow(root, 42);
        List<Integer> order = new ArrayList<>();
        for (int e = 0; e < 3; e++) {
            for (int k = 0; k < flow.size(); k++) {
                order.add(e * flow.size() + k);
            }
        }
        Collections.shuffle(order, new Random(1));
        for (int key : order) {
            Batch b = flow.atEpoch(key / flow.size()).get(key % flow.size());
            assertArrayEquals(serial.get(2 * key), b.xTensor().data(), "random access " + key);
        }
        assertFalse(java.util.Arrays.equals(serial.get(0), run(directoryFlow(root, 43), 2, 1).get(0)),
                "another seed, other batches");
    }

    @Test
    void everySampleOnceEachEpochForAnySizeBatchAndWorkers() {
        ImageDataGenerator plain = ImageDataGenerator.builder().horizontalFlip(true).build();
        for (int n : new int[] {1, 2, 5, 17, 64}) {
            for (int batch : new int[] {1, 3, 8, 32}) {
                for (int workers : new int[] {1, 3}) {
                    Tensor labels = Tensor.zeros(n);
                    for (int i = 0; i < n; i++) {
                        labels.data()[i] = i;
                    }
                    var flow = plain.flow(Tensor.zeros(n, 2, 2, 1), labels,
                            FlowOptions.arrays().batchSize(batch).seed(n * 31L + batch));
                    int[][] seen = new int[2][n];
                    int count = 0;
                    try (Loader<Batch> loader = Loader.of(flow, workers, 1, 2)) {
                        for (Batch b : loader) {
                            int epoch = count++ / flow.size();
                            for (float v : b.y().data()) {
                                seen[epoch][(int) v]++;
                            }
                        }
                    }
                    for (int[] epoch : seen) {
                        for (int i = 0; i < n; i++) {
                            assertEquals(1, epoch[i], "n=" + n + " batch=" + batch + " workers=" + workers);
                        }
                    }
                    assertEquals(2, flow.epoch(), "onEpochEnd after each consumed epoch");
                }
            }
        }
    }

    @Test
    void theQueueIsBoundedAndCloseStopsEveryWorker(@TempDir Path root) throws InterruptedException {
        FileFlow flow = directoryFlow(root, 1);
        Loader<Batch> loader = Loader.of(flow, 2, 1, 50);
        assertTrue(loader.pending() <= 3);
        loader.next();
        assertTrue(loader.pending() <= 3);
        loader.close();
        assertNoLoaderThreadsWithin(1000);
        assertFalse(loader.hasNext());
        try (Loader<Batch> early = Loader.of(flow, 3, 4, 50)) {
            for (Batch b : early) {
                break;
            }
        }
        assertNoLoaderThreadsWithin(1000);
    }

    @Test
    void aWorkerFailureReachesTheConsumerWithBatchAndFile(@TempDir Path root) throws InterruptedException {
        directoryFlow(root, 1);
        Path broken = TestImages.write(root.resolve("dog/zz-broken.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8,
            (byte) 0xFF, 1, 2});
        FileFlow flow = AUGMENT.flowFromDirectory(root, FlowOptions.directory().targetSize(24, 24).batchSize(5)
                .shuffle(false));
        int brokenIndex = flow.filenames().indexOf("dog/zz-broken.jpg");
        Loader<Batch> loader = Loader.of(flow, 2, 2);
        LoaderException e = assertThrows(LoaderException.class, () -> {
            while (loader.hasNext()) {
                loader.next();
            }
        });
        assertEquals(brokenIndex / 5, e.batchIndex());
        assertEquals(0, e.epoch());
        assertTrue(e.getMessage().contains(broken.toString()), e.getMessage());
        assertNoLoaderThreadsWithin(1000);
    }

    /** A sequence of {@code size} batches whose batch is {@code epoch * 1000 + index}. */
    private static EpochSequence<Integer> numbers(int size) {
        return new EpochSequence<>() {
            @Override
            public int size() {
                return size;
            }

            @Override
            protected Integer batch(int epoch, int index) {
                return epoch * 1000 + index;
            }
        };
    }

    @Test
    void aHugeLookAheadIsBoundedByTheBatchesThereAre() throws InterruptedException {
        EpochSequence<Integer> seq = numbers(7);
        List<Integer> seen = new ArrayList<>();
        try (Loader<Integer> loader = Loader.of(seq, 1, Integer.MAX_VALUE)) {
            assertTrue(loader.pending() <= 7, "at most the batches there are: " + loader.pending());
            for (int b : loader) {
                seen.add(b);
            }
        }
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6), seen);
        List<Integer> twoEpochs = new ArrayList<>();
        try (Loader<Integer> loader = Loader.of(seq, Integer.MAX_VALUE, Integer.MAX_VALUE, 2)) {
            loader.forEachRemaining(twoEpochs::add);
        }
        assertEquals(List.of(1000, 1001, 1002, 1003, 1004, 1005, 1006, 2000, 2001, 2002, 2003, 2004, 2005, 2006),
                twoEpochs, "workers and look-ahead of Integer.MAX_VALUE each");
        assertNoLoaderThreadsWithin(1000);
    }

    @Test
    void epochsPastTheLastIntEpochAreRefusedNamingEpochs() {
        EpochSequence<Integer> seq = numbers(2);
        seq.onEpochEnd();
        seq.onEpochEnd();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Loader.of(seq, 1, 0, Integer.MAX_VALUE));
        assertTrue(e.getMessage().startsWith("epochs must be in [1, " + (Integer.MAX_VALUE - 1) + "]"), e.getMessage());
        try (Loader<Integer> last = Loader.of(seq, 1, 0, Integer.MAX_VALUE - 1)) {
            assertEquals(2000, last.next(), "the largest count is accepted");
        }
    }

    private static void assertNoLoaderThreadsWithin(long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < deadline) {
            if (Thread.getAllStackTraces().keySet().stream()
                    .noneMatch(t -> t.isAlive() && t.getName().startsWith("jdatagen-loader-"))) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("loader threads still alive after " + millis + " ms");
    }
}
