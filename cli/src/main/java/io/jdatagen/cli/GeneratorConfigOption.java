package io.jdatagen.cli;

import io.jdatagen.image.ImageDataGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import picocli.CommandLine.Option;

/** The {@code --config} option: an {@link ImageDataGenerator} from Keras-style JSON. */
final class GeneratorConfigOption {
    @Option(names = "--config", paramLabel = "FILE",
            description = "ImageDataGenerator config as JSON: Keras's constructor arguments in snake_case (a Keras"
                    + " config loads as is) plus jdatagen's own keys (those that getConfig of ImageDataGenerator"
                    + " writes).")
    Path config;

    /**
     * The generator the commands use without {@code --config}: the headline augmentation
     * (rotation ±15°, shifts ±10%, zoom 0.9–1.1, horizontal flips) with rescale 1/255 and
     * featurewise centring and std normalization.
     */
    static ImageDataGenerator representative() {
        return ImageDataGenerator.builder().rotationRange(15).widthShiftRange(0.1).heightShiftRange(0.1)
                .zoomRange(0.1).horizontalFlip(true).rescale(1 / 255.0).featurewiseCenter(true)
                .featurewiseStdNormalization(true).build();
    }

    /** The generator from {@code --config}, or {@link #representative()}; see {@link #generator(Supplier)}. */
    ImageDataGenerator generator() {
        return generator(GeneratorConfigOption::representative);
    }

    /**
     * The generator from {@code --config}, or {@code fallback}'s when none was given.
     *
     * @throws IllegalArgumentException naming the file when it cannot be read or holds an invalid config
     */
    ImageDataGenerator generator(Supplier<ImageDataGenerator> fallback) {
        if (config == null) {
            return fallback.get();
        }
        String json;
        try {
            json = Files.readString(config);
        } catch (IOException e) {
            throw new IllegalArgumentException("--config " + config + ": cannot read the file (" + e + ")", e);
        }
        try {
            return ImageDataGenerator.fromJson(json);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--config " + config + ": " + e.getMessage(), e);
        }
    }
}
