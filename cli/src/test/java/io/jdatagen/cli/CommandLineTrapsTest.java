package io.jdatagen.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdatagen.io.TestImages;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What a new user trips over: unreadable files, huge previews, long errors, badly wrapped help,
 * odd epoch labels, and the flow's summary line.
 */
class CommandLineTrapsTest {
    private static final List<String> COMMANDS = List.of("demo", "preview", "augment", "shards", "backends");

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private static BufferedImage read(Path png) throws IOException {
        return CliRun.read(png);
    }

    private static Path png(Path file, int height, int width) {
        return TestImages.write(file, TestImages.encode(TestImages.toBuffered(TestImages.gradient(height, width, 3)),
                "png"));
    }

    /** Two classes of two 20x20 PNGs each, and a file that is not an image first in walk order. */
    private static Path withBrokenFile(Path dir) {
        png(dir.resolve("a/a1.png"), 20, 20);
        png(dir.resolve("a/a2.png"), 20, 20);
        png(dir.resolve("b/b1.png"), 20, 20);
        png(dir.resolve("b/b2.png"), 20, 20);
        return TestImages.write(dir.resolve("a/a0.png"), "not an image".getBytes(StandardCharsets.US_ASCII));
    }

    private static void assertSkipped(String command, CliRun r, Path broken) {
        assertEquals(ExitStatus.FAILED, r.status(), command + ": " + r.err());
        assertTrue(r.err().contains(command + ": skipped: cannot read image file " + broken + ": "),
                command + " names the file and the reason: " + r.err());
        assertTrue(r.err().contains(command + ": skipped 1 unreadable file(s)"), command + ": " + r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
    }

    @Test
    void everyCommandSkipsAnUnreadableFileReportsItAndFailsTheSameWay(@TempDir Path root) throws IOException {
        Path in = root.resolve("in");
        Path broken = withBrokenFile(in);

        CliRun preview = run("preview", in.toString(), "--rows", "2", "--copies", "1", "--out",
                root.resolve("p").toString());
        assertSkipped("preview", preview, broken);
        BufferedImage grid = read(root.resolve("p/preview.png"));
        assertEquals(2 * 20, grid.getHeight(), "the next file takes the unreadable one's row");
        assertEquals(2 * 20, grid.getWidth());

        CliRun augment = run("augment", in.toString(), root.resolve("aug").toString(), "--workers", "2");
        assertSkipped("augment", augment, broken);
        assertTrue(augment.out().contains("Wrote 4 images"), augment.out());

        CliRun demo = run("demo", "--data", in.toString(), "--epochs", "1", "--batch-size", "2", "--workers", "1",
                "--target-size", "16x16", "--out", root.resolve("d").toString());
        assertSkipped("demo", demo, broken);
        assertTrue(demo.out().contains("Found 4 images belonging to 2 classes."), demo.out());
        assertTrue(demo.out().contains("1 epoch of 4 images"), demo.out());
        assertTrue(Files.exists(root.resolve("d/preview.png")));

        Files.delete(broken);
        CliRun clean = run("preview", in.toString(), "--rows", "2", "--copies", "1", "--out",
                root.resolve("p2").toString());
        assertEquals(ExitStatus.OK, clean.status(), clean.err());
        assertFalse(clean.err().contains("skipped"), clean.err());
    }

    @Test
    void previewOfNothingReadableNamesEveryFileThenFails(@TempDir Path root) {
        Path in = root.resolve("in");
        Path one = TestImages.write(in.resolve("x.jpg"), new byte[] {1, 2, 3});
        Path two = TestImages.write(in.resolve("y.png"), new byte[0]);
        CliRun r = run("preview", in.toString(), "--out", root.resolve("p").toString());
        assertEquals(ExitStatus.FAILED, r.status(), r.err());
        assertTrue(r.err().contains("preview: skipped: cannot read image file " + one), r.err());
        assertTrue(r.err().contains("preview: skipped: cannot read image file " + two), r.err());
        assertTrue(r.err().contains("preview: skipped 2 unreadable file(s)"), r.err());
        assertTrue(r.err().contains("none of its 2 image files could be read"), r.err());
        assertFalse(Files.exists(root.resolve("p/preview.png")));
    }

    @Test
    void previewShrinksLargeImagesToTheCellBoundByDefault(@TempDir Path root) throws IOException {
        Path in = root.resolve("in");
        png(in.resolve("photo.png"), 2000, 3000);
        png(in.resolve("small.png"), 30, 40);
        CliRun r = run("preview", in.toString(), "--copies", "1", "--out", root.resolve("p").toString());
        assertEquals(0, r.status(), r.err());
        BufferedImage grid = read(root.resolve("p/preview.png"));
        assertEquals(2 * 256, grid.getWidth(), "the photo's cell is 256 wide, keeping 3:2");
        assertEquals(2 * 171, grid.getHeight(), "rows of the 171-high photo cell");
        CliRun bounded = run("preview", in.toString(), "--copies", "0", "--cell-size", "100", "--out",
                root.resolve("q").toString());
        assertEquals(0, bounded.status(), bounded.err());
        BufferedImage small = read(root.resolve("q/preview.png"));
        assertEquals(100, small.getWidth());
        assertEquals(2 * 67, small.getHeight());
        CliRun sized = run("preview", in.toString(), "--copies", "0", "--target-size", "300x500", "--out",
                root.resolve("t").toString());
        assertEquals(0, sized.status(), sized.err());
        assertEquals(500, read(root.resolve("t/preview.png")).getWidth(), "--target-size wins over the bound");
    }

    @Test
    void cellFitKeepsTheAspectRatioWithinTheBound() {
        assertArrayEquals(new int[] {171, 256}, CellFit.size(2000, 3000, 256));
        assertArrayEquals(new int[] {256, 144}, CellFit.size(4000, 2250, 256));
        assertArrayEquals(new int[] {100, 50}, CellFit.size(100, 50, 256), "within the bound: unchanged");
        assertArrayEquals(new int[] {256, 256}, CellFit.size(256, 256, 256));
        assertArrayEquals(new int[] {1, 256}, CellFit.size(2, 5000, 256), "never below one pixel");
        assertArrayEquals(new int[] {4000, 3000}, CellFit.size(4000, 3000, 0), "0: no bound");
    }

    @Test
    void aBadOptionValueIsOneLineAndAHintNotTheUsage(@TempDir Path root) {
        png(root.resolve("in/x.png"), 10, 10);
        String in = root.resolve("in").toString();
        String out = root.resolve("out").toString();
        List<String[]> cases = List.of(
                new String[] {"preview", in, "--target-size", "0x-5"},
                new String[] {"augment", in, out, "--target-size", "12by3"},
                new String[] {"demo", "--epochs", "0"},
                new String[] {"demo", "--epochs", "two"},
                new String[] {"augment", in, out, "--copies", "-1"},
                new String[] {"augment", in, out, "--workers", "0"},
                new String[] {"preview", in, "--rows", "0"},
                new String[] {"demo", "--bogus"},
                new String[] {"augment", in});
        for (String[] args : cases) {
            CliRun r = run(args);
            String what = String.join(" ", args) + " -> " + r.err();
            assertEquals(ExitStatus.USAGE, r.status(), what);
            List<String> lines = r.errLines();
            assertTrue(lines.size() >= 2 && lines.size() <= 3, "one line, maybe suggestions, a hint: " + what);
            assertTrue(lines.get(0).startsWith("jdatagen " + args[0] + ": "), what);
            assertEquals("Try 'jdatagen " + args[0] + " --help' for the options.", lines.get(lines.size() - 1), what);
            assertFalse(r.err().contains("Usage:"), what);
            assertFalse(Files.exists(root.resolve("out")), "nothing written: " + what);
        }
        CliRun size = run("preview", in, "--target-size", "0x-5");
        assertTrue(size.errLines().get(0).contains("--target-size") && size.errLines().get(0).contains("'0x-5'"),
                size.err());
        CliRun epochs = run("demo", "--epochs", "0");
        assertEquals("jdatagen demo: --epochs must be >= 1; got: 0", epochs.errLines().get(0));
        CliRun unknown = run("demo", "--bogus");
        assertTrue(unknown.errLines().get(0).contains("'--bogus'"), unknown.err());
        CliRun top = run("--frobnicate");
        assertEquals(ExitStatus.USAGE, top.status());
        assertEquals("Try 'jdatagen --help' for the options.", top.errLines().get(top.errLines().size() - 1));
    }

    /** The words of every description of {@code spec} as the help prints them (format and variables resolved). */
    private static List<String> descriptionWords(CommandSpec spec) {
        List<String> texts = new ArrayList<>();
        for (String d : spec.usageMessage().description()) {
            texts.add(String.format(d));
        }
        for (ArgSpec arg : spec.args()) {
            texts.addAll(Arrays.asList(arg.description()));
        }
        for (String line : spec.usageMessage().exitCodeList().values()) {
            texts.add(line);
        }
        List<String> words = new ArrayList<>();
        for (String text : texts) {
            words.addAll(Arrays.asList(text.trim().split("\\s+")));
        }
        return words;
    }

    private static final Pattern NUMBER_CUT = Pattern.compile("\\d[.\\-/]$");

    @Test
    void everyHelpWrapsBetweenWordsAtEveryWidth() {
        List<String> problems = new ArrayList<>();
        for (int width = 80; width <= 160; width++) {
            CommandLine top = Jdatagen.commandLine();
            top.setUsageHelpWidth(width);
            List<CommandLine> all = new ArrayList<>();
            all.add(top);
            for (String name : COMMANDS) {
                all.add(top.getSubcommands().get(name));
                all.addAll(top.getSubcommands().get(name).getSubcommands().values());
            }
            for (CommandLine cl : all) {
                String usage = cl.getUsageMessage(CommandLine.Help.Ansi.OFF);
                String what = cl.getCommandSpec().qualifiedName() + " --help at width " + width;
                List<String> lines = usage.lines().map(String::stripTrailing).toList();
                for (int i = 0; i + 1 < lines.size(); i++) {
                    if (NUMBER_CUT.matcher(lines.get(i)).find() && lines.get(i + 1).stripLeading().matches("^\\d.*")) {
                        problems.add(what + ": a number broken across '" + lines.get(i) + "' and '" + lines.get(i + 1)
                                + "'");
                    }
                }
                Set<String> printed = new HashSet<>(Arrays.asList(usage.trim().split("\\s+")));
                for (String word : descriptionWords(cl.getCommandSpec())) {
                    if (!printed.contains(word)) {
                        problems.add(what + ": '" + word + "' is not printed whole");
                    }
                }
            }
        }
        assertEquals(List.of(), problems.stream().distinct().limit(40).toList());
    }

    @Test
    void epochLabelsReadNaturallyForOneTwoAndMoreEpochs() {
        long s = 1_000_000_000L;
        assertEquals(String.format("1 epoch of 10 images of [4, 4, 3]%n"
                + "  epoch 1 (JVM warm-up):     1.00 s =     10 images/s%n"),
                Throughput.report(10, "[4, 4, 3]", 0, new long[] {s}));
        assertEquals(String.format("2 epochs of 10 images of [4, 4, 3]%n"
                + "  epoch 1 (JVM warm-up):     1.00 s =     10 images/s%n"
                + "  epoch 2 (steady):          0.50 s =     20 images/s%n"),
                Throughput.report(10, "[4, 4, 3]", 0, new long[] {s, s + s / 2}));
        assertEquals(String.format("3 epochs of 10 images of [4, 4, 3]%n"
                + "  epoch 1 (JVM warm-up):     1.00 s =     10 images/s%n"
                + "  epochs 2-3 (steady):       2.00 s =     10 images/s%n"),
                Throughput.report(10, "[4, 4, 3]", 0, new long[] {s, 2 * s, 3 * s}));
        assertEquals("epochs 2-12", Throughput.steadyLabel(12));
    }

    @Test
    void demoPrintsTheFlowsSummaryAndNamesAnEmptyFolder(@TempDir Path root) throws IOException {
        Path data = root.resolve("data");
        Files.createDirectories(data.resolve("cats"));
        Files.createDirectories(data.resolve("dogs"));
        CliRun empty = run("demo", "--data", data.toString(), "--out", root.resolve("o").toString());
        // The flow refuses to be built: the error names the folder, its classes and the extensions.
        assertEquals(ExitStatus.FAILED, empty.status(), empty.err());
        assertTrue(empty.err().contains("flowFromDirectory found no images in " + data), empty.err());
        assertTrue(empty.err().contains("\"cats\", \"dogs\""), empty.err());
        assertTrue(empty.err().contains("png"), empty.err());
        assertFalse(empty.err().contains("\tat "), "no stack trace: " + empty.err());
        CliRun generated = run("demo", "--classes", "2", "--images-per-class", "3", "--epochs", "1", "--target-size",
                "16x16", "--out", root.resolve("g").toString());
        assertEquals(0, generated.status(), generated.err());
        assertTrue(generated.out().contains("Found 6 images belonging to 2 classes."), generated.out());
    }

    @Test
    void theComputingCommandsDocumentTheirExitStatus() {
        for (String name : List.of("demo", "preview", "augment")) {
            CliRun help = run(name, "--help");
            assertTrue(help.out().contains("Exit status:"), name + ": " + help.out());
            assertTrue(Stream.of("0", "1", "2").allMatch(code -> help.out().lines()
                    .anyMatch(l -> l.strip().startsWith(code + " "))), name + ": " + help.out());
            assertTrue(help.out().replaceAll("\\s+", " ").contains("or unreadable image files were skipped"),
                    name + ": " + help.out());
        }
    }
}
