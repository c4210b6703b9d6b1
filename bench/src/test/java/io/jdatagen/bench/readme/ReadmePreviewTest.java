package io.jdatagen.bench.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadmePreviewTest {
    private static Path jpeg(Path dir, String name, Color color) throws Exception {
        BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 30; y++) {
            for (int x = 0; x < 40; x++) {
                image.setRGB(x, y, x < 20 ? color.getRGB() : Color.WHITE.getRGB());
            }
        }
        Path file = dir.resolve(name);
        ImageIO.write(image, "jpg", file.toFile());
        return file;
    }

    @Test
    void listsTheFoldersJpegsByName(@TempDir Path dir) throws Exception {
        Path b = jpeg(dir, "b.jpg", Color.RED);
        Path a = jpeg(dir, "a.jpg", Color.BLUE);
        Files.writeString(dir.resolve("photos.py"), "# not a photo");
        assertEquals(List.of(a, b), ReadmePreview.jpegs(dir));
    }

    @Test
    void writesOneRowPerPhotoWithThePhotoFirstAndItsCopiesAfter(@TempDir Path dir) throws Exception {
        Path red = jpeg(dir, "a.jpg", Color.RED);
        Path blue = jpeg(dir, "b.jpg", Color.BLUE);
        Path out = ReadmePreview.write(List.of(red, blue), dir.resolve("out/preview.jpg"));
        BufferedImage grid = ImageIO.read(out.toFile());
        assertEquals(40 * (ReadmePreview.COPIES + 1), grid.getWidth());
        assertEquals(2 * 30, grid.getHeight());
        Color firstRow = new Color(grid.getRGB(5, 15));
        Color secondRow = new Color(grid.getRGB(5, 45));
        assertTrue(firstRow.getRed() > 200 && firstRow.getBlue() < 60, "row 1 starts with the red photo: " + firstRow);
        assertTrue(secondRow.getBlue() > 200 && secondRow.getRed() < 60, "row 2 starts with the blue photo: " + secondRow);
    }
}
