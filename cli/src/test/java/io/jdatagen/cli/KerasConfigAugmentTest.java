package io.jdatagen.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdatagen.core.DataFormat;
import io.jdatagen.core.Tensor;
import io.jdatagen.data.RandomKeys;
import io.jdatagen.flow.Flows;
import io.jdatagen.io.ByteImage;
import io.jdatagen.io.ImageWriter;
import io.jdatagen.io.TestImages;
import io.jdatagen.layers.CenterCrop;
import io.jdatagen.layers.KerasPipeline;
import io.jdatagen.layers.RandomContrast;
import io.jdatagen.layers.RandomFlip;
import io.jdatagen.layers.RandomRotation;
import io.jdatagen.layers.RandomZoom;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jdatagen augment --keras-config}: copies written through Keras 3 layers read from Keras's JSON, each the
 * bytes of {@link KerasPipeline#transformImage} with the copy's stream.
 */
class KerasConfigAugmentTest {
    /** The images of {@link #folder}; copies are numbered by the index of their source in the walk order. */
    private static final List<ByteImage> IMAGES = List.of(TestImages.gradient(12, 14, 3), TestImages.blocks(12, 14),
            TestImages.gradient(16, 10, 3));
    private static final List<String> NAMES = List.of("sub/a", "sub/b", "top");

    /** {@link #IMAGES} as PNGs under {@code dir}. */
    private static Path folder(Path dir) {
        for (int i = 0; i < IMAGES.size(); i++) {
            TestImages.write(dir.resolve(NAMES.get(i) + ".png"), TestImages.encode(TestImages.toBuffered(
                    IMAGES.get(i)), "png"));
        }
        return dir;
    }

    /** A flip, rotation, zoom and contrast stack ending in a crop, as Keras's JSON. */
    private static KerasPipeline stack() {
        return KerasPipeline.of(new RandomFlip(), new RandomRotation(0.1), new RandomZoom(0.2),
                new RandomContrast(new double[] {0.2, 0.2}, new double[] {0, 255}, null), new CenterCrop(8, 9));
    }

    private static List<String> written(Path out) throws IOException {
        try (Stream<Path> files = Files.walk(out)) {
            return files.filter(Files::isRegularFile).map(p -> out.relativize(p).toString()).sorted().toList();
        }
    }

    /**
     * Copy {@code k} of the {@code index}-th image as the pipeline makes it with the copy's stream, written as a
     * PNG file the way the command writes its copies: the file's bytes.
     */
    private static byte[] expected(KerasPipeline layers, ByteImage source, long seed, int k, int index, Path file)
            throws IOException {
        Tensor image = source.toSource().toTensor(DataFormat.CHANNELS_LAST);
        Tensor copy = layers.transformImage(image, RandomKeys.forSample(seed, k, index));
        ImageWriter.write(ImageWriter.toPixels(copy, DataFormat.CHANNELS_LAST), file, "png");
        return Files.readAllBytes(file);
    }

    @Test
    void copiesAreTheLayersOutputForTheirStreamsWhateverTheWorkers(@TempDir Path root) throws IOException {
        Path in = folder(root.resolve("in"));
        Path config = Files.writeString(root.resolve("model.json"), stack().toJson());
        for (String mode : List.of("fused", "keras_reference")) {
            Path out1 = root.resolve(mode + "-1");
            CliRun r = CliRun.of("augment", in.toString(), out1.toString(), "--keras-config", config.toString(),
                    "--keras-mode", mode, "--copies", "2", "--seed", "5", "--workers", "1");
            assertEquals(0, r.status(), r.err());
            assertTrue(r.out().contains("Wrote 6 images (2 per image, 3 images under"), r.out());
            assertEquals(List.of("sub/a_1.png", "sub/a_2.png", "sub/b_1.png", "sub/b_2.png", "top_1.png", "top_2.png"),
                    written(out1));
            KerasPipeline layers = KerasPipeline.builder().json(stack().toJson())
                    .mode(mode.equals("fused") ? KerasPipeline.Mode.FUSED : KerasPipeline.Mode.KERAS_REFERENCE).build();
            List<Path> walk = Flows.imageFiles(in);
            for (int i = 0; i < NAMES.size(); i++) {
                int index = walk.indexOf(in.resolve(NAMES.get(i) + ".png"));
                assertTrue(index >= 0, NAMES.get(i) + " is walked");
                for (int k = 1; k <= 2; k++) {
                    String name = NAMES.get(i) + "_" + k + ".png";
                    assertArrayEquals(expected(layers, IMAGES.get(i), 5, k, index, root.resolve("expected.png")),
                            Files.readAllBytes(out1.resolve(name)),
                            mode + " " + name);
                }
            }
            assertEquals(9, CliRun.read(out1.resolve("top_1.png")).getWidth(), "the CenterCrop's size");
            assertEquals(8, CliRun.read(out1.resolve("top_1.png")).getHeight(), "the CenterCrop's size");
            assertFalse(java.util.Arrays.equals(Files.readAllBytes(out1.resolve("top_1.png")),
                    Files.readAllBytes(out1.resolve("top_2.png"))), "copies differ");

            Path out3 = root.resolve(mode + "-3");
            assertEquals(0, CliRun.of("augment", in.toString(), out3.toString(), "--keras-config", config.toString(),
                    "--keras-mode", mode, "--copies", "2", "--seed", "5", "--workers", "3").status());
            for (String name : written(out1)) {
                assertArrayEquals(Files.readAllBytes(out1.resolve(name)), Files.readAllBytes(out3.resolve(name)),
                        mode + " " + name + " with 3 workers");
            }
        }
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(root.resolve("fused-1/sub/b_1.png")),
                Files.readAllBytes(root.resolve("keras_reference-1/sub/b_1.png"))),
                "one resampling differs from one per geometric layer");
    }

    @Test
    void refusesBothConfigsAndAModeWithoutLayers(@TempDir Path root) throws IOException {
        Path in = folder(root.resolve("in"));
        Path json = Files.writeString(root.resolve("c.json"), "[]");
        CliRun both = CliRun.of("augment", in.toString(), root.resolve("out").toString(), "--keras-config",
                json.toString(), "--config", json.toString());
        assertEquals(2, both.status());
        assertTrue(both.err().contains("--config and --keras-config cannot be used together"), both.err());
        CliRun modeAlone = CliRun.of("augment", in.toString(), root.resolve("out").toString(), "--keras-mode",
                "fused");
        assertEquals(2, modeAlone.status());
        assertTrue(modeAlone.err().contains("--keras-mode needs --keras-config"), modeAlone.err());
        CliRun badMode = CliRun.of("augment", in.toString(), root.resolve("out").toString(), "--keras-config",
                json.toString(), "--keras-mode", "exact");
        assertEquals(2, badMode.status());
        assertTrue(badMode.err().contains("--keras-mode must be fused or keras_reference; got: exact"), badMode.err());
        assertFalse(Files.exists(root.resolve("out")), "nothing written");
    }

    @Test
    void refusesLayersThatDoNotWritePixelsOfOneImage(@TempDir Path root) throws IOException {
        Path in = folder(root.resolve("in"));
        Path mixing = Files.writeString(root.resolve("mix.json"), "[{\"class_name\": \"RandomFlip\", \"config\": {}},"
                + " {\"class_name\": \"MixUp\", \"config\": {}}]");
        CliRun mix = CliRun.of("augment", in.toString(), root.resolve("out").toString(), "--keras-config",
                mixing.toString());
        assertEquals(1, mix.status());
        assertTrue(mix.err().contains("--keras-config " + mixing + ": augment writes every image on its own, but MixUp"
                + " mix the images of a batch"), mix.err());
        Path rescaling = Files.writeString(root.resolve("rescale.json"), "[{\"class_name\": \"Rescaling\","
                + " \"config\": {\"scale\": 0.00392156862745098}}]");
        CliRun fractional = CliRun.of("augment", in.toString(), root.resolve("out").toString(), "--keras-config",
                rescaling.toString());
        assertEquals(1, fractional.status());
        assertTrue(fractional.err().contains("augment writes 0-255 pixels, but Rescaling make values fractional"),
                fractional.err());
    }

    @Test
    void previewTakesTheModeToo(@TempDir Path root) throws IOException {
        Path in = folder(root.resolve("in"));
        Path config = Files.writeString(root.resolve("model.json"), stack().toJson());
        CliRun r = CliRun.of("preview", in.toString(), "--keras-config", config.toString(), "--keras-mode",
                "keras_reference", "--rows", "2", "--copies", "2", "--target-size", "12x14", "--out",
                root.resolve("p").toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(Files.exists(root.resolve("p/preview.png")));
    }

    @Test
    void theHelpNamesTheOptions() {
        CliRun help = CliRun.of("augment", "--help");
        assertEquals(0, help.status());
        assertTrue(help.out().contains("--keras-config=FILE") && help.out().contains("--keras-mode=MODE"), help.out());
        assertTrue(help.out().contains("keras_reference"), help.out());
    }
}
