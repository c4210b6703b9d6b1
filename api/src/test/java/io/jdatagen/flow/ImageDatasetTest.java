package io.jdatagen.flow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdatagen.core.Tensor;
import io.jdatagen.data.Batch;
import io.jdatagen.layers.CenterCrop;
import io.jdatagen.layers.KerasPipeline;
import io.jdatagen.layers.RandomFlip;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ImageDatasets}' arguments, batching, epochs, formats, augmentation and sharding on the golden folder. */
class ImageDatasetTest {
    private static final Path FOLDER = ImageDatasetGoldenTest.folder();

    private static ImageDatasetOptions options() {
        return ImageDatasets.options().verbose(false).imageSize(4, 6);
    }

    private static String error(Supplier<ImageDatasetOptions> options) {
        return assertThrows(IllegalArgumentException.class, () -> ImageDatasets.fromDirectory(FOLDER,
                options.get())).getMessage();
    }

    @Test
    void refusesWhatKerasRefusesWithItsMessages() {
        assertEquals("`label_mode` argument must be one of \"int\", \"categorical\", \"binary\", or None. Received:"
                + " label_mode=sparse", error(() -> options().labelMode("sparse")));
        assertEquals("`color_mode` must be one of {\"rgb\", \"rgba\", \"grayscale\"}. Received: color_mode=hsv",
                error(() -> options().colorMode("hsv")));
        assertEquals("Argument `interpolation` should be one of ('bilinear', 'nearest', 'bicubic', 'area',"
                + " 'lanczos3', 'lanczos5', 'gaussian', 'mitchellcubic'). Received: interpolation=cubic",
                error(() -> options().interpolation("cubic")));
        assertEquals("`validation_split` must be between 0 and 1, received: 1.5",
                error(() -> options().validationSplit(1.5).subset("training").seed(1)));
        assertEquals("If `subset` is set, `validation_split` must be set, and inversely.",
                error(() -> options().subset("training")));
        assertEquals("If `subset` is set, `validation_split` must be set, and inversely.",
                error(() -> options().validationSplit(0.2)));
        assertEquals("`subset` must be either \"training\", \"validation\" or \"both\", received: train",
                error(() -> options().validationSplit(0.2).subset("train").seed(1)));
        assertTrue(error(() -> options().validationSplit(0.2).subset("training")).startsWith(
                "If using `validation_split` and shuffling the data, you must provide a `seed` argument"));
        assertEquals("You can only pass `class_names` if `labels=\"inferred\"`. Received: labels=[0, 1],"
                + " and class_names=['cats']", error(() -> options().labels(0, 1).classNames(List.of("cats"))));
        assertEquals("When `labels=None` (no labels), argument `class_names` cannot be specified.",
                error(() -> options().noLabels().classNames(List.of("cats"))));
        assertEquals("The `class_names` passed did not match the names of the subdirectories of the target"
                + " directory. Expected: ['birds', 'cats', 'dogs'] (or a subset of it), but received:"
                + " class_names=['cows']", error(() -> options().classNames(List.of("cows"))));
        assertEquals("When passing `label_mode=\"binary\"`, there must be exactly 2 class_names. Received:"
                + " class_names=['birds', 'cats', 'dogs']", error(() -> options().labelMode("binary")));
        assertEquals("Expected the lengths of `labels` to match the number of files in the target directory."
                + " len(labels) is 2 while we found 8 files in directory " + FOLDER + ".",
                error(() -> options().labels(0, 1)));
        assertEquals("Only one of `pad_to_aspect_ratio`, `crop_to_aspect_ratio` can be set to `True`.",
                error(() -> options().cropToAspectRatio(true).padToAspectRatio(true)));
        assertThrows(IllegalArgumentException.class, () -> options().imageSize(4, 0));
        assertThrows(IllegalArgumentException.class, () -> options().batchSize(0));
        assertThrows(IllegalArgumentException.class, () -> options().seed(-1));
        assertThrows(IllegalArgumentException.class, () -> ImageDatasets.fromDirectory(FOLDER,
                options().validationSplit(0.2).subset("both").seed(1)));
    }

