package io.jdatagen.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdatagen.layers.KerasPipeline;
import io.jdatagen.layers.RandomFlip;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The README's "Keras 3 loading" program, verbatim, run on the golden folder. */
class ImageDatasetReadmeTest {
    // ---- the README's class, verbatim but for printing to the test's stream instead of System.out

    static final class ImageDatasetExample {
        static PrintStream out = System.out;

        public static void main(String[] args) {
            PrintStream stdout = out;
            // args[0]: one sub-folder per class, as for Keras
            ImageDatasets.Split data = ImageDatasets.split(Path.of(args[0]), ImageDatasets.options()
                    .imageSize(180, 180).batchSize(32).seed(1337).validationSplit(0.2)
                    .augmenter(KerasPipeline.of(new RandomFlip("horizontal", null, null))));
            ImageDataset train = data.training();
            ImageDataset val = data.validation();
            stdout.println(train.classNames() + " " + train.samples() + " " + val.samples());
            stdout.println(Arrays.toString(train.get(0).x().shape()));   // [32, 180, 180, 3], or fewer
            stdout.println(Arrays.toString(val.get(0).y().shape()));     // int labels: [batch]
        }
    }

    @Test
    void theReadmeProgramRuns() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        ImageDatasetExample.out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        try {
            ImageDatasetExample.main(new String[] {ImageDatasetGoldenTest.folder().toString()});
        } finally {
            ImageDatasetExample.out = System.out;
        }
        String[] lines = printed.toString(StandardCharsets.UTF_8).split("\n");
        // Seven files, int(0.2 * 7) == 1 for validation.
        assertEquals("[birds, cats, dogs] 6 1", lines[0]);
        assertEquals("[6, 180, 180, 3]", lines[1]);
        assertEquals("[1]", lines[2]);
    }

    /** The README's code block is the class above, apart from where it prints. */
    @Test
    void theReadmeShowsThisProgram() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        int start = readme.indexOf("public class ImageDatasetExample {");
        assertTrue(start >= 0, "README has the imageDatasetFromDirectory program");
        String block = readme.substring(start, readme.indexOf("```", start));
        String test = Files.readString(Path.of("src", "test", "java", "io", "jdatagen", "flow",
                "ImageDatasetReadmeTest.java"));
        for (String line : block.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("System.out")
                && !l.startsWith("public") && !l.equals("}")).toList()) {
            assertTrue(test.contains(line), "the test runs the README's line: " + line);
        }
        for (String line : block.lines().map(String::strip).filter(l -> l.startsWith("System.out")).toList()) {
            assertTrue(test.contains(line.replace("System.out", "stdout")), "the test prints as the README: " + line);
        }
    }
}
