package io.jdatagen.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdatagen.core.Tensor;
import io.jdatagen.data.RandomKeys;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The preview grid: its size, the original tiles, the augmented tiles. */
class PreviewGridTest {
    private static final ImageDataGenerator GENERATOR = ImageDataGenerator.builder().rotationRange(30)
            .horizontalFlip(true).zoomRange(0.2).build();

    private static Tensor integerImage(long seed, int h, int w, int c) {
        Tensor t = Images.random(seed, h, w, c);
        for (int k = 0; k < t.size(); k++) {
            t.data()[k] = (float) Math.floor(t.data()[k]);
        }
        return t;
    }

    private static int channel(BufferedImage img, int x, int y, int ch) {
        return img.getRGB(x, y) >> (16 - 8 * ch) & 0xFF;
    }

    @Test
    void gridHasOneRowPerImageWithTheOriginalFirst(@TempDir Path dir) throws IOException {
        List<Tensor> images = List.of(integerImage(1, 20, 30, 3), integerImage(2, 20, 30, 3));
        Path png = GENERATOR.preview(images, dir, 3, 7);
        assertEquals(dir.resolve("preview.png"), png);
        BufferedImage grid = ImageIO.read(png.toFile());
        assertEquals(4 * 30, grid.getWidth());
        assertEquals(2 * 20, grid.getHeight());
        for (int i = 0; i < 2; i++) {
            for (int k = 0; k <= 3; k++) {
                Tensor expected = k == 0 ? images.get(i)
                        : GENERATOR.randomTransform(images.get(i), RandomKeys.forSample(7, k, i));
                int differs = 0;
                for (int r = 0; r < 20; r++) {
                    for (int c = 0; c < 30; c++) {
                        for (int ch = 0; ch < 3; ch++) {
                            int want = Math.max(0, Math.min(255, Math.round(expected.get(r, c, ch))));
                            assertEquals(want, channel(grid, k * 30 + c, i * 20 + r, ch),
                                    "image " + i + " tile " + k + " at " + r + "," + c);
                            differs += want != (int) images.get(i).get(r, c, ch) ? 1 : 0;
                        }
                    }
                }
                assertTrue(k == 0 ? differs == 0 : differs > 100, "tile " + k + " differs in " + differs);
            }
        }
    }

    @Test
    void grayImagesAreDrawnGrayAndBadInputIsRejected(@TempDir Path dir) throws IOException {
        Tensor gray = integerImage(3, 10, 12, 1);
        BufferedImage grid = ImageIO.read(GENERATOR.preview(List.of(gray), dir, 0, 1).toFile());
        assertEquals(12, grid.getWidth());
        assertEquals(10, grid.getHeight());
        for (int ch = 0; ch < 3; ch++) {
            assertEquals((int) gray.get(4, 5, 0), channel(grid, 5, 4, ch));
        }
        assertThrows(IllegalArgumentException.class, () -> GENERATOR.preview(List.of(), dir, 2, 1));
        assertThrows(IllegalArgumentException.class,
                () -> GENERATOR.preview(List.of(Tensor.zeros(4, 4, 2)), dir, 1, 1));
        assertTrue(Files.exists(dir.resolve("preview.png")));
    }
}