    @Test
    void withoutInferredLabelsTheFolderIsWalkedAsOne() {
        // Keras walks the whole folder then, hidden folders included.
        ImageDataset all = ImageDatasets.fromDirectory(FOLDER, options().noLabels().shuffle(false));
        assertEquals("Found 8 files.", all.summary());
        assertEquals(List.of(".hidden/h1.png", "birds/b1.png", "birds/b2.png", "cats/c1.PNG", "cats/c2.png",
                "cats/sub/c3.png", "dogs/d1.png", "dogs/d2.png"), all.filenames());
        assertTrue(all.get(0).targets().isEmpty());
        ImageDataset given = ImageDatasets.fromDirectory(FOLDER, options().labels(5, 2, 2, 9, 9, 9, 2, 5)
                .shuffle(false).labelMode("categorical"));
        assertEquals(List.of("2", "5", "9"), given.classNames());
        Tensor y = given.get(0).y();
        assertArrayEquals(new int[] {8, 3}, y.shape());
        // tf.one_hot(label, 3): labels 5 and 9 are outside [0, 3) and give rows of zeros; 2 gives [0, 0, 1].
        assertArrayEquals(new float[] {0, 0, 0}, Arrays.copyOfRange(y.data(), 0, 3));
        assertArrayEquals(new float[] {0, 0, 1}, Arrays.copyOfRange(y.data(), 3, 6));
    }

