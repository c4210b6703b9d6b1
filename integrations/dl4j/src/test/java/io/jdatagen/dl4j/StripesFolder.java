package io.jdatagen.dl4j;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;

/** A generated two-class image folder: horizontal stripes ({@code h}) and vertical stripes ({@code v}), with noise. */
final class StripesFolder {
    private StripesFolder() {
    }

    static Path write(Path root, int perClass, int size, long seed) throws IOException {
        Random random = new Random(seed);
        for (String label : new String[] {"h", "v"}) {
            Path dir = Files.createDirectories(root.resolve(label));
            for (int i = 0; i < perClass; i++) {
                BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
                int phase = random.nextInt(4);
                for (int y = 0; y < size; y++) {
                    for (int x = 0; x < size; x++) {
                        int along = label.equals("h") ? y : x;
                        int v = ((along + phase) / 3) % 2 == 0 ? 200 : 40;
                        v = Math.max(0, Math.min(255, v + random.nextInt(41) - 20));
                        image.setRGB(x, y, v << 16 | v << 8 | v);
                    }
                }
                ImageIO.write(image, "png", dir.resolve(label + i + ".png").toFile());
            }
        }
        return root;
    }
}
