package io.jdatagen.cli;

import io.jdatagen.image.ImageDataGenerator;
import io.jdatagen.spi.Backends;
import io.jdatagen.spi.Tensor;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * The runnable example: prints the backend table, augments a generated image with a typical
 * configuration, prints what it drew and a summary of each result, and writes a PNG strip
 * (original, then the augmented copies) to a temporary folder or the folder given.
 */
public final class AugmentDemo {
    private static final int HEIGHT = 96;
    private static final int WIDTH = 128;
    private static final int COPIES = 5;

    private AugmentDemo() {
    }

    /**
     * Runs the demo.
     *
     * @param args optionally the output folder for the PNG strip
     */
    public static void main(String[] args) throws IOException {
        System.out.println("jdatagen backends:");
        System.out.print(Backends.describe());
        ImageDataGenerator generator = ImageDataGenerator.builder().rotationRange(20).widthShiftRange(0.1)
                .heightShiftRange(0.1).zoomRange(0.15).horizontalFlip(true).brightnessRange(0.7, 1.3)
                .fillMode(io.jdatagen.spi.FillMode.REFLECT).build();
        System.out.println("generator: " + generator.toJson().replaceAll("\\s+", " "));
        Tensor original = syntheticImage();
        Tensor[] tiles = new Tensor[COPIES + 1];
        tiles[0] = original;
        for (int k = 1; k <= COPIES; k++) {
            var params = generator.getRandomTransform(original.shape(), k);
            tiles[k] = generator.applyTransform(original, params);
            System.out.printf(Locale.ROOT, "sample %d: theta=%.1f tx=%.1f ty=%.1f zx=%.2f zy=%.2f flip=%s"
                    + " brightness=%.2f -> mean %.1f%n", k, params.theta(), params.tx(), params.ty(),
                    params.zx(), params.zy(), params.flipHorizontal(), params.brightness().orElse(1),
                    mean(tiles[k]));
        }
        Path dir = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("jdatagen-demo");
        Files.createDirectories(dir);
        Path png = dir.resolve("augmented.png");
        ImageIO.write(strip(tiles), "png", png.toFile());
        System.out.println("wrote " + png.toAbsolutePath() + " (original, then " + COPIES + " augmented copies)");
    }

    /** A 96×128 RGB test card: gradients, a disc and a bar, values 0..255. */
    static Tensor syntheticImage() {
        Tensor t = Tensor.zeros(HEIGHT, WIDTH, 3);
        for (int r = 0; r < HEIGHT; r++) {
            for (int c = 0; c < WIDTH; c++) {
                boolean disc = Math.hypot(r - 40, c - 48) < 22;
                boolean bar = r > 70 && r < 82 && c > 20;
                t.set(disc ? 230 : 255f * c / WIDTH, r, c, 0);
                t.set(bar ? 240 : 255f * r / HEIGHT, r, c, 1);
                t.set(disc || bar ? 30 : 128, r, c, 2);
            }
        }
        return t;
    }

    private static double mean(Tensor t) {
        double s = 0;
        for (float v : t.data()) {
            s += v;
        }
        return s / t.size();
    }

    private static BufferedImage strip(Tensor[] tiles) {
        BufferedImage img = new BufferedImage(WIDTH * tiles.length, HEIGHT, BufferedImage.TYPE_INT_RGB);
        for (int k = 0; k < tiles.length; k++) {
            for (int r = 0; r < HEIGHT; r++) {
                for (int c = 0; c < WIDTH; c++) {
                    int rgb = 0;
                    for (int ch = 0; ch < 3; ch++) {
                        int v = Math.max(0, Math.min(255, Math.round(tiles[k].get(r, c, ch))));
                        rgb = (rgb << 8) | v;
                    }
                    img.setRGB(k * WIDTH + c, r, rgb);
                }
            }
        }
        return img;
    }
}
