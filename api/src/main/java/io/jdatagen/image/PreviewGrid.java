package io.jdatagen.image;

import io.jdatagen.core.DataFormat;
import io.jdatagen.core.Tensor;
import io.jdatagen.data.RandomKeys;
import io.jdatagen.flow.FileFlow;
import io.jdatagen.io.ByteImage;
import io.jdatagen.io.ImageWriter;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;
import java.util.random.RandomGenerator;
import javax.imageio.ImageIO;

/**
 * The preview grid: one row per image, the original in the first column and {@code copies}
 * random transforms of it after. Every cell is as large as the largest tile; a smaller tile sits
 * in its cell's top-left corner on black. Pixels are written as they are, rounded and clamped to
 * 0..255 (no rescaling: the images are raw pixel values, before standardization); 1 channel as
 * gray, 3 as RGB, 4 as RGB with alpha ignored. Copy {@code k} of image {@code i} draws from the
 * stream keyed by ({@code seed}, {@code k}, {@code i}).
 */
public final class PreviewGrid {
    private PreviewGrid() {
    }

    /**
     * Renders the grid of {@code images} (rank 3, in {@code format}) and writes it to {@code file} as PNG.
     *
     * @param augment draws and applies one random transform, e.g. a generator's {@code randomTransform}
     *
     * @return {@code file}
     * @throws IllegalArgumentException if there is no image, {@code copies < 0}, or an image has
     *     other than 1, 3 or 4 channels
     */
    public static Path write(DataFormat format, BiFunction<Tensor, RandomGenerator, Tensor> augment,
            List<Tensor> images, int copies, long seed, Path file) {
        if (images.isEmpty()) {
            throw new IllegalArgumentException("preview needs at least one image");
        }
        if (copies < 0) {
            throw new IllegalArgumentException("copies must be >= 0; got: " + copies);
        }
        List<List<Tensor>> rows = new ArrayList<>();
        int cellHeight = 0;
        int cellWidth = 0;
        for (int i = 0; i < images.size(); i++) {
            Tensor image = images.get(i);
            if (image.rank() != 3) {
                throw new IllegalArgumentException("preview images must have rank 3; image " + i + " has shape "
                        + Arrays.toString(image.shape()));
            }
            List<Tensor> tiles = new ArrayList<>();
            tiles.add(image);
            for (int k = 1; k <= copies; k++) {
                tiles.add(augment.apply(image, RandomKeys.forSample(seed, k, i)));
            }
            for (Tensor tile : tiles) {
                int[] hwc = format.imageHwc(tile.shape());
                if (hwc[2] != 1 && hwc[2] != 3 && hwc[2] != 4) {
                    throw new IllegalArgumentException("preview shows images with 1, 3 or 4 channels; image " + i
                            + " has " + hwc[2]);
                }
                cellHeight = Math.max(cellHeight, hwc[0]);
                cellWidth = Math.max(cellWidth, hwc[1]);
            }
            rows.add(tiles);
        }
        BufferedImage grid = new BufferedImage(cellWidth * (copies + 1), cellHeight * rows.size(),
                BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < rows.size(); i++) {
            for (int k = 0; k < rows.get(i).size(); k++) {
                draw(rows.get(i).get(k), format, grid, k * cellWidth, i * cellHeight);
            }
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            ImageIO.write(grid, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write preview " + file, e);
        }
        return file;
    }

    /**
     * {@return {@code rows} images of a file flow spread evenly over its samples (see {@link #spread}),
     * as the flow loads them (decoded, color-converted, resized), in {@code format}}
     *
     * @param source the flow
     * @param rows how many images
     * @param format the data format of the tensors
     */
    static List<Tensor> images(FileFlow source, int rows, DataFormat format) {
        List<Tensor> images = new ArrayList<>();
        for (int i : spread(source.samples(), rows)) {
            images.add(source.image(i).toSource().toTensor(format));
        }
        return images;
    }

    /**
     * {@return the indices of {@code rows} samples spread evenly over {@code samples} ({@code ⌊i·n/rows⌋};
     * all of them when there are fewer), so that every class of a sorted source shows}
     */
    public static int[] spread(int samples, int rows) {
        int shown = Math.min(rows, samples);
        int[] indices = new int[shown];
        for (int i = 0; i < shown; i++) {
            indices[i] = (int) ((long) i * samples / shown);
        }
        return indices;
    }

    private static void draw(Tensor tile, DataFormat format, BufferedImage grid, int left, int top) {
        ByteImage pixels = ImageWriter.toPixels(tile, format);
        boolean gray = pixels.channels() == 1;
        for (int r = 0; r < pixels.height(); r++) {
            for (int c = 0; c < pixels.width(); c++) {
                int red = pixels.get(r, c, 0);
                int rgb = gray ? red << 16 | red << 8 | red
                        : red << 16 | pixels.get(r, c, 1) << 8 | pixels.get(r, c, 2);
                grid.setRGB(left + c, top + r, rgb);
            }
        }
    }
}
