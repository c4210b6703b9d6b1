package io.jdatagen.flow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jdatagen.core.Tensor;
import io.jdatagen.data.Batch;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link ImageDatasets} against Keras 3.15.1's {@code image_dataset_from_directory} on the committed folder
 * (property-tests/scripts/keras3_golden_dataset.py wrote both): the file order, the seeded shuffle, the
 * validation splits, the label modes and, for every interpolation x image size x crop/pad/neither x color
 * mode, every pixel: exactly, or within {@link #LANCZOS_TOLERANCE} for the Lanczos kernels (see the README
 * next to the golden file).
 */
class ImageDatasetGoldenTest {
    /**
     * Largest allowed difference, in 0-255 units, from TensorFlow's float32 pixels for {@code lanczos3} and
     * {@code lanczos5}: their kernel calls {@code sinf}, whose last bit can differ from {@link Math#sin} rounded
     * to float, and the kernel weights carry that into the sums (6.1e-5, 4 ulps of 255, seen on the golden
     * folder). Every other method is computed in TensorFlow's float32 order and must match bit for bit.
     */
    static final double LANCZOS_TOLERANCE = 2.5e-4;
    private static final String ROOT = "/io/jdatagen/flow/dataset/";
    private static final JsonNode GOLDEN = load();

    private static JsonNode load() {
        try (InputStream in = new GZIPInputStream(ImageDatasetGoldenTest.class.getResourceAsStream(ROOT
                + "keras3_dataset_golden.json.gz"))) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path folder() {
        try {
            return Path.of(ImageDatasetGoldenTest.class.getResource(ROOT + "images").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static float[] floats(JsonNode array) {
        float[] out = new float[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) array.get(i).asDouble();
        }
        return out;
    }

    private static ImageDatasetOptions quiet() {
        return ImageDatasets.options().verbose(false).imageSize(8, 8);
    }

    @Test
    void listsClassesFilesAndLabelsInKerasOrder() {
        JsonNode listing = GOLDEN.get("listing");
        ImageDataset plain = ImageDatasets.fromDirectory(folder(), quiet().shuffle(false));
        assertEquals(strings(listing.get("class_names")), plain.classNames());
        assertEquals(strings(listing.get("files")), plain.filenames());
        assertArrayEquals(floats(listing.get("labels")), plain.get(0).y().data());
        assertEquals("Found 7 files belonging to 3 classes.", plain.summary());
        ImageDataset shuffled = ImageDatasets.fromDirectory(folder(), quiet().seed(listing.get("shuffled_seed")
                .asLong()));
        assertEquals(strings(listing.get("shuffled_files")), shuffled.filenames());
    }

    @Test
    void splitsAsKerasForEachSubset() {
        for (JsonNode split : GOLDEN.get("splits")) {
            ImageDatasetOptions o = quiet().seed(split.get("seed").asLong()).validationSplit(split.get(
                    "validation_split").asDouble());
            ImageDatasets.Split both = ImageDatasets.split(folder(), o);
            assertEquals(strings(split.get("training")), both.training().filenames());
            assertEquals(strings(split.get("validation")), both.validation().filenames());
            assertArrayEquals(floats(split.get("validation_labels")), both.validation().get(0).y().data());
            assertEquals(strings(split.get("training")), ImageDatasets.fromDirectory(folder(), o.subset("training"))
                    .filenames());
            assertEquals(strings(split.get("validation")), ImageDatasets.fromDirectory(folder(),
                    o.subset("validation")).filenames());
        }
    }

    @Test
    void labelModesGiveKerasLabels() {
        JsonNode modes = GOLDEN.get("label_modes");
        Batch ints = ImageDatasets.fromDirectory(folder(), quiet().shuffle(false)).get(0);
        assertArrayEquals(floats(modes.get("int")), ints.y().data());
        assertArrayEquals(new int[] {7}, ints.y().shape());
        Batch categorical = ImageDatasets.fromDirectory(folder(), quiet().shuffle(false).labelMode("categorical"))
                .get(0);
        List<Float> expected = new ArrayList<>();
        modes.get("categorical").forEach(row -> row.forEach(v -> expected.add((float) v.asDouble())));
        assertEquals(expected.size(), categorical.y().size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), categorical.y().data()[i]);
        }
        assertArrayEquals(new int[] {7, 3}, categorical.y().shape());
        JsonNode binary = modes.get("binary");
        ImageDataset two = ImageDatasets.fromDirectory(folder(), quiet().shuffle(false).labelMode("binary")
                .classNames(strings(binary.get("class_names"))));
        assertEquals(strings(binary.get("class_names")), two.classNames());
        assertEquals(strings(binary.get("files")), two.filenames());
        List<Float> column = new ArrayList<>();
        binary.get("labels").forEach(row -> column.add((float) row.get(0).asDouble()));
        Tensor y = two.get(0).y();
        assertArrayEquals(new int[] {column.size(), 1}, y.shape());
        for (int i = 0; i < column.size(); i++) {
            assertEquals(column.get(i), y.data()[i]);
        }
    }

    static Stream<Arguments> imageCases() {
        List<Arguments> cases = new ArrayList<>();
        GOLDEN.get("images").forEach(c -> cases.add(Arguments.of(c.get("interpolation").asText(),
                c.get("image_size").get(0).asInt() + "x" + c.get("image_size").get(1).asInt(), c.get("aspect")
                        .asText(), c.get("color_mode").asText(), c)));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2} {3}")
    @MethodSource("imageCases")
    void resizesAsTensorFlow(String interpolation, String size, String aspect, String colorMode, JsonNode c) {
        ImageDatasetOptions o = ImageDatasets.options().verbose(false).shuffle(false).labelMode(null)
                .batchSize(64).interpolation(interpolation).colorMode(colorMode)
                .imageSize(c.get("image_size").get(0).asInt(), c.get("image_size").get(1).asInt())
                .cropToAspectRatio(aspect.equals("crop")).padToAspectRatio(aspect.equals("pad"));
        if (c.has("error")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> ImageDatasets.fromDirectory(folder(), o));
            assertEquals(c.get("error").asText(), e.getMessage());
            return;
        }
        Batch batch = ImageDatasets.fromDirectory(folder(), o).get(0);
        int[] shape = new int[4];
        for (int i = 0; i < 4; i++) {
            shape[i] = c.get("shape").get(i).asInt();
        }
        assertArrayEquals(shape, batch.x().shape());
        assertTrue(batch.targets().isEmpty());
        float[] expected = floats(c.get("pixels"));
        float[] actual = batch.xTensor().data();
        double worst = 0;
        int at = -1;
        for (int i = 0; i < expected.length; i++) {
            double d = Math.abs(expected[i] - actual[i]);
            if (d > worst) {
                worst = d;
                at = i;
            }
        }
        double tolerance = interpolation.startsWith("lanczos") ? LANCZOS_TOLERANCE : 0;
        double w = worst;
        int where = at;
        assertTrue(w <= tolerance, () -> "difference " + w + " at " + where + ": expected " + expected[where]
                + ", got " + actual[where]);
    }
}
