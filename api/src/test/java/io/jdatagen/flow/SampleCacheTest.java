package io.jdatagen.flow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdatagen.core.FillMode;
import io.jdatagen.data.Batch;
import io.jdatagen.data.Loader;
import io.jdatagen.data.Sequence;
import io.jdatagen.image.ImageDataGenerator;
import io.jdatagen.io.ByteImage;
import io.jdatagen.io.TestImages;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The decoded-sample cache: byte-identical batches, one decode per file, hostile cache files. */
class SampleCacheTest {
    private static final int FILES = 12;
    /** Three 24×24 RGB images: the rest of every cache below spills to its file. */
    private static final long SMALL_BUDGET = 3 * 24 * 24 * 3;
    private static final ImageDataGenerator GEN = ImageDataGenerator.builder().rotationRange(30).zoomRange(0.2)
            .horizontalFlip(true).fillMode(FillMode.REFLECT).build();

    /** Two class folders of JPEGs of several sizes (each is resized to 24×24). */
    private static Path classFolders(Path root) {
        for (int i = 0; i < FILES; i++) {
            ByteImage image = i % 2 == 0 ? TestImages.blocks(30 + i, 40) : TestImages.gradient(36, 28 + i, 3);
            TestImages.write(root.resolve((i % 2 == 0 ? "a" : "b") + "/f" + i + ".jpg"), TestImages.jpeg(image, 0.9f));
        }
        return root;
    }

    /** Image and mask folders: JPEG images with PNG masks of the same sizes. */
    private static Path[] pairFolders(Path root) {
        for (int i = 0; i < FILES; i++) {
            TestImages.write(root.resolve("images/p" + i + ".jpg"), TestImages.jpeg(TestImages.blocks(30, 30 + i), 0.9f));
            TestImages.write(root.resolve("masks/p" + i + ".png"), TestImages.encode(TestImages.toBuffered(
                    TestImages.gradient(30, 30 + i, 1)), "png"));
        }
        return new Path[] {root.resolve("images"), root.resolve("masks")};
    }

    private static DirectoryFlowOptions options(CountingCodec codec) {
        return reading(FlowOptions.directory(), codec);
    }

    /** {@code kind} with the reading, batching and seed that every cached flow here shares. */
    private static <B extends FileFlowOptions<B>> B reading(B kind, CountingCodec codec) {
        return kind.targetSize(24, 24).interpolation("bilinear").batchSize(5).seed(11).codec(codec);
    }

    /** Every batch of epochs 0..2 of a fresh uncached flow, as the x and y bytes. */
    private static List<float[]> epochs(java.util.function.Supplier<? extends Sequence<Batch>> flow, int workers) {
        List<float[]> out = new ArrayList<>();
        try (Loader<Batch> loader = Loader.of(flow.get(), workers, 4, 3)) {
            for (Batch b : loader) {
                out.add(b.xTensor().data().clone());
                out.add(b.y().data().clone());
            }
        }
        return out;
    }

