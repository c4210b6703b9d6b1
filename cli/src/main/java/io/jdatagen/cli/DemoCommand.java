package io.jdatagen.cli;

import io.jdatagen.core.Tensor;
import io.jdatagen.data.Batch;
import io.jdatagen.data.Loader;
import io.jdatagen.flow.CacheOptions;
import io.jdatagen.flow.DirectoryFlowOptions;
import io.jdatagen.flow.FileFlow;
import io.jdatagen.flow.FlowOptions;
import io.jdatagen.image.ImageDataGenerator;
import io.jdatagen.io.ColorMode;
import io.jdatagen.io.ImageCodecs;
import io.jdatagen.io.ImageFileReader;
import io.jdatagen.io.ResizeFilter;
import io.jdatagen.spi.Backends;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code jdatagen demo}: a labelled folder (generated, or given) through
 * {@code flowFromDirectory} and the parallel loader for a few epochs, with a progress bar, then
 * the throughput, the backend in use and a preview grid.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs the data pipeline end to end: generates a small labelled image dataset (or uses"
                + " --data), streams it through flowFromDirectory with augmentation on parallel workers for a few"
                + " epochs, prints images/s and the backend in use, and writes a preview grid PNG.",
            "Without --config the augmentation is rotation by up to 15°, shifts by up to 10%%, zoom by 0.9 to 1.1,"
                + " horizontal flips, rescale by 1/255 and featurewise centring and std normalization (fitted on up"
                + " to 64 images).",
            "An image file under --data that cannot be read is skipped and named on stderr at the end.",
            "With --cache or --cache-file each image is decoded once and later epochs only augment; the cache's"
                + " counts are printed after the rates."},
        exitCodeListHeading = ExitStatus.HEADING,
        exitCodeList = {ExitStatus.OK_HELP, ExitStatus.FAILED_HELP, ExitStatus.USAGE_HELP})
final class DemoCommand implements Callable<Integer> {
    private static final int FIT_IMAGES = 64;

    @Spec
    private CommandSpec spec;

    @Mixin
    private GeneratorConfigOption config;

    @Mixin
    private CacheOption cache;

