package io.jdatagen.flow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdatagen.core.Tensor;
import io.jdatagen.data.Batch;
import io.jdatagen.data.Loader;
import io.jdatagen.data.LoaderException;
import io.jdatagen.image.ImageDataGenerator;
import io.jdatagen.io.HostileFiles;
import io.jdatagen.io.ImageCodecs;
import io.jdatagen.io.ImageReadException;
import io.jdatagen.io.TestImages;
import io.jdatagen.timeseries.SeriesData;
import io.jdatagen.timeseries.TimeseriesDataset;
import io.jdatagen.timeseries.TimeseriesGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Flows on hostile folders, tables and options: every refusal named, skipped files listed, no overflow. */
class HostileFlowTest {
    private static final ImageDataGenerator GEN = ImageDataGenerator.builder().build();

    private static byte[] goodJpeg(int seed) {
        return TestImages.jpeg(TestImages.blocks(30 + seed, 40), 0.9f);
    }

    /** A class folder with two good images and one file of every hostile class; returns the bad ones. */
    private static Set<Path> hostileFolder(Path root) throws Exception {
        Path a = root.resolve("a");
        TestImages.write(a.resolve("good1.jpg"), goodJpeg(1));
        TestImages.write(a.resolve("good2.jpg"), goodJpeg(2));
        byte[] png = TestImages.encode(TestImages.toBuffered(TestImages.gradient(20, 20, 3)), "png");
        Set<Path> bad = new TreeSet<>(List.of(
                TestImages.write(a.resolve("bomb.png"), HostileFiles.pngClaiming(20000, 20000, 3)),
                TestImages.write(a.resolve("gray-bomb.png"), HostileFiles.pngClaiming(27000, 27000, 1)),
                TestImages.write(a.resolve("header-bomb.jpg"), HostileFiles.jpegClaiming(goodJpeg(3), 20000, 20000)),
                TestImages.write(a.resolve("no-iend.png"), HostileFiles.pngWithoutIend(png)),
                TestImages.write(a.resolve("truncated.jpg"), Arrays.copyOf(goodJpeg(4), 300)),
                TestImages.write(a.resolve("empty.png"), new byte[0]),
                TestImages.write(a.resolve("text.jpg"), "not an image".getBytes(StandardCharsets.US_ASCII))));
        Path fifo = a.resolve("fifo.jpg");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        bad.add(fifo);
        return bad;
    }

    @ParameterizedTest
    @ValueSource(strings = {"imageio", "opencv"})
    @Timeout(120)
    void theSkipPolicyListsExactlyTheRefusedFilesWithEitherCodec(String codec, @TempDir Path root) throws Exception {
        Set<Path> bad = hostileFolder(root);
        FileFlow flow = GEN.flowFromDirectory(root, FlowOptions.directory().targetSize(16, 16)
                .codec(ImageCodecs.named(codec)).skipUnreadable(true).batchSize(8).seed(1));
        assertEquals(2, flow.samples());
        assertEquals(bad, new TreeSet<>(flow.skippedFiles()));
        assertEquals(2, flow.get(0).size());
    }

    @Test
    @Timeout(120)
    void withoutTheSkipPolicyTheBatchFailsNamingTheFile(@TempDir Path root) throws Exception {
        hostileFolder(root);
        FileFlow flow = GEN.flowFromDirectory(root, FlowOptions.directory().targetSize(16, 16).batchSize(32)
                .shuffle(false));
        try (Loader<Batch> loader = Loader.of(flow, 2, 1)) {
            LoaderException e = assertThrows(LoaderException.class, loader::next);
            assertTrue(e.getCause() instanceof ImageReadException, e.toString());
            assertTrue(e.getMessage().contains("cannot read image file " + root.resolve("a")), e.getMessage());
        }
    }

    @Test
    void aBatchSizeLargerThanTheDataGivesOneBatch() {
        Tensor x = Tensor.zeros(5, 4, 4, 1);
        ArrayFlow flow = GEN.flow(x, null, FlowOptions.arrays().batchSize(Integer.MAX_VALUE).seed(1));
        assertEquals(1, flow.size());
        assertEquals(5, flow.get(0).size());
        TimeseriesDataset windows = TimeseriesDataset.builder(SeriesData.of(new float[10])).sequenceLength(3)
                .batchSize(Integer.MAX_VALUE).build();
        assertEquals(1, windows.size());
        assertEquals(8, windows.get(0).size());
    }

    @Test
    void theEpochOrderIsACopy() {
        ArrayFlow flow = GEN.flow(Tensor.zeros(6, 2, 2, 1), null, FlowOptions.arrays().seed(3));
        int[] order = flow.order(0);
        assertNotSame(order, flow.order(0));
        Arrays.fill(order, 0);
        assertEquals(15, Arrays.stream(flow.order(0)).sum(), "the flow's own order is untouched");
    }

