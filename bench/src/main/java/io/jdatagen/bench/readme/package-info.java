/**
 * The README's pictures, drawn from committed inputs by {@code docs/images/refresh.sh}: the
 * augmentation preview grid of the photos under {@code docs/images/photos/}
 * ({@link io.jdatagen.bench.readme.ReadmePreview}), the bar chart of the warp-scaling report's
 * figures that the README quotes ({@link io.jdatagen.bench.readme.ReadmeChart}), and the gallery of the
 * Keras 3 layers, {@code docs/gallery.md} with one PNG per layer ({@link io.jdatagen.bench.readme.LayerGallery}).
 */
package io.jdatagen.bench.readme;
