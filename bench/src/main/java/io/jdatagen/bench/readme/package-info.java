/**
 * The README's two pictures, drawn from committed inputs by {@code docs/images/refresh.sh}: the
 * augmentation preview grid of the photos under {@code docs/images/photos/}
 * ({@link io.jdatagen.bench.readme.ReadmePreview}) and the bar chart of the warp-scaling report's
 * figures that the README quotes ({@link io.jdatagen.bench.readme.ReadmeChart}).
 */
package io.jdatagen.bench.readme;
