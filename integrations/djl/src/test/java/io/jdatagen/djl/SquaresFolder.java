package io.jdatagen.djl;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Writes a generated detection data set: {@code count} PNGs of {@code size × size} gray noise, each with one
 * solid square (red: class "red", or blue: "blue") of a random side and place, and {@code boxes.csv} with one
 * row per square ({@code filename,xmin,ymin,xmax,ymax,class}, pixel edges).
 */
final class SquaresFolder {
    private SquaresFolder() {
    }

    static Path write(Path root, int count, int size, long seed) throws IOException {
        Random random = new Random(seed);
        Files.createDirectories(root);
        StringBuilder csv = new StringBuilder("filename,xmin,ymin,xmax,ymax,class\n");
        for (int i = 0; i < count; i++) {
            BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    int v = 60 + random.nextInt(40);
                    image.setRGB(x, y, v << 16 | v << 8 | v);
                }
            }
            boolean red = random.nextBoolean();
            int side = size / 4 + random.nextInt(size / 3);
            int x0 = random.nextInt(size - side + 1);
            int y0 = random.nextInt(size - side + 1);
            for (int y = y0; y < y0 + side; y++) {
                for (int x = x0; x < x0 + side; x++) {
                    image.setRGB(x, y, red ? 0xE02020 : 0x2020E0);
                }
            }
            String name = "s" + i + ".png";
            ImageIO.write(image, "png", root.resolve(name).toFile());
            csv.append(name).append(',').append(x0).append(',').append(y0).append(',').append(x0 + side).append(',')
                    .append(y0 + side).append(',').append(red ? "red" : "blue").append('\n');
        }
        Files.writeString(root.resolve("boxes.csv"), csv);
        return root;
    }
}
