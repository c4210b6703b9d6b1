package io.jdatagen.cli;

import io.jdatagen.io.ColorMode;
import io.jdatagen.io.ImageCodecs;
import io.jdatagen.io.ImageFileReader;
import io.jdatagen.io.ResizeFilter;
import picocli.CommandLine.Option;

/** How {@code preview} and {@code augment} load images: size, color mode, resize filter. */
final class ImageInputOptions {
    @Option(names = "--target-size", paramLabel = "HxW", converter = ImageSize.Converter.class,
            description = "Resize every image to HEIGHTxWIDTH when loading it (default: keep each image's size).")
    ImageSize targetSize;

    @Option(names = "--color-mode", paramLabel = "MODE", defaultValue = "rgb",
            description = "Color mode images are loaded in: grayscale, rgb or rgba (default: ${DEFAULT-VALUE}).")
    String colorMode;

    @Option(names = "--interpolation", paramLabel = "FILTER", defaultValue = "bilinear",
            description = "Resize filter: nearest, bilinear, bicubic, lanczos, box or hamming, as Pillow defines them"
                    + " (default: ${DEFAULT-VALUE}).")
    String interpolation;

    /**
     * The loader these options describe, on the selected codec, with EXIF orientation applied.
     *
     * @throws IllegalArgumentException naming an unknown color mode or filter
     */
    ImageFileReader loader() {
        return new ImageFileReader(ImageCodecs.current(), ColorMode.fromName(colorMode),
                targetSize == null ? null : targetSize.toArray(),
                ResizeFilter.fromName(interpolation), false, true, true);
    }
}
