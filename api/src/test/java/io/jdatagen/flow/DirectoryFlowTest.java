package io.jdatagen.flow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdatagen.core.Tensor;
import io.jdatagen.data.Batch;
import io.jdatagen.image.ImageDataGenerator;
import io.jdatagen.io.ByteImage;
import io.jdatagen.io.ImageReadException;
import io.jdatagen.io.TestImages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code flowFromDirectory}: KERAS-SPEC.md §8.5 and §4.3. */
class DirectoryFlowTest {
    private static final ImageDataGenerator PLAIN = ImageDataGenerator.builder().build();

    /** Keras's test tree: 2 classes × 20 images over sub-folders; returns the relative file names. */
    static List<String> kerasTree(Path root) {
        String[] folders = {"", "subfolder-1", "subfolder-2", "subfolder-1/sub-subfolder"};
        List<String> names = new ArrayList<>();
        for (int c = 0; c < 2; c++) {
            for (int i = 0; i < 20; i++) {
                String rel = "class-" + c + "/" + (folders[i % 4].isEmpty() ? "" : folders[i % 4] + "/") + "image-" + i
                        + (i % 2 == 0 ? ".png" : ".jpg");
                ByteImage img = TestImages.gradient(8 + i % 3, 9, 3);
                TestImages.write(root.resolve(rel), i % 2 == 0 ? TestImages.encode(TestImages.toBuffered(img), "png")
                        : TestImages.jpeg(img, 0.9f));
                names.add(rel);
            }
        }
        return names;
    }

    @Test
    void classesFilenamesAndSummaryComeFromTheTree(@TempDir Path root) {
        List<String> names = kerasTree(root);
        FileFlow flow = PLAIN.flowFromDirectory(root, FlowOptions.directory().targetSize(26, 26));
        assertEquals(Map.of("class-0", 0, "class-1", 1), flow.classIndices());
        assertEquals(40, flow.samples());
        assertEquals(40, flow.classes().length);
        assertEquals(new HashSet<>(names), new HashSet<>(flow.filenames()));
        assertEquals("Found 40 images belonging to 2 classes.", flow.summary());
        int[] classes = flow.classes();
        for (int i = 0; i < 40; i++) {
            assertEquals(flow.filenames().get(i).startsWith("class-1") ? 1 : 0, classes[i]);
        }
    }

    @Test
    void batchesHaveKerasShapesAndThePreprocessingFunctionSeesEachImage(@TempDir Path root) {
        kerasTree(root);
        AtomicReference<int[]> seen = new AtomicReference<>();
        ImageDataGenerator zeros = ImageDataGenerator.builder().preprocessingFunction(t -> {
            seen.set(t.shape());
            return Tensor.zeros(t.shape());
        }).build();
        FileFlow flow = zeros.flowFromDirectory(root, FlowOptions.directory().targetSize(26, 26).batchSize(3));
        assertEquals(14, flow.size());
        Batch b = flow.get(1);
        assertArrayEquals(new int[] {3, 26, 26, 3}, b.x().shape());
        assertArrayEquals(new int[] {3, 2}, b.y().shape());
        assertArrayEquals(new int[] {26, 26, 3}, seen.get());
        for (float v : flow.get(5).xTensor().data()) {
            assertEquals(0, v);
        }
        assertEquals(3, b.filenames().size());
        assertThrows(IndexOutOfBoundsException.class, () -> flow.get(14));
        assertEquals(1, flow.get(13).size(), "40 = 13 * 3 + 1: the last batch is short");
    }

    @Test
    void inputModeTargetsAreACopyOfTheImages(@TempDir Path root) {
        kerasTree(root);
        Batch b = PLAIN.flowFromDirectory(root, FlowOptions.directory().targetSize(12, 12).classMode(ClassMode.INPUT)
                .batchSize(4)).get(0);
        assertArrayEquals(b.xTensor().data(), b.y().data());
        assertNotSame(b.xTensor().data(), b.y().data());
        b.y().data()[0] = -1;
        assertTrue(b.xTensor().data()[0] >= 0);
    }

