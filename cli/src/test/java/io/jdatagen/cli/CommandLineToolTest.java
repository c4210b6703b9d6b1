package io.jdatagen.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdatagen.io.ByteImage;
import io.jdatagen.io.TestImages;
import io.jdatagen.spi.Backends;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** The command-line tool end to end, in process. */
class CommandLineToolTest {
    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private static BufferedImage read(Path png) throws IOException {
        return CliRun.read(png);
    }

    /** Three PNG images of different sizes, two of them in a sub-folder. */
    private static void folder(Path dir) {
        TestImages.write(dir.resolve("top.png"), TestImages.encode(TestImages.toBuffered(
                TestImages.gradient(20, 30, 3)), "png"));
        TestImages.write(dir.resolve("sub/a.png"), TestImages.encode(TestImages.toBuffered(
                TestImages.blocks(16, 24)), "png"));
        TestImages.write(dir.resolve("sub/b.png"), TestImages.encode(TestImages.toBuffered(
                TestImages.gradient(25, 15, 3)), "png"));
    }

    @Test
    void demoStreamsAGeneratedDatasetAndWritesAPreview(@TempDir Path out) throws IOException {
        CliRun r = run("demo", "--classes", "2", "--images-per-class", "5", "--epochs", "2", "--batch-size", "4",
                "--workers", "2", "--target-size", "24x24", "--out", out.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("Generated 10 JPEG images of 2 shape classes"), r.out());
        assertTrue(r.out().contains("2 epochs of 10 images of [24, 24, 3]"), r.out());
        assertTrue(r.out().matches("(?s).*epoch 1 \\(JVM warm-up\\): +[0-9.]+ s = +\\d+ images/s.*"), r.out());
        assertTrue(r.out().matches("(?s).*epoch 2 \\(steady\\): +[0-9.]+ s = +\\d+ images/s.*"), r.out());
        Matcher generated = Pattern.compile("shape classes in (\\S+) \\(deleted at the end").matcher(r.out());
        assertTrue(generated.find(), r.out());
        assertFalse(Files.exists(Path.of(generated.group(1))), "the generated data is deleted: " + r.out());
        assertTrue(r.out().contains("Backend: " + Backends.current().name() + "; codec: "), r.out());
        assertTrue(r.err().contains("6/6 batches"), "the progress display ends at 6 of 6: " + r.err());
        BufferedImage preview = read(out.resolve("preview.png"));
        assertEquals(6 * 24, preview.getWidth());
        assertEquals(4 * 24, preview.getHeight());
    }

    @Test
    void demoKeepsTheGeneratedDatasetWhenAsked(@TempDir Path out) throws IOException {
        CliRun r = run("demo", "--classes", "1", "--images-per-class", "2", "--epochs", "1", "--target-size", "16x16",
                "--keep", "--out", out.toString());
        assertEquals(0, r.status(), r.err());
        Matcher generated = Pattern.compile("shape classes in (\\S+) \\(kept\\)").matcher(r.out());
        assertTrue(generated.find(), r.out());
        Path kept = Path.of(generated.group(1));
        assertTrue(Files.isDirectory(kept), r.out());
        try (var files = Files.walk(kept)) {
            assertEquals(2, files.filter(Files::isRegularFile).count());
        }
    }

