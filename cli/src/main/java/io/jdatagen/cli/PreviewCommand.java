package io.jdatagen.cli;

import io.jdatagen.core.DataFormat;
import io.jdatagen.core.Tensor;
import io.jdatagen.image.ImageDataGenerator;
import io.jdatagen.image.PreviewGrid;
import io.jdatagen.io.ByteImage;
import io.jdatagen.io.ImageFileReader;
import io.jdatagen.io.ImageReadException;
import io.jdatagen.io.ResizeFilter;
import io.jdatagen.layers.KerasPipeline;
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

/**
 * {@code jdatagen preview}: a grid PNG of images of a folder and random augmentations of each, by an
 * {@code ImageDataGenerator} ({@code --config}) or by Keras 3 layers ({@code --keras-config}).
 */
@Command(name = "preview", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Writes preview.png: one row per image (taken evenly from the images under DIR), the"
                + " original first, then random augmentations by the configured generator (before"
                + " standardization, pixel values clamped to 0-255).",
            "Without --target-size each image is shrunk, keeping its aspect ratio, to at most --cell-size pixels on"
                + " its longer side.",
            "An image file that cannot be read is skipped (the next one in folder order takes its row) and named on"
                + " stderr at the end.",
            "Without --config the augmentation is the demo's (see jdatagen demo --help); with --keras-config it is"
                + " the Keras 3 layers of that file."},
        exitCodeListHeading = ExitStatus.HEADING,
        exitCodeList = {ExitStatus.OK_HELP, ExitStatus.FAILED_HELP, ExitStatus.USAGE_HELP})
final class PreviewCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR",
            description = "Folder of images, searched recursively for png, jpg, jpeg, bmp, ppm, tif and tiff files.")
    private Path dir;

    @Mixin
    private GeneratorConfigOption config;

    @Mixin
    private KerasConfigOption keras;

    @Mixin
    private ImageInputOptions input;

    @Option(names = "--rows", paramLabel = "N", defaultValue = "4",
            description = "Images shown, one per row (default: ${DEFAULT-VALUE}).")
    private int rows;

    @Option(names = "--copies", paramLabel = "N", defaultValue = "5",
            description = "Augmented copies next to each original (default: ${DEFAULT-VALUE}).")
    private int copies;

    @Option(names = "--cell-size", paramLabel = "N", defaultValue = "" + CellFit.DEFAULT_MAX_SIDE,
            description = "Without --target-size, the longest side in pixels an image is shown at; larger images are"
                    + " shrunk keeping their aspect ratio, 0 shows every image at its own size (default:"
                    + " ${DEFAULT-VALUE}).")
    private int cellSize;

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
        OptionChecks.atLeast(spec, "--cell-size", cellSize, 0);
        keras.checkAlone(spec, config.config);
        List<Path> files = ImageFolder.images(dir);
        KerasPipeline layers = keras.given() ? keras.pipeline(spec) : null;
        ImageDataGenerator generator = layers == null ? config.generator() : null;
        DataFormat format = layers != null ? layers.dataFormat() : generator.dataFormat();
        ImageFileReader loader = input.loader(spec);
        ResizeFilter filter = ResizeFilter.fromName(input.interpolation);
        UnreadableFiles unreadable = new UnreadableFiles("preview");
        boolean[] tried = new boolean[files.size()];
        List<Tensor> images = new ArrayList<>();
        for (int i : PreviewGrid.spread(files.size(), rows)) {
            for (int j = i; j < files.size(); j++) {
                if (tried[j]) {
                    continue;
                }
                tried[j] = true;
                try {
                    ByteImage image = loader.load(files.get(j));
                    if (input.targetSize == null) {
                        image = CellFit.fit(image, cellSize, filter);
                    }
                    images.add(image.toSource().toTensor(format));
                    break;
                } catch (ImageReadException e) {
                    unreadable.skip(e);
                }
            }
        }
        if (images.isEmpty()) {
            unreadable.report(spec.commandLine().getErr());
            throw new IllegalArgumentException("DIR " + dir + ": none of its " + files.size()
                    + " image files could be read");
        }
        Path folder = Files.createDirectories(out);
        Path png = layers == null ? generator.preview(images, folder, copies, seed)
                : PreviewGrid.write(format, layers::transformImage, images, copies, seed, folder.resolve("preview.png"));
        spec.commandLine().getOut().println("Wrote " + png + " (" + images.size() + " rows of 1 original + " + copies
                + " augmented copies, from " + files.size() + " images under " + dir + ")");
        spec.commandLine().getOut().flush();
        return unreadable.report(spec.commandLine().getErr());
    }
}