    private static void assertSameBatches(List<float[]> expected, List<float[]> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i), actual.get(i), "batch tensor " + i);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4})
    void cachedDirectoryEpochsAreByteEqualToUncachedOnesWithOneDecodePerFile(int workers, @TempDir Path root) {
        classFolders(root);
        List<float[]> plain = epochs(() -> GEN.flowFromDirectory(root, options(new CountingCodec())), workers);
        CountingCodec codec = new CountingCodec();
        FileFlow flow = GEN.flowFromDirectory(root, options(codec).cache(CacheOptions.inMemory(SMALL_BUDGET)));
        try (flow) {
            assertSameBatches(plain, epochs(() -> flow, workers));
            assertEquals(FILES, codec.decodes(), "each file decoded once over 3 epochs");
            assertEquals(FILES, flow.cache().decodes());
            assertTrue(flow.cache().heapBytes() <= SMALL_BUDGET, "heap within the budget");
            assertTrue(flow.cache().spillBytes() > (FILES - 3) * 24 * 24 * 3, "the rest spilled");
            CacheStatistics counts = flow.cacheStatistics().orElseThrow();
            assertEquals(FILES, counts.misses(), counts.toString());
            assertEquals(2 * FILES, counts.hits(), "epochs 1 and 2 read every sample from the cache: " + counts);
            assertEquals(flow.cache().heapBytes(), counts.heapBytes());
            assertEquals(flow.cache().spillBytes(), counts.spilledBytes());
        }
        assertTrue(GEN.flowFromDirectory(root, options(new CountingCodec())).cacheStatistics().isEmpty());
    }

    /**
     * Three ranks, each its own flow and cache as in data-parallel training: a rank decodes only the
     * samples it reads (a fixed part without shuffling; with shuffling its part changes every epoch, as
     * PyTorch's {@code DistributedSampler} picks it, and it decodes each new sample once), and its
     * batches are those of the uncached rank.
     */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void eachRankDecodesOnlyTheSamplesItReads(boolean shuffle, @TempDir Path root) {
        classFolders(root);
        int ranks = 3;
        int epochs = 3;
        java.util.Set<Integer> everyRank = new java.util.HashSet<>();
        for (int r = 0; r < ranks; r++) {
            int rank = r;
            List<float[]> plain = epochs(() -> GEN.flowFromDirectory(root, options(new CountingCodec())
                    .shuffle(shuffle)).shard(ranks, rank), 2);
            CountingCodec codec = new CountingCodec();
            try (FileFlow flow = GEN.flowFromDirectory(root, options(codec).shuffle(shuffle)
                    .cache(CacheOptions.inMemory(SMALL_BUDGET)))) {
                ShardedFlow shard = flow.shard(ranks, rank);
                assertSameBatches(plain, epochs(() -> shard, 2));
                java.util.Set<Integer> read = new java.util.HashSet<>();
                for (int e = 0; e < epochs; e++) {
                    for (int i : shard.order(e)) {
                        read.add(i);
                    }
                }
                everyRank.addAll(read);
                assertEquals(read.size(), codec.decodes(), "rank " + rank + " decodes the samples it read, once");
                CacheStatistics counts = flow.cacheStatistics().orElseThrow();
                assertEquals(read.size(), counts.misses(), counts.toString());
                assertEquals((long) epochs * shard.samples() - read.size(), counts.hits(), counts.toString());
                if (!shuffle) {
                    assertEquals(FILES / ranks, read.size(), "a fixed part: rank " + rank);
                }
            }
        }
        assertEquals(FILES, everyRank.size(), "the ranks together read every sample");
    }

    @Test
    void cachedDataFrameAndResizeInWarpEpochsAreByteEqualToUncachedOnes(@TempDir Path root) {
        classFolders(root);
        DataFrame.Builder rows = DataFrame.builder("filename", "class");
        for (int i = FILES - 1; i >= 0; i--) {
            rows.row((i % 2 == 0 ? "a" : "b") + "/f" + i + ".jpg", i % 3 == 0 ? "x" : "y");
        }
        DataFrame table = rows.build();
        List<float[]> plain = epochs(() -> GEN.flowFromDataframe(table,
                reading(FlowOptions.dataframe(), new CountingCodec()).directory(root)), 2);
        CountingCodec codec = new CountingCodec();
        FileFlow frame = GEN.flowFromDataframe(table, reading(FlowOptions.dataframe(), codec).directory(root)
                .cache(CacheOptions.inMemory(SMALL_BUDGET)));
        try (frame) {
            assertSameBatches(plain, epochs(() -> frame, 2));
            assertEquals(FILES, codec.decodes());
        }
        UnaryOperator<DirectoryFlowOptions> warp = b -> FlowOptions.directory().targetSize(24, 24).resizeInWarp(true)
                .keepAspectRatio(true).batchSize(5).seed(11).codec(b.build().codec);
        List<float[]> plainWarp = epochs(() -> GEN.flowFromDirectory(root, warp.apply(options(new CountingCodec()))
                ), 1);
        CountingCodec warpCodec = new CountingCodec();
        FileFlow warped = GEN.flowFromDirectory(root, warp.apply(options(warpCodec)).cache(CacheOptions.inMemory(0)));
        try (warped) {
            assertSameBatches(plainWarp, epochs(() -> warped, 1));
            assertEquals(FILES, warpCodec.decodes());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void cachedSegmentationEpochsAreByteEqualToUncachedOnes(int workers, @TempDir Path root) {
        Path[] dirs = pairFolders(root);
        List<float[]> plain = epochs(() -> GEN.flowPairsFromDirectories(dirs[0], dirs[1],
                reading(FlowOptions.pairDirectories(), new CountingCodec())), workers);
        CountingCodec codec = new CountingCodec();
        SegmentationFlow flow = GEN.flowPairsFromDirectories(dirs[0], dirs[1],
                reading(FlowOptions.pairDirectories(), codec).cache(CacheOptions.inMemory(SMALL_BUDGET)));
        try (flow) {
            assertSameBatches(plain, epochs(() -> flow, workers));
            assertEquals(2 * FILES, codec.decodes(), "each image and each mask decoded once over 3 epochs");
            assertTrue(flow.cache().heapBytes() <= SMALL_BUDGET);
            CacheStatistics counts = flow.cacheStatistics().orElseThrow();
            assertEquals(FILES, counts.misses(), "one decode per pair: " + counts);
            assertEquals(2 * FILES, counts.hits(), counts.toString());
        }
    }

    @Test
    void threadsAskingForOneSampleShareOneDecode(@TempDir Path root) throws Exception {
        Path file = TestImages.write(root.resolve("x.png"), new byte[] {1});
        int threads = 6;
        CountDownLatch asked = new CountDownLatch(threads);
        AtomicInteger decodes = new AtomicInteger();
        ByteImage image = TestImages.gradient(4, 4, 3);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (SampleCache cache = SampleCache.open(CacheOptions.inMemory(0), "test")) {
            List<Future<List<ByteImage>>> got = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                got.add(pool.submit(() -> {
                    asked.countDown();
                    return cache.get(List.of(file), () -> {
                        decodes.incrementAndGet();
                        try {
                            // Hold the decode until every thread has asked, so that the others wait on it.
                            assertTrue(asked.await(10, TimeUnit.SECONDS));
                            Thread.sleep(50);
                        } catch (InterruptedException e) {
                            throw new IllegalStateException(e);
                        }
                        return List.of(image);
                    });
                }));
            }
            for (Future<List<ByteImage>> f : got) {
                assertArrayEquals(image.data(), f.get().get(0).data());
            }
            assertEquals(1, decodes.get());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFailedDecodeIsNotCached(@TempDir Path root) {
        Path file = TestImages.write(root.resolve("x.png"), new byte[] {1});
        AtomicInteger calls = new AtomicInteger();
        try (SampleCache cache = SampleCache.open(CacheOptions.inMemory(1 << 20), "test")) {
            for (int i = 0; i < 2; i++) {
                assertThrows(IllegalStateException.class, () -> cache.get(List.of(file), () -> {
                    calls.incrementAndGet();
                    throw new IllegalStateException("bad file");
                }));
            }
        }
        assertEquals(2, calls.get());
    }

    @Test
    void aTemporarySpillFileIsDeletedOnClose(@TempDir Path root) {
        classFolders(root);
        FileFlow flow = GEN.flowFromDirectory(root, options(new CountingCodec()).cache(CacheOptions.inMemory(0))
                );
        flow.get(0);
        SampleCache cache = flow.cache();
        Path file = spillPath(cache);
        assertTrue(Files.isRegularFile(file));
        flow.close();
        assertFalse(Files.exists(file));
    }

    private static Path spillPath(SampleCache cache) {
        try {
            java.lang.reflect.Field f = SampleCache.class.getDeclaredField("spill");
            f.setAccessible(true);
            return ((SpillFile) f.get(cache)).path();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /** One shuffled, augmented epoch of a flow over {@code root} spilling everything to {@code file}. */
    private static List<float[]> epochWith(Path root, Path file, CountingCodec codec,
            UnaryOperator<DirectoryFlowOptions> more) {
        DirectoryFlowOptions b = options(codec);
        if (file != null) {
            b.cache(CacheOptions.inMemory(0).spillTo(file));
        }
        try (FileFlow flow = GEN.flowFromDirectory(root, more.apply(b))) {
            List<float[]> out = new ArrayList<>();
            for (Batch batch : flow.atEpoch(1)) {
                out.add(batch.xTensor().data().clone());
            }
            return out;
        }
    }

    @Test
    void aNamedFileIsReusedAndHostileOnesAreDetected(@TempDir Path root, @TempDir Path tmp) throws IOException {
        classFolders(root);
        Path file = tmp.resolve("cache.bin");
        UnaryOperator<DirectoryFlowOptions> same = b -> b;
        List<float[]> plain = epochWith(root, null, new CountingCodec(), same);

        CountingCodec first = new CountingCodec();
        assertSameBatches(plain, epochWith(root, file, first, same));
        assertEquals(FILES, first.decodes());
        long full = Files.size(file);

        CountingCodec reused = new CountingCodec();
        assertSameBatches(plain, epochWith(root, file, reused, same));
        assertEquals(0, reused.decodes(), "a second run reads every image from the file");

        // Truncated: the entries past the cut are decoded again, the others served.
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(full * 2 / 3);
        }
        CountingCodec truncated = new CountingCodec();
        assertSameBatches(plain, epochWith(root, file, truncated, same));
        assertTrue(truncated.decodes() > 0 && truncated.decodes() < FILES, "decoded " + truncated.decodes());

        // A damaged pixel (the file's last byte): that entry fails its checksum and is decoded again.
        flipLastByte(file);
        CountingCodec damaged = new CountingCodec();
        assertSameBatches(plain, epochWith(root, file, damaged, same));
        assertEquals(1, damaged.decodes());

        // Another format version: rebuilt.
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(8);
            raf.writeInt(SpillFile.VERSION + 1);
        }
        CountingCodec otherVersion = new CountingCodec();
        assertSameBatches(plain, epochWith(root, file, otherVersion, same));
        assertEquals(FILES, otherVersion.decodes());

        // Other reading options: rebuilt, and the batches are those of the other options.
        UnaryOperator<DirectoryFlowOptions> gray = b -> b.colorMode("grayscale");
        List<float[]> plainGray = epochWith(root, null, new CountingCodec(), gray);
        CountingCodec otherOptions = new CountingCodec();
        assertSameBatches(plainGray, epochWith(root, file, otherOptions, gray));
        assertEquals(FILES, otherOptions.decodes());
        CountingCodec back = new CountingCodec();
        assertSameBatches(plain, epochWith(root, file, back, same));
        assertEquals(FILES, back.decodes(), "the gray file was rebuilt for rgb in turn");

        // An edited source file: only it is decoded again, and its new pixels are served.
        Path edited = root.resolve("a/f0.jpg");
        FileTime before = Files.getLastModifiedTime(edited);
        TestImages.write(edited, TestImages.jpeg(TestImages.gradient(30, 40, 3), 0.9f));
        Files.setLastModifiedTime(edited, FileTime.fromMillis(before.toMillis() + 5_000));
        List<float[]> plainEdited = epochWith(root, null, new CountingCodec(), same);
        assertFalse(sameFloats(plain, plainEdited), "the edit changes the batches");
        CountingCodec afterEdit = new CountingCodec();
        assertSameBatches(plainEdited, epochWith(root, file, afterEdit, same));
        assertEquals(1, afterEdit.decodes());
    }

    private static boolean sameFloats(List<float[]> a, List<float[]> b) {
        for (int i = 0; i < a.size(); i++) {
            if (!java.util.Arrays.equals(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static void flipLastByte(Path file) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(raf.length() - 1);
            int b = raf.read();
            raf.seek(raf.length() - 1);
            raf.write(b ^ 0xFF);
        }
    }

    @Test
    void aSourceEditedWhileTheFlowRunsIsDecodedAgain(@TempDir Path root) {
        classFolders(root);
        CountingCodec codec = new CountingCodec();
        try (FileFlow flow = GEN.flowFromDirectory(root, options(codec).shuffle(false)
                .cache(CacheOptions.inMemory(SMALL_BUDGET)))) {
            int sample = flow.filenames().indexOf("a/f0.jpg".replace('/', java.io.File.separatorChar));
            ByteImage old = flow.image(sample);
            assertSame(old, flow.image(sample), "served from the cache");
            Path edited = root.resolve("a/f0.jpg");
            TestImages.write(edited, TestImages.jpeg(TestImages.gradient(30, 40, 3), 0.9f));
            ByteImage fresh = GEN.flowFromDirectory(root, options(new CountingCodec()).shuffle(false))
                    .image(sample);
            int before = codec.decodes();
            assertArrayEquals(fresh.data(), flow.image(sample).data());
            assertEquals(before + 1, codec.decodes());
        }
    }

    @Test
    void aFileThatIsNoCacheIsRefusedAndLeftAlone(@TempDir Path root, @TempDir Path tmp) throws IOException {
        classFolders(root);
        Path notes = Files.writeString(tmp.resolve("notes.txt"), "not a cache file");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GEN.flowFromDirectory(root,
                options(new CountingCodec()).cache(CacheOptions.inMemory(0).spillTo(notes))));
        assertTrue(e.getMessage().contains("is not a jdatagen cache file"), e.getMessage());
        assertEquals("not a cache file", Files.readString(notes));
    }

    @Test
    void aNamedFileServesOneFlowAtATime(@TempDir Path root, @TempDir Path tmp) {
        classFolders(root);
        DirectoryFlowOptions o = options(new CountingCodec())
                .cache(CacheOptions.inMemory(0).spillTo(tmp.resolve("c.bin")));
        try (FileFlow flow = GEN.flowFromDirectory(root, o)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> GEN.flowFromDirectory(root, o));
            assertTrue(e.getMessage().contains("is open in another flow"), e.getMessage());
            flow.get(0);
        }
        GEN.flowFromDirectory(root, o).close();
    }

    @Test
    void arrayFlowsRefuseTheCache() {
        assertTrue(FlowSetters.has(DirectoryFlowOptions.class, "cache"));
        assertFalse(FlowSetters.has(ArrayFlowOptions.class, "cache"),
                "the array flow's options have no cache: setting one does not compile");
        assertThrows(IllegalArgumentException.class, () -> CacheOptions.inMemory(-1));
    }
}
