package io.jdatagen.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdatagen.data.Batch;
import io.jdatagen.flow.FileFlow;
import io.jdatagen.flow.FlowOptions;
import io.jdatagen.io.TestImages;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's "Keras 3 layers" program, verbatim, run on a Keras Pipeline config and a small folder. */
class KerasLayersReadmeTest {
    // ---- the README's class, verbatim but for printing to the test's stream instead of System.out

    static final class KerasLayersExample {
        static PrintStream out = System.out;

        public static void main(String[] args) throws Exception {
            PrintStream stdout = out;
            // args[0]: model.to_json() of a keras.Sequential of image layers; args[1]: one sub-folder per class
            KerasPipeline augment = KerasPipeline.fromJson(Files.readString(Path.of(args[0])));
            FileFlow train = augment.flowFromDirectory(Path.of(args[1]),
                    FlowOptions.directory().targetSize(224, 224).batchSize(32).seed(1));
            Batch batch = train.get(0);                          // or hand train to a Loader, DJL, DL4J
            stdout.println(Arrays.toString(batch.x().shape()));
            KerasPipeline asKeras = augment.toBuilder().mode(KerasPipeline.Mode.KERAS_REFERENCE).build();
            stdout.println(Arrays.toString(asKeras.apply(batch.xTensor(), 7).shape()));
            stdout.println(augment.toJson());                // the config back, as Keras wrote it
        }
    }

    @Test
    void theReadmeProgramRuns(@TempDir Path root) throws Exception {
        for (String name : new String[] {"cats/a.png", "cats/b.png", "dogs/c.png"}) {
            TestImages.write(root.resolve("train").resolve(name), TestImages.encode(TestImages.toBuffered(
                    TestImages.gradient(30, 40, 3)), "png"));
        }
        String json = "{\"module\": \"keras\", \"class_name\": \"Sequential\", \"config\": {\"name\": \"empty\","
                + " \"layers\": []}, \"registered_name\": null}";
        Path config = Files.writeString(root.resolve("model.json"), json);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        KerasLayersExample.out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        try {
            KerasLayersExample.main(new String[] {config.toString(), root.resolve("train").toString()});
        } finally {
            KerasLayersExample.out = System.out;
        }
        String[] lines = printed.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals("[3, 224, 224, 3]", lines[0]);
        assertEquals("[3, 224, 224, 3]", lines[1]);
        assertEquals(KerasConfigTest.tree(json), KerasConfigTest.tree(lines[2]));
    }

    /** The README's code block is the class above, apart from where it prints. */
    @Test
    void theReadmeShowsThisProgram() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        int start = readme.indexOf("public class KerasLayersExample {");
        assertTrue(start >= 0, "README has the Keras 3 layers program");
        String block = readme.substring(start, readme.indexOf("```", start));
        String test = Files.readString(Path.of("src", "test", "java", "io", "jdatagen", "layers",
                "KerasLayersReadmeTest.java"));
        for (String line : block.lines().map(String::strip).filter(l -> l.contains("KerasPipeline")
                || l.contains("FlowOptions") || l.contains("train.get")).toList()) {
            assertTrue(test.contains(line), "the test runs the README's line: " + line);
        }
    }
}