    @Test
    void aSplitTooSmallForOneFileLeavesTrainingEmptyAsKeras() {
        // int(0.1 * 7) == 0: Keras's [:-0] is empty and its [-0:] is every file.
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ImageDatasets.split(FOLDER,
                options().validationSplit(0.1).seed(3))).getMessage().startsWith("No training images found"));
        assertEquals(7, ImageDatasets.fromDirectory(FOLDER, options().validationSplit(0.1).subset("validation")
                .seed(3)).samples());
    }

    @Test
    void unbatchedYieldsSingleSamples() {
        ImageDataset single = ImageDatasets.fromDirectory(FOLDER, options().batchSize(null).shuffle(false));
        ImageDataset batched = ImageDatasets.fromDirectory(FOLDER, options().shuffle(false));
        assertEquals(7, single.size());
        Batch third = single.get(2);
        assertArrayEquals(new int[] {4, 6, 3}, third.x().shape());
        assertArrayEquals(new int[] {1}, third.y().shape());
        assertArrayEquals(batched.get(0).xTensor().item(2).data(), third.xTensor().data());
        assertEquals(batched.get(0).y().data()[2], third.y().data()[0]);
    }

    @Test
    void channelsFirstHoldsTheSamePixelsTransposed() {
        Tensor last = ImageDatasets.fromDirectory(FOLDER, options().shuffle(false)).get(0).xTensor();
        Tensor first = ImageDatasets.fromDirectory(FOLDER, options().shuffle(false).dataFormat("channels_first"))
                .get(0).xTensor();
        assertArrayEquals(new int[] {7, 3, 4, 6}, first.shape());
        for (int n = 0; n < 7; n++) {
            for (int y = 0; y < 4; y++) {
                for (int x = 0; x < 6; x++) {
                    for (int c = 0; c < 3; c++) {
                        assertEquals(last.get(n, y, x, c), first.get(n, c, y, x));
                    }
                }
            }
        }
    }

    @Test
    void shuffledEpochsPermuteTheKerasListAndReplayBySeed() {
        ImageDataset a = ImageDatasets.fromDirectory(FOLDER, options().seed(11).batchSize(3));
        ImageDataset b = ImageDatasets.fromDirectory(FOLDER, options().seed(11).batchSize(3));
        assertNotEquals(Arrays.toString(a.order(0)), Arrays.toString(a.order(1)));
        assertArrayEquals(a.order(1), b.order(1));
        int[] sorted = a.order(1).clone();
        Arrays.sort(sorted);
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6}, sorted);
        List<String> seen = new ArrayList<>();
        for (int k = 0; k < a.size(); k++) {
            seen.addAll(a.getAt(1, k).filenames());
        }
        List<String> expected = new ArrayList<>();
        for (int i : a.order(1)) {
            expected.add(a.filenames().get(i));
        }
        assertEquals(expected, seen);
        ImageDataset plain = ImageDatasets.fromDirectory(FOLDER, options().shuffle(false));
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6}, plain.order(3));
    }

    @Test
    void anAugmenterOfKerasLayersAugmentsTrainingOnly() {
        KerasPipeline flip = KerasPipeline.of(new RandomFlip("horizontal", null, null));
        ImageDatasetOptions o = options().seed(5).validationSplit(0.5);
        ImageDatasets.Split plain = ImageDatasets.split(FOLDER, o);
        ImageDatasets.Split flipped = ImageDatasets.split(FOLDER, o.augmenter(flip));
        assertEquals(plain.training().filenames(), flipped.training().filenames());
        assertArrayEquals(plain.validation().get(0).xTensor().data(), flipped.validation().get(0).xTensor().data());
        int mirrored = 0;
        for (int k = 0; k < plain.training().size(); k++) {
            Tensor x = plain.training().getAt(0, k).xTensor();
            Tensor f = flipped.training().getAt(0, k).xTensor();
            for (int n = 0; n < x.dim(0); n++) {
                Tensor original = x.item(n);
                Tensor out = f.item(n);
                if (Arrays.equals(original.data(), out.data())) {
                    continue;
                }
                for (int y = 0; y < 4; y++) {
                    for (int c = 0; c < 3; c++) {
                        for (int col = 0; col < 6; col++) {
                            assertEquals(original.get(y, col, c), out.get(y, 5 - col, c));
                        }
                    }
                }
                mirrored++;
            }
        }
        assertTrue(mirrored > 0, "some training image is mirrored");
    }

    @Test
    void aLayerThatChangesTheSizeSizesTheBatches() {
        ImageDataset cropped = ImageDatasets.fromDirectory(FOLDER, options().shuffle(false)
                .augmenter(KerasPipeline.of(new CenterCrop(2, 4))));
        Tensor x = cropped.get(0).xTensor();
        assertArrayEquals(new int[] {7, 2, 4, 3}, x.shape());
        assertArrayEquals(new int[] {2, 4, 3}, cropped.imageShape());
        Tensor whole = ImageDatasets.fromDirectory(FOLDER, options().shuffle(false)).get(0).xTensor();
        // Keras's CenterCrop of 4x6 to 2x4 keeps rows 1-2 and columns 1-4.
        assertEquals(whole.get(3, 1, 1, 2), x.get(3, 0, 0, 2));
        assertEquals(whole.get(3, 2, 4, 0), x.get(3, 1, 3, 0));
    }

    @Test
    void followLinksWalksIntoLinkedFolders(@TempDir Path root) throws IOException {
        Path elsewhere = Files.createDirectories(root.resolve("elsewhere"));
        Files.copy(FOLDER.resolve("birds/b1.png"), elsewhere.resolve("linked.png"));
        Path cats = Files.createDirectories(root.resolve("data/cats"));
        Files.copy(FOLDER.resolve("cats/c2.png"), cats.resolve("own.png"));
        try {
            Files.createSymbolicLink(cats.resolve("more"), elsewhere);
        } catch (UnsupportedOperationException | IOException e) {
            Assumptions.abort("no symbolic links here: " + e);
        }
        Path data = root.resolve("data");
        assertEquals(List.of("cats/own.png"), ImageDatasets.fromDirectory(data, options().shuffle(false))
                .filenames());
        assertEquals(List.of("cats/own.png", "cats/more/linked.png"), ImageDatasets.fromDirectory(data,
                options().shuffle(false).followLinks(true)).filenames());
        // A class folder that is itself a link is read either way, as os.walk reads its top; a link back up
        // is not walked again.
        Files.createSymbolicLink(root.resolve("data/dogs"), elsewhere);
        Files.createSymbolicLink(elsewhere.resolve("loop"), elsewhere);
        assertEquals(List.of("cats/own.png", "dogs/linked.png"), ImageDatasets.fromDirectory(data,
                options().shuffle(false)).filenames());
        assertEquals(List.of("cats/own.png", "cats/more/linked.png", "dogs/linked.png"),
                ImageDatasets.fromDirectory(data, options().shuffle(false).followLinks(true)).filenames());
    }

    @Test
    void shardsCoverTheDataSetOnce() {
        ImageDataset data = ImageDatasets.fromDirectory(FOLDER, options().seed(2).batchSize(2));
        Set<Integer> seen = new HashSet<>();
        for (int rank = 0; rank < 2; rank++) {
            ShardedFlow shard = data.shard(2, rank);
            for (int k = 0; k < shard.size(); k++) {
                for (int i : shard.get(k).indices()) {
                    seen.add(i);
                }
            }
        }
        assertEquals(Set.of(0, 1, 2, 3, 4, 5, 6), seen);
    }
}