    @Test
    void unreadableFilesAreOneLineEachWithoutAStackTrace(@TempDir Path root) throws IOException {
        Path in = root.resolve("in");
        SampleDataset.write(in, 2, 2, 20, 1);
        Path broken = TestImages.write(in.resolve(SampleDataset.CLASSES.get(0)).resolve("broken.jpg"),
                "not an image".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        CliRun augment = run("augment", in.toString(), root.resolve("out").toString(), "--copies", "1");
        assertEquals(1, augment.status(), augment.err());
        assertTrue(augment.err().contains("augment: skipped: cannot read image file " + broken), augment.err());
        assertTrue(augment.err().contains("augment: skipped 1 unreadable file(s)"), augment.err());
        assertTrue(augment.out().contains("Wrote 4 images"), augment.out());
        CliRun demo = run("demo", "--data", in.toString(), "--epochs", "1", "--target-size", "16x16", "--out",
                root.resolve("preview").toString());
        assertEquals(1, demo.status(), demo.err());
        assertTrue(demo.err().contains("demo: skipped: cannot read image file " + broken), demo.err());
        assertFalse(augment.err().contains("\tat ") || demo.err().contains("\tat "), "no stack trace: " + demo.err());
    }

    @Test
    void demoReadsAGivenFolderAndConfig(@TempDir Path data, @TempDir Path out) throws IOException {
        SampleDataset.write(data, 3, 2, 20, 1);
        Path config = Files.writeString(data.resolve("gen.json"), "{\"horizontal_flip\": true, \"rescale\": 0.5}");
        CliRun r = run("demo", "--data", data.toString(), "--config", config.toString(), "--epochs", "1",
                "--target-size", "16x20", "--out", out.toString());
        assertEquals(0, r.status(), r.err());
        assertFalse(r.out().contains("Generated"), r.out());
        assertFalse(r.out().contains("Fitted"), "this config has no featurewise step: " + r.out());
        assertTrue(r.out().contains("1 epoch of 6 images of [16, 20, 3]"), r.out());
        assertFalse(r.out().contains("steady"), "one epoch is all warm-up: " + r.out());
        assertTrue(Files.exists(data.resolve("gen.json")), "a given folder is left as it is");
        CliRun empty = run("demo", "--data", out.resolve("nothing").toString());
        assertEquals(1, empty.status());
        assertTrue(empty.err().contains("does not exist"), empty.err());
    }

    @Test
    void augmentWritesNamedCopiesOfEveryImageIndependentOfWorkers(@TempDir Path root) throws IOException {
        Path dir = root.resolve("in");
        folder(dir);
        Path out1 = root.resolve("out1");
        CliRun r = run("augment", dir.toString(), out1.toString(), "--copies", "2", "--seed", "3", "--workers", "1");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("Wrote 6 images (2 per image, 3 images under"), r.out());
        try (Stream<Path> files = Files.walk(out1)) {
            assertEquals(List.of("sub/a_1.png", "sub/a_2.png", "sub/b_1.png", "sub/b_2.png", "top_1.png", "top_2.png"),
                    files.filter(Files::isRegularFile).map(p -> out1.relativize(p).toString()).sorted().toList());
        }
        assertEquals(30, read(out1.resolve("top_2.png")).getWidth());
        assertEquals(20, read(out1.resolve("top_2.png")).getHeight());
        assertEquals(15, read(out1.resolve("sub/b_1.png")).getWidth());
        Path out2 = root.resolve("out2");
        assertEquals(0, run("augment", dir.toString(), out2.toString(), "--copies", "2", "--seed", "3",
                "--workers", "3").status());
        for (String name : List.of("sub/a_1.png", "sub/b_2.png", "top_1.png")) {
            assertArrayEquals(Files.readAllBytes(out1.resolve(name)), Files.readAllBytes(out2.resolve(name)), name);
        }
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(out1.resolve("top_1.png")),
                Files.readAllBytes(out1.resolve("top_2.png"))), "copies differ");
    }

    /**
     * Source names whose bytes the platform charset cannot decode ({@code caf\xe9}: Latin-1, invalid
     * UTF-8; {@code café} in UTF-8 under the POSIX locale) give copies whose names keep those bytes,
     * in a folder that keeps its bytes too. The names are made and read back by {@code /bin/sh}.
     */
    @Test
    void augmentKeepsTheBytesOfNamesTheCharsetCannotDecode(@TempDir Path root) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/sh"))
                && System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT).contains("linux"));
        Path in = root.resolve("in");
        folder(root.resolve("stage"));
        String script = "set -e; mkdir -p \"in/$(printf 'd\\351')\"; "
                + "cp stage/top.png \"in/$(printf 'd\\351')/$(printf 'caf\\351').png\"; "
                + "cp stage/top.png \"in/$(printf 'caf\\303\\251').png\"";
        Process mk = new ProcessBuilder("/bin/sh", "-c", script).directory(root.toFile()).inheritIO().start();
        assertEquals(0, mk.waitFor());
        CliRun r = run("augment", in.toString(), root.resolve("out").toString(), "--copies", "1");
        assertEquals(0, r.status(), r.err());
        Process ls = new ProcessBuilder("/bin/sh", "-c", "cd out && find . -type f | LC_ALL=C sort | od -An -c")
                .directory(root.toFile()).start();
        String listing = new String(ls.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII)
                .replaceAll("\\s+", " ");
        assertEquals(0, ls.waitFor());
        // "./caf\303\251_1.png\n./d\351/caf\351_1.png\n" as od -c prints it
        assertEquals(" . / c a f 303 251 _ 1 . p n g \\n . / d 351 / c a f 351 _ 1 . p n g \\n ", listing);
    }

    @Test
    void augmentAppliesTheConfigAndTheTargetSize(@TempDir Path root) throws IOException {
        Path dir = root.resolve("in");
        folder(dir);
        Path config = Files.writeString(root.resolve("gen.json"),
                "{\"brightness_range\": [0.5, 0.5], \"rescale\": 0.001, \"featurewise_center\": true}");
        Path out = root.resolve("out");
        CliRun r = run("augment", "--config", config.toString(), "--target-size", "10x12", "--interpolation", "nearest",
                "--format", "bmp", dir.toString(), out.toString());
        assertEquals(0, r.status(), r.err());
        BufferedImage half = read(out.resolve("sub/a_1.bmp"));
        assertEquals(12, half.getWidth());
        assertEquals(10, half.getHeight());
        Path plain = root.resolve("plain");
        assertEquals(0, run("augment", "--config", Files.writeString(root.resolve("none.json"), "{}").toString(),
                "--target-size", "10x12", "--interpolation", "nearest", "--format", "bmp", dir.toString(),
                plain.toString()).status());
        BufferedImage same = read(plain.resolve("sub/a_1.bmp"));
        for (int y = 0; y < 10; y++) {
            for (int x = 0; x < 12; x++) {
                int original = same.getRGB(x, y) >> 8 & 0xFF;
                int darker = half.getRGB(x, y) >> 8 & 0xFF;
                assertEquals(original / 2.0, darker, 1.0, "brightness 0.5 halves the pixels; no rescale, no centring");
            }
        }
    }

    @Test
    void previewWritesTheGrid(@TempDir Path root) throws IOException {
        Path dir = root.resolve("in");
        folder(dir);
        CliRun r = run("preview", dir.toString(), "--rows", "2", "--copies", "3", "--target-size", "8x10", "--out",
                root.resolve("p").toString());
        assertEquals(0, r.status(), r.err());
        BufferedImage grid = read(root.resolve("p/preview.png"));
        assertEquals(4 * 10, grid.getWidth());
        assertEquals(2 * 8, grid.getHeight());
        ByteImage first = new io.jdatagen.io.ImageFileReader(io.jdatagen.io.ImageCodecs.current(),
                io.jdatagen.io.ColorMode.RGB, new int[] {8, 10}, io.jdatagen.io.ResizeFilter.BILINEAR, false, true,
                true).load(dir.resolve("top.png"));
        assertEquals(first.get(3, 4, 1), grid.getRGB(4, 3) >> 8 & 0xFF, "row 0 starts with the first image in walk order");
    }

    @Test
    void backendsListsBackendsAndCodecs() {
        CliRun r = run("backends");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("reference"), r.out());
        assertTrue(r.out().contains("in use: " + Backends.current().name()), r.out());
        assertTrue(r.out().contains("imageio"), r.out());
    }

    @Test
    void everyCommandsHelpDescribesEveryOption() {
        CommandLine top = Jdatagen.commandLine();
        for (String name : List.of("demo", "preview", "augment", "backends")) {
            CliRun r = run(name, "--help");
            assertEquals(0, r.status(), name);
            CommandLine sub = top.getSubcommands().get(name);
            assertTrue(sub.getCommandSpec().usageMessage().description().length > 0, name + " has a description");
            for (OptionSpec option : sub.getCommandSpec().options()) {
                assertTrue(option.description().length > 0 && !option.description()[0].isBlank(),
                        name + " " + option.longestName() + " has a description");
                assertTrue(r.out().contains(option.longestName()), name + " help lists " + option.longestName());
            }
            sub.getCommandSpec().positionalParameters().forEach(p -> assertTrue(r.out().contains(p.paramLabel()),
                    name + " help lists " + p.paramLabel()));
        }
        CliRun top2 = run("--help");
        for (String name : List.of("demo", "preview", "augment", "backends")) {
            assertTrue(top2.out().contains(name), "top-level help lists " + name);
        }
    }

    @Test
    void sizesThatNoImageOrBatchCouldHaveAreUsageErrorsBeforeAnyFileIsRead(@TempDir Path root) {
        folder(root.resolve("in"));
        CliRun huge = run("augment", "--target-size", "100000x100000", root.resolve("in").toString(),
                root.resolve("out").toString());
        assertEquals(2, huge.status(), huge.err());
        assertTrue(huge.err().contains("expected HEIGHTxWIDTH of at most 178956970 pixels, twice the image pixel"
                + " limit"), huge.err());
        assertTrue(huge.err().contains("--target-size"), huge.err());
        assertFalse(huge.err().contains("top.png"), "no file is blamed: " + huge.err());
        assertFalse(Files.exists(root.resolve("out")), "nothing is written");
        CliRun batch = run("demo", "--batch-size", "64", "--target-size", "9000x9000", "--out", root.resolve("d").toString());
        assertEquals(2, batch.status(), batch.err());
        assertTrue(batch.err().contains("--batch-size must be in [1, 8] for 9000x9000 RGB images"), batch.err());
        assertFalse(batch.out().contains("Generated"), "no data is generated first: " + batch.out());
    }

    @Test
    void augmentDecodesInFullByDefaultAndReducedOnRequest(@TempDir Path root) throws IOException {
        Path dir = root.resolve("in");
        TestImages.write(dir.resolve("photo.jpg"), TestImages.jpeg(TestImages.blocks(160, 240), 0.9f));
        String[] common = {"--config", Files.writeString(root.resolve("none.json"), "{}").toString(), "--target-size",
            "40x60", "--format", "bmp", dir.toString()};
        CliRun full = run(Stream.concat(Stream.of("augment"), Stream.concat(Stream.of(common),
                Stream.of(root.resolve("full").toString()))).toArray(String[]::new));
        CliRun reduced = run(Stream.concat(Stream.of("augment", "--reduced-decode"), Stream.concat(Stream.of(common),
                Stream.of(root.resolve("reduced").toString()))).toArray(String[]::new));
        assertEquals(0, full.status(), full.err());
        assertEquals(0, reduced.status(), reduced.err());
        io.jdatagen.io.ImageCodec codec = io.jdatagen.io.ImageCodecs.current();
        ByteImage expected = io.jdatagen.io.PillowResize.resize(codec.decode(Files.readAllBytes(dir.resolve(
                "photo.jpg")), io.jdatagen.io.DecodeOptions.DEFAULT), 40, 60, io.jdatagen.io.ResizeFilter.BILINEAR);
        BufferedImage written = read(root.resolve("full/photo_1.bmp"));
        BufferedImage smaller = read(root.resolve("reduced/photo_1.bmp"));
        assertEquals(60, smaller.getWidth());
        boolean differs = false;
        for (int y = 0; y < 40; y++) {
            for (int x = 0; x < 60; x++) {
                int rgb = expected.get(y, x, 0) << 16 | expected.get(y, x, 1) << 8 | expected.get(y, x, 2);
                assertEquals(rgb, written.getRGB(x, y) & 0xFFFFFF, "full decode + Pillow's resize at " + y + "," + x);
                differs |= smaller.getRGB(x, y) != written.getRGB(x, y);
            }
        }
        assertEquals(codec.name().equals("opencv"), differs, "only opencv decodes at 1/2 scale (160 / 2 >= 60)");
    }

    @Test
    void badInputIsNamed(@TempDir Path root) throws IOException {
        CliRun missing = run("preview", root.resolve("absent").toString());
        assertEquals(1, missing.status());
        assertTrue(missing.err().contains("DIR " + root.resolve("absent") + " does not exist"), missing.err());
        CliRun size = run("preview", root.toString(), "--target-size", "12by3");
        assertEquals(2, size.status());
        assertTrue(size.err().contains("expected HEIGHTxWIDTH"), size.err());
        folder(root.resolve("in"));
        Path bad = Files.writeString(root.resolve("bad.json"), "{\"rotation_rang\": 3}");
        CliRun config = run("augment", "--config", bad.toString(), root.resolve("in").toString(),
                root.resolve("out").toString());
        assertEquals(1, config.status());
        assertTrue(config.err().contains("--config " + bad + ": unknown ImageDataGenerator option 'rotation_rang'"),
                config.err());
        CliRun copies = run("augment", "--copies", "0", root.resolve("in").toString(), root.resolve("out").toString());
        assertEquals(2, copies.status());
        assertTrue(copies.err().contains("--copies must be >= 1; got: 0"), copies.err());
        assertEquals(2, run().status(), "no command");
    }
}
