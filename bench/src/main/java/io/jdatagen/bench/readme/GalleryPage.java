package io.jdatagen.bench.readme;

import java.util.Locale;

/** The text of {@code docs/gallery.md}: an introduction, then a section per layer. */
final class GalleryPage {
    private final StringBuilder text = new StringBuilder();
    private final StringBuilder sections = new StringBuilder();
    private final StringBuilder index = new StringBuilder();

    /**
     * Starts the page.
     *
     * @param photos the photos' names, as the introduction names them
     */
    GalleryPage(String photos) {
        text.append("# Gallery of the Keras 3 layers\n\n")
                .append("Each Keras 3 image layer that `io.jdatagen.layers` runs (`KerasLayers.classNames()`), on the"
                        + " same two photos (").append(photos).append(", ").append(LayerGallery.TILE_WIDTH)
                .append(" × ").append(LayerGallery.TILE_HEIGHT).append("). Each row is a photo, then ")
                .append(LayerGallery.DRAWS).append(" draws of the layer (epochs 0 to ").append(LayerGallery.DRAWS - 1)
                .append(" of seed ").append(LayerGallery.SEED).append("). The two photos go through as one batch,"
                        + " so MixUp and CutMix mix them with each other. An output smaller than the photo (a crop,"
                        + " a resize) is drawn at its size on gray. The config is the layer's `getConfig()`, what"
                        + " Keras's `get_config()` writes for it; `KerasLayers.fromConfig` and `KerasPipeline.fromJson`"
                        + " read it.\n\n")
                .append("Drawn by `bench`'s `io.jdatagen.bench.readme.LayerGallery` (run by `docs/images/refresh.sh`)"
                        + " from the code, on the reference backend: the pictures change only when a layer does.\n");
    }

    /**
     * Adds a layer's section.
     *
     * @param config the layer's config as indented JSON
     * @param png the layer's picture, relative to the page
     */
    void add(GalleryEntry entry, String config, String png) {
        index.append(index.length() == 0 ? "\nLayers: " : ", ").append('[').append(entry.className()).append("](#")
                .append(entry.className().toLowerCase(Locale.ROOT)).append(')');
        sections.append("\n## ").append(entry.className()).append("\n\n")
                .append(entry.description()).append("\n\n")
                .append("![").append(entry.className()).append(" on the two photos](").append(png).append(")\n\n")
                .append("```json\n").append(config).append("\n```\n");
    }

    /** {@return the page so far: the introduction, an index of the layers linking their sections, the sections} */
    String text() {
        return text + (index.length() == 0 ? "" : index + ".\n") + sections;
    }
}