    @Option(names = "--data", paramLabel = "DIR",
            description = "A labelled image folder, one sub-folder per class (default: a sample dataset generated"
                    + " into a temporary folder).")
    private Path data;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Folder for preview.png (default: a new temporary folder).")
    private Path out;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "3",
            description = "Epochs to stream (default: ${DEFAULT-VALUE}).")
    private int epochs;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "32",
            description = "Images per batch (default: ${DEFAULT-VALUE}).")
    private int batchSize;

    @Option(names = "--workers", paramLabel = "N",
            description = "Loader threads computing batches ahead (default: the number of processors).")
    private int workers = Runtime.getRuntime().availableProcessors();

    @Option(names = "--target-size", paramLabel = "HxW", defaultValue = "96x96", converter = ImageSize.Converter.class,
            description = "Size images are loaded at, HEIGHTxWIDTH (default: ${DEFAULT-VALUE}).")
    private ImageSize targetSize;

    @Option(names = "--classes", paramLabel = "N", defaultValue = "3",
            description = "Classes of the generated dataset, 1 to 5 (default: ${DEFAULT-VALUE}).")
    private int classes;

    @Option(names = "--images-per-class", paramLabel = "N", defaultValue = "64",
            description = "Images per class of the generated dataset (default: ${DEFAULT-VALUE}).")
    private int perClass;

    @Option(names = "--keep",
            description = "Keep the generated dataset (it is deleted at the end by default; --data is never touched).")
    private boolean keep;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
            description = "Seed of the generated data, shuffles and augmentation (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Override
    public Integer call() throws IOException {
        OptionChecks.atLeast(spec, "--epochs", epochs, 1);
        OptionChecks.atLeast(spec, "--batch-size", batchSize, 1);
        OptionChecks.atLeast(spec, "--workers", workers, 1);
        OptionChecks.atLeast(spec, "--images-per-class", perClass, 1);
        if (classes < 1 || classes > SampleDataset.CLASSES.size()) {
            throw new ParameterException(spec.commandLine(), "--classes must be 1 to " + SampleDataset.CLASSES.size()
                    + "; got: " + classes);
        }
        ImageDataGenerator generator = config.generator();
        checkBatchSize(generator);
        PrintWriter stdout = spec.commandLine().getOut();
        Path generated = null;
        Path dataDir = data;
        if (dataDir == null) {
            generated = Files.createTempDirectory("jdatagen-demo-data");
            dataDir = generated;
            int n = SampleDataset.write(dataDir, classes, perClass, Math.max(targetSize.height(), targetSize.width()), seed);
            stdout.println("Generated " + n + " JPEG images of " + classes + " shape classes in " + dataDir
                    + (keep ? " (kept)" : " (deleted at the end; --keep keeps it)"));
        }
        UnreadableFiles unreadable = new UnreadableFiles("demo");
        try {
            run(generator, dataDir, stdout, unreadable);
        } finally {
            if (generated != null && !keep) {
                deleteTree(generated);
            }
        }
        return unreadable.report(spec.commandLine().getErr());
    }

    /**
     * Refuses, before any data is generated, a batch that cannot exist: {@code --batch-size} RGB images of
     * the batch's size (the config's resize, else {@code --target-size}) in one Java array.
     */
    private void checkBatchSize(ImageDataGenerator generator) {
        int[] size = generator.resizeTarget() != null ? generator.resizeTarget() : targetSize.toArray();
        long perImage = (long) size[0] * size[1] * 3;
        long max = Tensor.MAX_ELEMENTS / perImage;
        if (batchSize > max) {
            throw new ParameterException(spec.commandLine(), "--batch-size must be in [1, " + max + "] for " + size[0]
                    + "x" + size[1] + " RGB images (one batch is one Java array of at most " + Tensor.MAX_ELEMENTS
                    + " values); got: " + batchSize + (max == 0 ? "; choose a smaller --target-size" : ""));
        }
    }

    private void run(ImageDataGenerator generator, Path dataDir, PrintWriter stdout, UnreadableFiles unreadable)
            throws IOException {
        DirectoryFlowOptions options = FlowOptions.directory().targetSize(targetSize.height(), targetSize.width())
                .interpolation("bilinear").batchSize(batchSize).seed(seed).skipUnreadable(true);
        CacheOptions cached = cache.options();
        if (cached != null) {
            options.cache(cached);
        }
        try (FileFlow flow = generator.flowFromDirectory(dataDir, options)) {
            stream(generator, flow, stdout, unreadable);
        }
    }

    /** Fits, streams the epochs, reports the rates (and the cache's counts) and writes the preview. */
    private void stream(ImageDataGenerator generator, FileFlow flow, PrintWriter stdout, UnreadableFiles unreadable)
            throws IOException {
        stdout.println(flow.summary());
        stdout.flush();
        unreadable.skipAll(flow.skippedFiles(), new ImageFileReader(ImageCodecs.current(), ColorMode.RGB,
                targetSize.toArray(), ResizeFilter.BILINEAR, false, true, false));
        fitIfNeeded(generator, flow, stdout);
        stdout.println("Backend: " + generator.backend().name() + "; codec: " + ImageCodecs.current().name()
                + "; workers: " + workers);
        stdout.flush();

        long[] epochEnds = new long[epochs];
        long images = 0;
        long start = System.nanoTime();
        try (Loader<Batch> loader = Loader.of(flow, workers, (int) Math.min(Integer.MAX_VALUE, 2L * workers), epochs);
                Progress progress = Progress.start("demo", (long) epochs * flow.size(), "batches",
                        spec.commandLine().getErr())) {
            for (Batch b : loader) {
                images += b.size();
                if (images % flow.samples() == 0) {
                    epochEnds[(int) (images / flow.samples()) - 1] = System.nanoTime();
                }
                progress.step(1);
            }
        }
        stdout.print(Throughput.report(flow.samples(), Arrays.toString(flow.imageShape()), start, epochEnds));
        flow.cacheStatistics().ifPresent(c -> stdout.println("Cache: " + c));
        if (generator.backend() == Backends.current()) {
            Backends.warmStart().ifPresent(state -> stdout.println("Backend " + state));
        }
        Path outDir = out != null ? Files.createDirectories(out) : Files.createTempDirectory("jdatagen-demo");
        Path png = generator.preview(flow, 4, outDir, 5, seed);
        stdout.println("Preview (each row: the original, then 5 augmentations): " + png.toAbsolutePath());
        stdout.flush();
    }

    /** Deletes {@code dir} and everything under it. */
    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** Fits the featurewise statistics (and ZCA) on up to 64 images of the flow when the generator uses them. */
    private static void fitIfNeeded(ImageDataGenerator generator, FileFlow flow, PrintWriter stdout) {
        if (!generator.featurewiseCenter() && !generator.featurewiseStdNormalization() && !generator.zcaWhitening()) {
            return;
        }
        int n = Math.min(FIT_IMAGES, flow.samples());
        int[] shape = flow.imageShape();
        Tensor sample = Tensor.zeros(n, shape[0], shape[1], shape[2]);
        for (int i = 0; i < n; i++) {
            sample.setItem(i, flow.image(i).toSource().toTensor(generator.dataFormat()));
        }
        generator.fit(sample);
        stdout.println("Fitted the featurewise statistics on " + n + " images");
    }
}
