package io.jdatagen.cli;

import io.jdatagen.image.ImageDataGenerator;
import io.jdatagen.image.PreviewGrid;
import io.jdatagen.io.ImageFileReader;
import io.jdatagen.spi.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jdatagen preview}: a grid PNG of images of a folder and random augmentations of each. */
@Command(name = "preview", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Writes preview.png: one row per image (taken evenly from the images under DIR), the"
                + " original first, then random augmentations by the configured generator (before"
                + " standardization, pixel values clamped to 0-255).",
            "Without --config the augmentation is the demo's (see jdatagen demo --help)."})
final class PreviewCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR",
            description = "Folder of images, searched recursively for png, jpg, jpeg, bmp, ppm, tif and tiff files.")
    private Path dir;

    @Mixin
    private GeneratorConfigOption config;

    @Mixin
    private ImageInputOptions input;

    @Option(names = "--rows", paramLabel = "N", defaultValue = "4",
            description = "Images shown, one per row (default: ${DEFAULT-VALUE}).")
    private int rows;

    @Option(names = "--copies", paramLabel = "N", defaultValue = "5",
            description = "Augmented copies next to each original (default: ${DEFAULT-VALUE}).")
    private int copies;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
            description = "Seed of the random augmentations (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = ".",
            description = "Folder to write preview.png into (default: the current folder).")
    private Path out;

    @Override
    public Integer call() throws IOException {
        OptionChecks.atLeast(spec, "--rows", rows, 1);
        OptionChecks.atLeast(spec, "--copies", copies, 0);
        List<Path> files = ImageFolder.images(dir);
        ImageDataGenerator generator = config.generator();
        ImageFileReader loader = input.loader();
        List<Tensor> images = new ArrayList<>();
        for (int i : PreviewGrid.spread(files.size(), rows)) {
            images.add(loader.load(files.get(i)).toSource().toTensor(generator.dataFormat()));
        }
        Path png = generator.preview(images, Files.createDirectories(out), copies, seed);
        spec.commandLine().getOut().println("Wrote " + png + " (" + images.size() + " rows of 1 original + " + copies
                + " augmented copies, from " + files.size() + " images under " + dir + ")");
        return 0;
    }
}
