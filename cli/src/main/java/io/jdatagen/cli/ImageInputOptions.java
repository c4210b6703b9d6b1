package io.jdatagen.cli;

import io.jdatagen.io.ColorMode;
import io.jdatagen.io.ImageCodecs;
import io.jdatagen.io.ImageFileReader;
import io.jdatagen.io.ResizeFilter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** How {@code preview} and {@code augment} load images: size, color mode, resize filter. */
final class ImageInputOptions {
    @Option(names = "--target-size", paramLabel = "HxW", converter = ImageSize.Converter.class,
            description = "Resize every image to HEIGHTxWIDTH when loading it (default: keep each image's size;"
                    + " preview bounds it by --cell-size).")
    ImageSize targetSize;

    @Option(names = "--color-mode", paramLabel = "MODE", defaultValue = "rgb",
            description = "Color mode images are loaded in: grayscale, rgb or rgba (default: ${DEFAULT-VALUE}).")
    String colorMode;

    @Option(names = "--interpolation", paramLabel = "FILTER", defaultValue = "bilinear",
            description = "Resize filter: nearest, bilinear, bicubic, lanczos, box or hamming, as Pillow defines them"
                    + " (default: ${DEFAULT-VALUE}).")
    String interpolation;

    @Option(names = "--reduced-decode",
            description = "With --target-size, let the opencv codec decode JPEGs at 1/2, 1/4 or 1/8 scale when both"
                    + " sides stay at least the target's larger side: faster on large photos, but the pixels are no"
                    + " longer Keras's (Pillow decodes in full, then resizes). Off by default.")
    boolean reducedDecode;

    /**
     * The loader these options describe, on the selected codec, with EXIF orientation applied.
     *
     * @throws IllegalArgumentException naming an unknown color mode or filter
     * @throws ParameterException naming {@code --target-size} when no image of that size could be loaded
     */
    ImageFileReader loader(CommandSpec spec) {
        ColorMode mode = ColorMode.fromName(colorMode);
        ResizeFilter filter = ResizeFilter.fromName(interpolation);
        try {
            return new ImageFileReader(ImageCodecs.current(), mode, targetSize == null ? null : targetSize.toArray(),
                    filter, false, true, reducedDecode);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--target-size " + targetSize + ": " + e.getMessage(), e);
        }
    }
}
