package io.jdatagen.cli;

import io.jdatagen.layers.KerasPipeline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The {@code --keras-config} and {@code --keras-mode} options: a {@link KerasPipeline} of Keras 3 layers from
 * Keras's JSON, fused or run layer by layer.
 */
final class KerasConfigOption {
    @Option(names = "--keras-config", paramLabel = "FILE",
            description = "Keras 3 augmentation layers in the JSON Keras writes for a Sequential model or a Pipeline"
                    + " layer, or a JSON list of serialized layers. Not with --config.")
    Path file;

    @Option(names = "--keras-mode", paramLabel = "MODE", defaultValue = "fused",
            description = "How the --keras-config layers resample: fused (consecutive geometric layers in one warp)"
                    + " or keras_reference (each geometric layer resamples again, as Keras 3 does) (default:"
                    + " ${DEFAULT-VALUE}).")
    String mode;

    /** {@return whether {@code --keras-config} was given} */
    boolean given() {
        return file != null;
    }

    /**
     * Throws a usage error when both {@code --config} ({@code generatorConfig} not null) and
     * {@code --keras-config} were given, or {@code --keras-mode} without {@code --keras-config}.
     *
     * @throws ParameterException naming the options
     */
    void checkAlone(CommandSpec spec, Path generatorConfig) {
        if (given() && generatorConfig != null) {
            throw new ParameterException(spec.commandLine(), "--config and --keras-config cannot be used together:"
                    + " give an ImageDataGenerator config or Keras 3 layers");
        }
        if (!given() && spec.commandLine().getParseResult().hasMatchedOption("--keras-mode")) {
            throw new ParameterException(spec.commandLine(), "--keras-mode needs --keras-config");
        }
    }

    /**
     * The pipeline of {@code --keras-config}, in the {@code --keras-mode}.
     *
     * @throws ParameterException for a {@code --keras-mode} other than fused and keras_reference
     * @throws IllegalArgumentException naming the file when it cannot be read or holds an invalid config
     */
    KerasPipeline pipeline(CommandSpec spec) {
        KerasPipeline.Mode resampling = mode(spec);
        String json;
        try {
            json = Files.readString(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("--keras-config " + file + ": cannot read the file (" + e + ")", e);
        }
        try {
            return KerasPipeline.builder().json(json).mode(resampling).build();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--keras-config " + file + ": " + e.getMessage(), e);
        }
    }

    private KerasPipeline.Mode mode(CommandSpec spec) {
        return switch (mode.toLowerCase(Locale.ROOT)) {
            case "fused" -> KerasPipeline.Mode.FUSED;
            case "keras_reference" -> KerasPipeline.Mode.KERAS_REFERENCE;
            default -> throw new ParameterException(spec.commandLine(),
                    "--keras-mode must be fused or keras_reference; got: " + mode);
        };
    }
}
