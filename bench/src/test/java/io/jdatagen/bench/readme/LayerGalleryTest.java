package io.jdatagen.bench.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdatagen.layers.KerasLayers;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayerGalleryTest {
    private static final int SHEET_WIDTH = (1 + LayerGallery.DRAWS) * LayerGallery.TILE_WIDTH
            + LayerGallery.DRAWS * LayerGallery.GAP;
    private static final int SHEET_HEIGHT = 2 * LayerGallery.TILE_HEIGHT + LayerGallery.GAP;

    /** A 40×30 JPEG, its left half {@code color} and its right half white. */
    private static void jpeg(Path dir, String name, Color color) throws Exception {
        BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 30; y++) {
            for (int x = 0; x < 40; x++) {
                image.setRGB(x, y, x < 20 ? color.getRGB() : Color.WHITE.getRGB());
            }
        }
        ImageIO.write(image, "jpg", dir.resolve(name).toFile());
    }

    private static Path photos(Path dir) throws Exception {
        Path photos = Files.createDirectories(dir.resolve("photos"));
        jpeg(photos, "a.jpg", Color.RED);
        jpeg(photos, "b.jpg", Color.BLUE);
        jpeg(photos, "c.jpg", Color.GREEN);
        return photos;
    }

    @Test
    void writesOnePngPerRegisteredLayerAndAPageShowingEach(@TempDir Path dir) throws Exception {
        Path pngs = dir.resolve("images/gallery");
        Path page = dir.resolve("gallery.md");
        List<Path> written = LayerGallery.write(GalleryEntry.ALL, photos(dir), pngs, page);

        Set<String> expected = KerasLayers.classNames().stream().map(n -> n + ".png")
                .collect(Collectors.toCollection(TreeSet::new));
        try (Stream<Path> files = Files.list(pngs)) {
            assertEquals(expected, files.map(p -> p.getFileName().toString())
                    .collect(Collectors.toCollection(TreeSet::new)));
        }
        assertEquals(KerasLayers.classNames().size(), written.size());
        String text = Files.readString(page);
        for (String name : KerasLayers.classNames()) {
            BufferedImage sheet = ImageIO.read(pngs.resolve(name + ".png").toFile());
            assertEquals(SHEET_WIDTH, sheet.getWidth(), name);
            assertEquals(SHEET_HEIGHT, sheet.getHeight(), name);
            assertTrue(text.contains("\n## " + name + "\n"), "a section for " + name);
            assertTrue(text.contains("](images/gallery/" + name + ".png)"), "the picture of " + name);
            assertTrue(text.contains("\"name\": \""), "the layers' configs");
        }
    }

    @Test
    void deletesThePngOfALayerNoLongerShownAndKeepsOtherFiles(@TempDir Path dir) throws Exception {
        Path pngs = Files.createDirectories(dir.resolve("gallery"));
        Files.writeString(pngs.resolve("RandomRemovedLayer.png"), "an old picture");
        Files.writeString(pngs.resolve("notes.txt"), "not a picture");
        LayerGallery.write(GalleryEntry.ALL, photos(dir), pngs, dir.resolve("gallery.md"));
        assertTrue(Files.notExists(pngs.resolve("RandomRemovedLayer.png")));
        assertTrue(Files.exists(pngs.resolve("notes.txt")));
    }

    @Test
    void indexesTheSectionsInTheEntriesOrder(@TempDir Path dir) throws Exception {
        Path page = dir.resolve("gallery.md");
        LayerGallery.write(GalleryEntry.ALL, photos(dir), dir.resolve("images/gallery"), page);
        String text = Files.readString(page);
        int previous = -1;
        for (GalleryEntry entry : GalleryEntry.ALL) {
            String link = "[" + entry.className() + "](#" + entry.className().toLowerCase(java.util.Locale.ROOT) + ")";
            assertTrue(text.contains(link), link);
            int section = text.indexOf("\n## " + entry.className() + "\n");
            assertTrue(section > previous, entry.className() + " after the one before");
            previous = section;
        }
    }

    @Test
    void showsTheFirstTwoPhotosByNameUnchangedInTheFirstColumn(@TempDir Path dir) throws Exception {
        Path pngs = dir.resolve("gallery");
        LayerGallery.write(GalleryEntry.ALL, photos(dir), pngs, dir.resolve("gallery.md"));
        BufferedImage sheet = ImageIO.read(pngs.resolve("RandomFlip.png").toFile());
        Color first = new Color(sheet.getRGB(5, LayerGallery.TILE_HEIGHT / 2));
        Color second = new Color(sheet.getRGB(5, LayerGallery.TILE_HEIGHT + LayerGallery.GAP
                + LayerGallery.TILE_HEIGHT / 2));
        assertTrue(first.getRed() > 200 && first.getBlue() < 60, "row 1 is the red photo: " + first);
        assertTrue(second.getBlue() > 200 && second.getRed() < 60, "row 2 is the blue photo: " + second);
    }

    @Test
    void refusesEntriesThatLeaveARegisteredLayerOut(@TempDir Path dir) throws Exception {
        List<GalleryEntry> entries = new ArrayList<>(GalleryEntry.ALL);
        GalleryEntry removed = entries.remove(entries.size() - 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LayerGallery.write(entries, photos(dir), dir.resolve("gallery"), dir.resolve("gallery.md")));
        assertTrue(e.getMessage().contains(removed.className()), e.getMessage());
        assertTrue(Files.notExists(dir.resolve("gallery")), "nothing is written");
    }

    @Test
    void refusesAnEntryOfNoRegisteredLayerAndTwoEntriesOfOne() {
        List<GalleryEntry> unknown = new ArrayList<>(GalleryEntry.ALL);
        unknown.add(new GalleryEntry("RandomPerspectiveOfNoKind", "{}", "none"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LayerGallery.checkCoverage(unknown))
                .getMessage().contains("RandomPerspectiveOfNoKind"));
        List<GalleryEntry> twice = new ArrayList<>(GalleryEntry.ALL);
        twice.add(GalleryEntry.ALL.get(0));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LayerGallery.checkCoverage(twice))
                .getMessage().contains("two gallery entries for " + GalleryEntry.ALL.get(0).className()));
    }

    @Test
    void mapsTheDisplayRangeToBlackAndWhiteClipped() {
        assertEquals(0, Tile.level(-3, -2, 2));
        assertEquals(128, Tile.level(0, -2, 2));
        assertEquals(255, Tile.level(1, 0, 1));
        assertEquals(255, Tile.level(300, 0, 255));
    }

    @Test
    void refusesTooFewPhotos(@TempDir Path dir) throws Exception {
        jpeg(dir, "only.jpg", Color.RED);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LayerGallery.write(GalleryEntry.ALL, dir, dir.resolve("g"), dir.resolve("g.md")));
        assertTrue(e.getMessage().contains("at least two .jpg files"), e.getMessage());
    }
}