    @Test
    void validationSplitIsPerClass(@TempDir Path root) {
        kerasTree(root);
        double[] splits = {0.25, 0.5, 0.75};
        int[] training = {30, 20, 10};
        for (int i = 0; i < 3; i++) {
            ImageDataGenerator g = ImageDataGenerator.builder().validationSplit(splits[i]).build();
            assertEquals(training[i], g.flowFromDirectory(root, FlowOptions.directory().subset("training"))
                    .samples());
            assertEquals(40 - training[i], g.flowFromDirectory(root, FlowOptions.directory().subset("validation"))
                    .samples());
        }
        assertEquals(0, PLAIN.flowFromDirectory(root, FlowOptions.directory().subset("validation")).samples());
    }

    @Test
    void aFileListerChoosesEachClassesFilesAndTheirOrder(@TempDir Path root) {
        kerasTree(root);
        List<String> asked = new ArrayList<>();
        FileLister pngsBackwards = (className, folder) -> {
            asked.add(className + " " + root.relativize(folder));
            List<Path> files = new ArrayList<>(Flows.imageFiles(folder).stream()
                    .filter(p -> p.toString().endsWith(".png")).toList());
            java.util.Collections.reverse(files);
            return files;
        };
        FileFlow flow = PLAIN.flowFromDirectory(root, FlowOptions.directory().fileLister(pngsBackwards).shuffle(false));
        assertEquals(List.of("class-0 class-0", "class-1 class-1"), asked);
        assertEquals(20, flow.samples(), "only the listed files");
        List<String> walked = new ArrayList<>(Flows.imageFiles(root.resolve("class-0")).stream()
                .filter(p -> p.toString().endsWith(".png")).map(p -> root.relativize(p).toString()).toList());
        java.util.Collections.reverse(walked);
        assertEquals(walked, flow.filenames().subList(0, 10), "in the lister's order");
        FileFlow split = ImageDataGenerator.builder().validationSplit(0.5).build().flowFromDirectory(root,
                FlowOptions.directory().fileLister(pngsBackwards).subset("validation"));
        assertEquals(10, split.samples(), "the split applies to the listed files");
        IllegalArgumentException nulls = assertThrows(IllegalArgumentException.class, () -> PLAIN.flowFromDirectory(
                root, FlowOptions.directory().fileLister((c, f) -> null)));
        assertEquals("fileLister returned null for class class-0", nulls.getMessage());
        assertFalse(FlowSetters.has(DataFrameFlowOptions.class, "fileLister"), "a directory-only option");
    }

    @Test
    void explicitTargetsReplaceTheFolderLabels(@TempDir Path root) {
        kerasTree(root);
        FileFlow inferred = PLAIN.flowFromDirectory(root, FlowOptions.directory().shuffle(false));
        int[] targets = new int[inferred.samples()];
        for (int i = 0; i < targets.length; i++) {
            targets[i] = i % 3;
        }
        FileFlow explicit = PLAIN.flowFromDirectory(root, FlowOptions.directory().shuffle(false).targets(targets)
                .classMode("sparse").batchSize(40));
        assertEquals(inferred.filenames(), explicit.filenames(), "the same files, in the same order");
        float[] y = explicit.get(0).y().data();
        for (int i = 0; i < targets.length; i++) {
            assertEquals(targets[i], y[i], "file " + i + " has its own label");
        }
        FileFlow oneHot = PLAIN.flowFromDirectory(root, FlowOptions.directory().shuffle(false).targets(targets)
                .batchSize(40));
        assertArrayEquals(new int[] {40, 3}, oneHot.get(0).y().shape(), "max label + 1 columns");
        FileFlow validation = ImageDataGenerator.builder().validationSplit(0.5).build().flowFromDirectory(root,
                FlowOptions.directory().shuffle(false).targets(targets).classMode("sparse").subset("validation"));
        int first = inferred.filenames().indexOf(validation.filenames().get(0));
        assertEquals(targets[first], validation.get(0).y().data()[0], "labels follow their files through the split");
        IllegalArgumentException count = assertThrows(IllegalArgumentException.class, () -> PLAIN.flowFromDirectory(
                root, FlowOptions.directory().targets(1, 2)));
        assertEquals("targets has 2 labels but 40 files were found; give one label per file, in the order the flow"
                + " lists them", count.getMessage());
    }

