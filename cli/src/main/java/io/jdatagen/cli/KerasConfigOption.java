package io.jdatagen.cli;

import io.jdatagen.layers.KerasPipeline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --keras-config} option: a {@link KerasPipeline} of Keras 3 layers from Keras's JSON. */
final class KerasConfigOption {
    @Option(names = "--keras-config", paramLabel = "FILE",
            description = "Keras 3 augmentation layers in the JSON Keras writes for a Sequential model or a Pipeline"
                    + " layer, or a JSON list of serialized layers; the layers run in jdatagen's fused mode. Not with"
                    + " --config.")
    Path file;

    /** {@return whether {@code --keras-config} was given} */
    boolean given() {
        return file != null;
    }

    /**
     * The pipeline of {@code --keras-config}.
     *
     * @throws IllegalArgumentException naming the file when it cannot be read or holds an invalid config
     */
    KerasPipeline pipeline() {
        String json;
        try {
            json = Files.readString(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("--keras-config " + file + ": cannot read the file (" + e + ")", e);
        }
        try {
            return KerasPipeline.fromJson(json);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--keras-config " + file + ": " + e.getMessage(), e);
        }
    }
}
