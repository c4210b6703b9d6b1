package io.jdatagen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdatagen.io.TestImages;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jdatagen preview --keras-config}: the grid through Keras 3 layers read from Keras's JSON. */
class KerasConfigPreviewTest {
    private static void folder(Path dir) {
        TestImages.write(dir.resolve("a.png"), TestImages.encode(TestImages.toBuffered(
                TestImages.gradient(12, 14, 3)), "png"));
        TestImages.write(dir.resolve("b.png"), TestImages.encode(TestImages.toBuffered(
                TestImages.blocks(12, 14)), "png"));
    }

    /** A Keras Pipeline without layers leaves every copy equal to its original: the grid runs through it. */
    @Test
    void previewRunsTheGridThroughTheLayers(@TempDir Path root) throws IOException {
        folder(root.resolve("in"));
        Path config = Files.writeString(root.resolve("model.json"), "{\"module\": \"keras.layers\", \"class_name\":"
                + " \"Pipeline\", \"config\": {\"layers\": [], \"name\": \"pipeline\"}, \"registered_name\": null}");
        CliRun r = CliRun.of("preview", root.resolve("in").toString(), "--keras-config", config.toString(), "--rows",
                "2", "--copies", "2", "--out", root.resolve("p").toString());
        assertEquals(0, r.status(), r.err());
        BufferedImage grid = CliRun.read(root.resolve("p/preview.png"));
        assertEquals(3 * 14, grid.getWidth());
        assertEquals(2 * 12, grid.getHeight());
        for (int y = 0; y < grid.getHeight(); y++) {
            for (int x = 0; x < 14; x++) {
                assertEquals(grid.getRGB(x, y), grid.getRGB(x + 14, y), "copy 1 at " + x + "," + y);
                assertEquals(grid.getRGB(x, y), grid.getRGB(x + 28, y), "copy 2 at " + x + "," + y);
            }
        }
    }

    @Test
    void aLayerItDoesNotRunIsNamedWithTheFile(@TempDir Path root) throws IOException {
        folder(root.resolve("in"));
        Path config = Files.writeString(root.resolve("model.json"),
                "[{\"class_name\": \"Dense\", \"config\": {\"units\": 2}}]");
        CliRun r = CliRun.of("preview", root.resolve("in").toString(), "--keras-config", config.toString(), "--out",
                root.resolve("p").toString());
        assertEquals(1, r.status());
        assertTrue(r.err().contains("--keras-config " + config + ": layer 0 (Dense): unknown Keras layer 'Dense'"),
                r.err());
    }

    @Test
    void refusesBothConfigs(@TempDir Path root) throws IOException {
        folder(root.resolve("in"));
        Path json = Files.writeString(root.resolve("c.json"), "[]");
        CliRun r = CliRun.of("preview", root.resolve("in").toString(), "--keras-config", json.toString(), "--config",
                json.toString());
        assertEquals(2, r.status());
        assertTrue(r.err().contains("--config and --keras-config cannot be used together"), r.err());
    }
}
