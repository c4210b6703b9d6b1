package io.jdatagen.bench.readme;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.jdatagen.core.DataFormat;
import io.jdatagen.core.Tensor;
import io.jdatagen.data.Batch;
import io.jdatagen.io.ColorMode;
import io.jdatagen.io.ImageCodecs;
import io.jdatagen.io.ImageFileReader;
import io.jdatagen.io.ResizeFilter;
import io.jdatagen.layers.KerasLayer;
import io.jdatagen.layers.KerasLayers;
import io.jdatagen.layers.KerasPipeline;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * The gallery of the Keras 3 layers ({@code docs/gallery.md}): for every layer {@code KerasLayers} registers,
 * one PNG of two rows, one per photo (the first two JPEGs of a folder, by name), each the photo and then
 * {@link #DRAWS} augmentations (epochs 0, 1, 2 of seed {@link #SEED}), with the config and a line on the layer
 * ({@link GalleryEntry#ALL}). The photos go through the layer as one batch of two, one-hot labelled, so that
 * MixUp and CutMix mix them with each other. Each tile is {@link #TILE_WIDTH} × {@link #TILE_HEIGHT}; a layer
 * whose output is smaller (a crop, a resize) is drawn at its own size, centred on gray.
 */
public final class LayerGallery {
    /** Width of a tile and of the photos as the layers receive them (the photos' 4:3). */
    static final int TILE_WIDTH = 112;
    /** Height of a tile and of the photos as the layers receive them. */
    static final int TILE_HEIGHT = 84;
    /** Augmented copies of each photo, to the right of it. */
    static final int DRAWS = 3;
    /** Seed of the draws: the same seed draws the same gallery. */
    static final long SEED = 2026;
    /** Pixels between tiles. */
    static final int GAP = 2;
    private static final int BACKGROUND = 0xFFFFFF;
    private static final int EMPTY = 0xC8C8C8;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Indented objects, arrays on one line, spaced as Python's {@code json.dumps(config, indent=2)}. */
    private static final ObjectWriter CONFIG = JSON.writer(new DefaultPrettyPrinter(Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER).withArrayValueSpacing(Separators.Spacing.AFTER))
            .withArrayIndenter(new DefaultIndenter("", "")));

    private LayerGallery() {
    }

    /**
     * Writes the gallery's PNGs and page.
     *
     * @param args the folder of photos (default {@code docs/images/photos}), the folder of the PNGs (default
     *     {@code docs/images/gallery}), the page (default {@code docs/gallery.md})
     */
    public static void main(String[] args) throws IOException {
        Path photos = Path.of(args.length > 0 ? args[0] : "docs/images/photos");
        Path pngs = Path.of(args.length > 1 ? args[1] : "docs/images/gallery");
        Path page = Path.of(args.length > 2 ? args[2] : "docs/gallery.md");
        List<Path> written = write(GalleryEntry.ALL, photos, pngs, page);
        long bytes = 0;
        for (Path png : written) {
            bytes += Files.size(png);
        }
        System.out.println("wrote " + page + " and " + written.size() + " PNGs in " + pngs + " (" + bytes + " bytes)");
    }

    /**
     * Draws one PNG per entry into {@code pngs} (named by class, the folder created) and the page linking them
     * into {@code page}. The folder is the gallery's own: its other {@code .png} files (of a layer no longer
     * registered, say) are deleted, so that it holds one picture per layer.
     *
     * @return the PNGs written, in the entries' order
     * @throws IllegalArgumentException when the entries are not exactly the registered layers, one each, or
     *     the folder holds fewer than two JPEGs
     */
    static List<Path> write(List<GalleryEntry> entries, Path photos, Path pngs, Path page) throws IOException {
        checkCoverage(entries);
        List<Path> files = ReadmePreview.jpegs(photos);
        if (files.size() < 2) {
            throw new IllegalArgumentException("photos must hold at least two .jpg files; " + photos + " holds "
                    + files.size());
        }
        Tensor batch = photos(files.subList(0, 2));
        Files.createDirectories(pngs);
        Path pageParent = page.toAbsolutePath().getParent();
        Files.createDirectories(pageParent);
        List<Path> written = new ArrayList<>();
        GalleryPage markdown = new GalleryPage(files.get(0).getFileName() + " and " + files.get(1).getFileName());
        for (GalleryEntry entry : entries) {
            KerasLayer layer = KerasLayers.fromConfig(entry.className(), arguments(entry));
            Path png = pngs.resolve(entry.className() + ".png");
            writePng(sheet(layer, entry, batch), png);
            written.add(png);
            markdown.add(entry, CONFIG.writeValueAsString(layer.getConfig()),
                    pageParent.relativize(png.toAbsolutePath()).toString().replace('\\', '/'));
        }
        Files.writeString(page, markdown.text());
        deleteOtherPngs(pngs, written);
        return written;
    }

    /** Refuses a registered layer with no entry, an entry of no registered layer, and two of one layer. */
    static void checkCoverage(List<GalleryEntry> entries) {
        Set<String> shown = new TreeSet<>();
        for (GalleryEntry entry : entries) {
            if (!shown.add(entry.className())) {
                throw new IllegalArgumentException("two gallery entries for " + entry.className());
            }
        }
        Set<String> missing = new TreeSet<>(KerasLayers.classNames());
        missing.removeAll(shown);
        Set<String> unknown = new TreeSet<>(shown);
        unknown.removeAll(KerasLayers.classNames());
        if (!missing.isEmpty() || !unknown.isEmpty()) {
            throw new IllegalArgumentException("the gallery must show every registered Keras layer once; layers"
                    + " with no entry: " + missing + ", entries of no registered layer: " + unknown
                    + " (add an entry to GalleryEntry.ALL)");
        }
    }

    private static void deleteOtherPngs(Path pngs, List<Path> written) throws IOException {
        List<Path> stale;
        try (Stream<Path> files = Files.list(pngs)) {
            stale = files.filter(p -> p.getFileName().toString().endsWith(".png") && !written.contains(p)).toList();
        }
        for (Path png : stale) {
            Files.delete(png);
        }
    }

    /** Writes {@code picture} as a PNG deflated as hard as ImageIO's writer can (quality 0: smallest file). */
    private static void writePng(BufferedImage picture, Path png) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0f);
        Files.deleteIfExists(png);
        try (ImageOutputStream out = ImageIO.createImageOutputStream(png.toFile())) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(picture, null, null), param);
        } finally {
            writer.dispose();
        }
    }

    private static Map<String, Object> arguments(GalleryEntry entry) throws IOException {
        return JSON.readValue(entry.arguments(), new TypeReference<LinkedHashMap<String, Object>>() { });
    }

    /** {@return the photos as one batch, each resized to a tile, values 0 to 255} */
    private static Tensor photos(List<Path> files) {
        ImageFileReader reader = new ImageFileReader(ImageCodecs.current(), ColorMode.fromName("rgb"),
                new int[] {TILE_HEIGHT, TILE_WIDTH}, ResizeFilter.fromName("bilinear"), false, true, false);
        Tensor batch = Tensor.zeros(files.size(), TILE_HEIGHT, TILE_WIDTH, 3);
        for (int i = 0; i < files.size(); i++) {
            batch.setItem(i, reader.load(files.get(i)).toSource().toTensor(DataFormat.CHANNELS_LAST));
        }
        return batch;
    }

    /** {@return the layer's sheet: a row per photo, the photo then its draws} */
    static BufferedImage sheet(KerasLayer layer, GalleryEntry entry, Tensor batch) {
        int rows = batch.dim(0);
        int columns = 1 + DRAWS;
        BufferedImage sheet = new BufferedImage(columns * TILE_WIDTH + (columns - 1) * GAP,
                rows * TILE_HEIGHT + (rows - 1) * GAP, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < sheet.getHeight(); y++) {
            for (int x = 0; x < sheet.getWidth(); x++) {
                sheet.setRGB(x, y, BACKGROUND);
            }
        }
        KerasPipeline pipeline = KerasPipeline.of(layer);
        Tensor labels = Tensor.zeros(rows, rows);
        int[] indices = new int[rows];
        for (int i = 0; i < rows; i++) {
            labels.set(1f, i, i);
            indices[i] = i;
        }
        for (int column = 0; column < columns; column++) {
            Tensor images = column == 0 ? batch
                    : pipeline.apply(Batch.of(batch.copy(), labels.copy(), indices), SEED, column - 1).xTensor();
            boolean original = column == 0;
            for (int row = 0; row < rows; row++) {
                Tile.draw(sheet, column * (TILE_WIDTH + GAP), row * (TILE_HEIGHT + GAP), TILE_WIDTH, TILE_HEIGHT,
                        images.item(row), original ? 0 : entry.displayLow(), original ? 255 : entry.displayHigh(),
                        EMPTY);
            }
        }
        return sheet;
    }
}
