package io.jdatagen.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.GradientPaint;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;

/**
 * The demo's built-in data: a labelled image folder generated on the spot, one sub-folder per
 * shape class ({@code circle}, {@code square}, {@code triangle}, {@code cross}, {@code ring}),
 * each image a randomly colored, placed and sized shape on a gradient background, saved as JPEG
 * at a size that varies around the one asked for (so that loading resizes).
 */
final class SampleDataset {
    static final List<String> CLASSES = List.of("circle", "square", "triangle", "cross", "ring");

    private SampleDataset() {
    }

    /**
     * Writes {@code perClass} images of each of the first {@code classes} classes under
     * {@code dir}; the same seed writes the same files.
     *
     * @return the number of images written
     */
    static int write(Path dir, int classes, int perClass, int size, long seed) throws IOException {
        if (classes < 1 || classes > CLASSES.size()) {
            throw new IllegalArgumentException("classes must be 1 to " + CLASSES.size() + "; got: " + classes);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        for (int c = 0; c < classes; c++) {
            Path folder = Files.createDirectories(dir.resolve(CLASSES.get(c)));
            for (int i = 0; i < perClass; i++) {
                int w = size + rng.nextInt(-size / 4, size / 4 + 1);
                int h = size + rng.nextInt(-size / 4, size / 4 + 1);
                BufferedImage img = draw(CLASSES.get(c), w, h, rng);
                ImageIO.write(img, "jpg", folder.resolve(String.format(Locale.ROOT, "%s_%03d.jpg",
                        CLASSES.get(c), i)).toFile());
            }
        }
        return classes * perClass;
    }

    private static BufferedImage draw(String shape, int w, int h, SplittableRandom rng) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, randomColor(rng, 40, 140), w, h, randomColor(rng, 40, 140)));
        g.fillRect(0, 0, w, h);
        g.setColor(randomColor(rng, 150, 255));
        int side = Math.min(w, h);
        int r = side / 5 + rng.nextInt(side / 6 + 1);
        int cx = r + rng.nextInt(Math.max(1, w - 2 * r));
        int cy = r + rng.nextInt(Math.max(1, h - 2 * r));
        switch (shape) {
            case "circle" -> g.fillOval(cx - r, cy - r, 2 * r, 2 * r);
            case "square" -> g.fillRect(cx - r, cy - r, 2 * r, 2 * r);
            case "triangle" -> g.fillPolygon(new Polygon(new int[] {cx, cx - r, cx + r},
                    new int[] {cy - r, cy + r, cy + r}, 3));
            case "cross" -> {
                g.fillRect(cx - r, cy - r / 4, 2 * r, r / 2);
                g.fillRect(cx - r / 4, cy - r, r / 2, 2 * r);
            }
            case "ring" -> {
                g.setStroke(new BasicStroke(Math.max(2, r / 3f)));
                g.drawOval(cx - r, cy - r, 2 * r, 2 * r);
            }
            default -> throw new IllegalArgumentException("unknown shape " + shape);
        }
        g.dispose();
        return img;
    }

    private static Color randomColor(SplittableRandom rng, int low, int high) {
        return new Color(rng.nextInt(low, high), rng.nextInt(low, high), rng.nextInt(low, high));
    }
}