    @Test
    void aFlowsOwnValidationSplitOverridesTheGenerators(@TempDir Path root) {
        kerasTree(root);
        FileFlow viaGenerator = ImageDataGenerator.builder().validationSplit(0.25).build().flowFromDirectory(root,
                FlowOptions.directory().subset("validation").shuffle(false));
        FileFlow viaFlow = ImageDataGenerator.builder().validationSplit(0.75).build().flowFromDirectory(root,
                FlowOptions.directory().subset("validation").validationSplit(0.25).shuffle(false));
        assertEquals(viaGenerator.filenames(), viaFlow.filenames());
        assertEquals(10, viaFlow.samples());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> FlowOptions.directory().validationSplit(1.0));
        assertEquals("`validation_split` must be strictly between 0 and 1.  Received: 1.0", bad.getMessage());
    }

    @Test
    void badOptionsFailWithKerasMessages(@TempDir Path root) {
        kerasTree(root);
        IllegalArgumentException color = assertThrows(IllegalArgumentException.class,
                () -> PLAIN.flowFromDirectory(root, FlowOptions.directory().colorMode("cmyk")));
        assertEquals("('Invalid color mode:', 'cmyk', '; expected \"rgb\", \"rgba\", or \"grayscale\".')",
                color.getMessage());
        IllegalArgumentException subset = assertThrows(IllegalArgumentException.class,
                () -> PLAIN.flowFromDirectory(root, FlowOptions.directory().subset("foo")));
        assertEquals("Invalid subset name: foo;expected \"training\" or \"validation\"", subset.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ClassMode.fromName("output"));
        assertEquals(ClassMode.RAW, ClassMode.fromName("other"), "Keras's deprecated alias of raw");
        IllegalArgumentException raw = assertThrows(IllegalArgumentException.class,
                () -> PLAIN.flowFromDirectory(root, FlowOptions.directory().classMode(ClassMode.RAW)));
        assertTrue(raw.getMessage().startsWith("Invalid class_mode: raw; expected one of: "), raw.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> PLAIN.flowFromDirectory(root.resolve("nope"), FlowOptions.directory()));
        assertFalse(FlowSetters.has(DirectoryFlowOptions.class, "xCol"),
                "the directory flow's options have no xCol: setting it does not compile");
    }

    @Test
    void walkOrderIsCodePointOrderOfFolderPathsWithFilesBeforeSubfolders(@TempDir Path root) throws IOException {
        byte[] png = TestImages.encode(TestImages.toBuffered(TestImages.gradient(4, 4, 3)), "png");
        for (String rel : List.of("cats/b.png", "cats/A.PNG", "cats/Sub2/x.png", "cats/sub/y.png", "cats/sub-x/z.jpg",
                "cats/sub/deeper/w.png", "cats/zpng", "cats/.hidden.png", "cats/notes.txt", "Ants/a.png",
                "birds/b.png")) {
            TestImages.write(root.resolve(rel), png);
        }
        FileFlow flow = PLAIN.flowFromDirectory(root, FlowOptions.directory().shuffle(false));
        assertEquals(List.of("Ants", "birds", "cats"), List.copyOf(flow.classIndices().keySet()));
        assertEquals(List.of("Ants/a.png", "birds/b.png", "cats/.hidden.png", "cats/A.PNG", "cats/b.png", "cats/zpng",
                "cats/Sub2/x.png", "cats/sub/y.png", "cats/sub-x/z.jpg", "cats/sub/deeper/w.png").toString(),
                flow.filenames().toString().replace("\\", "/"));
        FileFlow explicit = PLAIN.flowFromDirectory(root, FlowOptions.directory().classes(List.of("cats", "dogs",
                "Ants")));
        assertEquals(Map.of("cats", 0, "dogs", 1, "Ants", 2), explicit.classIndices());
        assertEquals(9, explicit.samples(), "a missing class folder has no files");
    }

    @Test
    void symlinkedFoldersAreEnteredOnlyWhenFollowingLinks(@TempDir Path root) throws IOException {
        byte[] png = TestImages.encode(TestImages.toBuffered(TestImages.gradient(4, 4, 3)), "png");
        Path outside = root.resolve("outside");
        TestImages.write(outside.resolve("o1.png"), png);
        TestImages.write(outside.resolve("o2.png"), png);
        Path data = root.resolve("data");
        TestImages.write(data.resolve("a/a1.png"), png);
        Files.createSymbolicLink(data.resolve("a/linked"), outside);
        Files.createSymbolicLink(data.resolve("a/file-link.png"), outside.resolve("o1.png"));
        Files.createSymbolicLink(data.resolve("b"), outside);
        FileFlow plain = PLAIN.flowFromDirectory(data, FlowOptions.directory());
        assertEquals(Map.of("a", 0, "b", 1), plain.classIndices(), "a symlinked folder is a class");
        assertEquals(Set.of("a/a1.png", "a/file-link.png", "b/o1.png", "b/o2.png"), new HashSet<>(plain.filenames()));
        FileFlow following = PLAIN.flowFromDirectory(data, FlowOptions.directory().followLinks(true));
        assertEquals(6, following.samples());
        assertTrue(following.filenames().contains("a/linked/o2.png"));
    }

    @Test
    void unreadableFilesFailTheirBatchOrAreSkippedAndReported(@TempDir Path root) {
        byte[] png = TestImages.encode(TestImages.toBuffered(TestImages.gradient(6, 6, 3)), "png");
        TestImages.write(root.resolve("a/good.png"), png);
        Path bad = TestImages.write(root.resolve("a/bad.png"), new byte[] {1, 2, 3});
        Path empty = TestImages.write(root.resolve("b/empty.jpg"), new byte[0]);
        TestImages.write(root.resolve("b/good.jpg"), TestImages.jpeg(TestImages.gradient(6, 6, 3), 0.9f));
        FileFlow strict = PLAIN.flowFromDirectory(root, FlowOptions.directory().shuffle(false).batchSize(1));
        assertEquals(4, strict.samples());
        ImageReadException e = assertThrows(ImageReadException.class, () -> strict.get(0));
        assertEquals(bad, e.path());
        FileFlow skipping = PLAIN.flowFromDirectory(root, FlowOptions.directory().skipUnreadable(true));
        assertEquals(2, skipping.samples());
        assertEquals(Set.of(bad, empty), new HashSet<>(skipping.skippedFiles()));
        assertEquals(2, skipping.get(0).size());
    }

    @Test
    void targetsFollowTheClassMode(@TempDir Path root) {
        kerasTree(root);
        DirectoryFlowOptions o = FlowOptions.directory().targetSize(8, 8).shuffle(false).batchSize(40);
        Batch sparse = PLAIN.flowFromDirectory(root, o.classMode(ClassMode.SPARSE)).get(0);
        assertArrayEquals(new int[] {40}, sparse.y().shape());
        assertEquals(0, sparse.y().data()[0]);
        assertEquals(1, sparse.y().data()[39]);
        Batch categorical = PLAIN.flowFromDirectory(root, o.classMode(ClassMode.CATEGORICAL)).get(0);
        assertArrayEquals(new float[] {0, 1}, java.util.Arrays.copyOfRange(categorical.y().data(), 78, 80));
        Batch none = PLAIN.flowFromDirectory(root, o.classMode(ClassMode.NONE).colorMode("grayscale")).get(0);
        assertEquals(0, none.targets().size());
        assertArrayEquals(new int[] {40, 8, 8, 1}, none.x().shape());
    }
    @Test
    void maxSamplesPerClassKeepsASeededChoiceInWalkOrder(@TempDir Path root) {
        List<String> names = kerasTree(root);
        DirectoryFlowOptions o = FlowOptions.directory().targetSize(8, 8).maxSamplesPerClass(6).seed(4);
        FileFlow capped = PLAIN.flowFromDirectory(root, o);
        assertEquals("Found 12 images belonging to 2 classes.", capped.summary());
        FileFlow all = PLAIN.flowFromDirectory(root, FlowOptions.directory().targetSize(8, 8));
        List<String> kept = capped.filenames();
        assertEquals(all.filenames().stream().filter(kept::contains).toList(), kept, "walk order kept");
        assertEquals(6, kept.stream().filter(n -> n.startsWith("class-0")).count());
        assertTrue(names.containsAll(kept));
        assertEquals(kept, PLAIN.flowFromDirectory(root, o).filenames(), "same seed, same files");
        assertTrue(!kept.equals(PLAIN.flowFromDirectory(root, o.seed(5)).filenames()), "another seed, others");
        ImageDataGenerator split = ImageDataGenerator.builder().validationSplit(0.5).build();
        assertEquals(6, split.flowFromDirectory(root, o.subset("validation")).samples(), "split after the cap");
        assertThrows(IllegalArgumentException.class, () -> FlowOptions.directory().maxSamplesPerClass(0));
    }

    @Test
    void validationImagesAreOnlyResizedAndStandardizedWhenAugmentationIsOffForThem(@TempDir Path root) {
        kerasTree(root);
        ImageDataGenerator g = ImageDataGenerator.builder().validationSplit(0.25).rotationRange(90)
                .horizontalFlip(true).rescale(0.5).augmentValidation(false).build();
        DirectoryFlowOptions o = FlowOptions.directory().targetSize(8, 9).shuffle(false).batchSize(10).seed(1);
        FileFlow validation = g.flowFromDirectory(root, o.subset("validation"));
        assertTrue(!validation.augments());
        Batch b = validation.get(0);
        for (int j = 0; j < b.size(); j++) {
            ByteImage loaded = validation.image(j);
            for (int k = 0; k < loaded.data().length; k++) {
                assertEquals((loaded.data()[k] & 0xFF) * 0.5f, b.xTensor().data()[j * loaded.data().length + k]);
            }
        }
        FileFlow training = g.flowFromDirectory(root, o.subset("training"));
        assertTrue(training.augments());
        assertTrue(g.flowFromDirectory(root, o.subset("validation").augment(true)).augments(),
                "the flow's option wins");
    }
    @Test
    void previewOfADirectorySourceShowsImagesSpreadOverItAsLoaded(@TempDir Path root, @TempDir Path out)
            throws IOException {
        kerasTree(root);
        ImageDataGenerator g = ImageDataGenerator.builder().rotationRange(20).build();
        FileFlow flow = g.flowFromDirectory(root, FlowOptions.directory().targetSize(10, 12));
        java.awt.image.BufferedImage grid = javax.imageio.ImageIO.read(g.preview(flow, 3, out, 2, 5).toFile());
        assertEquals(3 * 12, grid.getWidth());
        assertEquals(3 * 10, grid.getHeight());
        for (int i = 0; i < 3; i++) {
            ByteImage loaded = flow.image(i * 40 / 3);
            for (int r = 0; r < 10; r++) {
                for (int c = 0; c < 12; c++) {
                    int rgb = grid.getRGB(c, i * 10 + r);
                    assertEquals(loaded.get(r, c, 0), rgb >> 16 & 0xFF);
                    assertEquals(loaded.get(r, c, 2), rgb & 0xFF);
                }
            }
        }
    }
}