    @Test
    void nonFiniteNumbersAndOversizedTargetsAreRejectedAtBuildTime() {
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> ImageDataGenerator.builder().cval(bad).build());
            assertTrue(e.getMessage().startsWith("cval (fill_value) must be a finite number"), e.getMessage());
        }
        IllegalArgumentException json = assertThrows(IllegalArgumentException.class,
                () -> ImageDataGenerator.fromJson("{\"cval\": 1e400}"));
        assertTrue(json.getMessage().startsWith("cval"), json.getMessage());
        IllegalArgumentException resize = assertThrows(IllegalArgumentException.class,
                () -> ImageDataGenerator.fromJson("{\"resize\": [1e10, 5]}"));
        assertTrue(resize.getMessage().startsWith("resize must be a list of two integers"), resize.getMessage());
        IllegalArgumentException target = assertThrows(IllegalArgumentException.class,
                () -> FlowOptions.directory().targetSize(100000, 100000).build());
        assertTrue(target.getMessage().startsWith("targetSize 100000 x 100000 is 10000000000 pixels"),
                target.getMessage());
        IllegalArgumentException split = assertThrows(IllegalArgumentException.class,
                () -> ImageDataGenerator.builder().validationSplit(Double.NaN).build());
        assertTrue(split.getMessage().startsWith("`validation_split` must be strictly between 0 and 1"),
                split.getMessage());
        ImageDataGenerator g = ImageDataGenerator.builder().cval(3).rotationRange(5).build();
        assertEquals(g.getConfig(), ImageDataGenerator.fromJson(g.toJson()).getConfig());
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> TimeseriesGenerator.builder(null, SeriesData.of(new float[3])));
        assertTrue(none.getMessage().startsWith("data must be a series"), none.getMessage());
    }

    @Test
    void anImageAndMaskOfDifferentSizesAreRefusedNamingBoth(@TempDir Path root) {
        Path images = root.resolve("images");
        Path masks = root.resolve("masks");
        byte[] photo = TestImages.jpeg(TestImages.blocks(20, 30), 0.9f);
        TestImages.write(images.resolve("rotated.jpg"), TestImages.withOrientation(photo, 6));
        TestImages.write(masks.resolve("rotated.png"),
                TestImages.encode(TestImages.toBuffered(TestImages.gradient(20, 30, 1)), "png"));
        TestImages.write(images.resolve("plain.jpg"), photo);
        TestImages.write(masks.resolve("plain.png"),
                TestImages.encode(TestImages.toBuffered(TestImages.gradient(20, 30, 1)), "png"));
        SegmentationFlow flow = GEN.flowPairsFromDirectories(images, masks,
                FlowOptions.pairDirectories().targetSize(16, 16).shuffle(false).batchSize(1));
        ImageReadException e = assertThrows(ImageReadException.class, () -> flow.get(1));
        assertEquals(List.of(images.resolve("rotated.jpg"), masks.resolve("rotated.png")), e.paths());
        assertTrue(e.getMessage().contains("the image is 20 x 30 but the mask is 30 x 20"), e.getMessage());
        SegmentationFlow skipping = GEN.flowPairsFromDirectories(images, masks,
                FlowOptions.pairDirectories().targetSize(16, 16).skipUnreadable(true));
        assertEquals(1, skipping.samples());
        assertEquals(e.paths(), skipping.skippedFiles());
    }

    @Test
    void csvIsReadAsPandasReadsIt(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("labels.csv");
        Files.write(csv, ("\uFEFFfilename,class,weight,note\r\n"
                + "a.jpg,1d,1.5,\"quoted, with comma\"\r\n"
                + "b.jpg,2,NA,\r\n"
                + "c.jpg,0x1p3, 1e-3 ,null\r\n").getBytes(StandardCharsets.UTF_8));
        DataFrame table = DataFrame.readCsv(csv);
        assertEquals(List.of("filename", "class", "weight", "note"), table.columns(), "the BOM is dropped");
        assertEquals(List.of("1d", "2", "0x1p3"), table.column("class"), "Java's number suffixes stay text");
        assertEquals(Arrays.asList(1.5, null, 0.001), table.column("weight"));
        assertEquals(Arrays.asList("quoted, with comma", null, null), table.column("note"));
        Path latin = dir.resolve("latin.csv");
        Files.write(latin, new byte[] {'f', '\n', 'a', '\n', 'b', (byte) 0xE9, 'c', '\n'});
        RuntimeException e = assertThrows(RuntimeException.class, () -> DataFrame.readCsv(latin));
        assertTrue(e.getMessage().contains(latin.toString()) && e.getMessage().contains("line 3, column 2"),
                e.getMessage());
    }

    @Test
    @Timeout(60)
    void aLoaderDroppedWithoutCloseReleasesItsThreads() throws InterruptedException {
        ArrayFlow flow = GEN.flow(Tensor.zeros(64, 8, 8, 1), null, FlowOptions.arrays().batchSize(2).seed(1));
        String prefix = dropLoader(flow);
        while (threadsNamed(prefix) > 0) {
            System.gc();
            Thread.sleep(50);
        }
        assertEquals(0, threadsNamed(prefix));
    }

    /** Starts a loader, takes one batch and drops it; returns its threads' name prefix. */
    private static String dropLoader(ArrayFlow flow) {
        Loader<Batch> loader = Loader.of(flow, 2, 2);
        loader.next();
        Set<String> names = Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(n -> n.startsWith("jdatagen-loader-")).collect(Collectors.toSet());
        String newest = names.stream().max((x, y) -> Integer.compare(pool(x), pool(y))).orElseThrow();
        return newest.substring(0, newest.lastIndexOf('-') + 1);
    }

    private static int pool(String name) {
        return Integer.parseInt(name.split("-")[2]);
    }

    private static long threadsNamed(String prefix) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.isAlive() && t.getName().startsWith(prefix))
                .count();
    }
}
