package io.jdatagen.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jdatagen.core.DataFormat;
import io.jdatagen.core.Tensor;
import io.jdatagen.data.RandomKeys;
import io.jdatagen.io.ImageFileReader;
import io.jdatagen.io.ImageReadException;
import io.jdatagen.io.ImageWriter;
import io.jdatagen.shards.ShardWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jdatagen augment}: offline augmentation. Copy {@code k} of the {@code i}-th image (walk
 * order) draws from the stream keyed by ({@code seed}, {@code k}, {@code i}), so the output does
 * not depend on the number of workers.
 */
@Command(name = "augment", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Writes N randomly augmented copies of every image under DIR to OUT, keeping the folder"
                + " structure:",
            "  DIR/a/x.jpg gives OUT/a/x_1.png ... OUT/a/x_N.png.",
            "The generator's augmentation steps run (geometry, flips, channel shift, brightness, contrast, noise);"
                + " its standardization steps (rescale, centring, normalization, ZCA) belong to training and are not"
                + " applied. Pixel values are rounded and clamped to 0-255.",
            "With --shard-size SIZE the copies go into WebDataset tar shards instead:",
            "  OUT/shard-000000.tar, OUT/shard-000001.tar, ... each at most SIZE;",
            "  copy k of DIR/a/x.jpg is the sample a/x_k: a/x_k.png and a/x_k.json",
            "  holding {\"label\": \"a\"} (DIR/a/x.y.jpg gives a/x_y_k);",
            "  OUT/shards.json indexes them (each shard's name, size, samples and labels),",
            "  so that a flow over them reads the index instead of every shard first.",
            "An image file that cannot be read is skipped and named on stderr at the end.",
            "Without --config the augmentation is the demo's (see jdatagen demo --help); with --keras-config it is"
                + " the Keras 3 layers of that file, which must write pixels: no batch layer (MixUp, CutMix) and no"
                + " layer that makes values fractional (Rescaling, Normalization)."},
        exitCodeListHeading = ExitStatus.HEADING,
        exitCodeList = {ExitStatus.OK_HELP, ExitStatus.FAILED_HELP, ExitStatus.USAGE_HELP})
final class AugmentCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR",
            description = "Folder of images, searched recursively for png, jpg, jpeg, bmp, ppm, tif and tiff files.")
    private Path dir;

    @Parameters(index = "1", paramLabel = "OUT", description = "Folder to write the copies to (created if needed).")
    private Path out;

    @Mixin
    private GeneratorConfigOption config;

    @Mixin
    private KerasConfigOption keras;

    @Mixin
    private ImageInputOptions input;

    @Option(names = "--copies", paramLabel = "N", defaultValue = "1",
            description = "Augmented copies per image (default: ${DEFAULT-VALUE}).")
    private int copies;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0",
            description = "Seed of the random augmentations (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "png",
            description = "Output format: png, jpg, bmp, gif or tiff (default: ${DEFAULT-VALUE}).")
    private String format;

    @Option(names = "--workers", paramLabel = "N",
            description = "Threads (default: the number of processors).")
    private int workers = Runtime.getRuntime().availableProcessors();

    @Option(names = "--shard-size", paramLabel = "SIZE",
            description = "Write WebDataset tar shards of at most SIZE (e.g. 256MB, 1GiB) instead of image files;"
                + " samples follow the walk order, copies in order, and the same input, seed and options give the"
                + " same bytes whatever the number of workers.")
    private String shardSize;

    @Override
    public Integer call() throws Exception {
        OptionChecks.atLeast(spec, "--copies", copies, 1);
        OptionChecks.atLeast(spec, "--workers", workers, 1);
        String fmt = format.toLowerCase(Locale.ROOT);
        if (!ImageIO.getImageWritersByFormatName(fmt).hasNext()) {
            throw new ParameterException(spec.commandLine(), "--format must be one of png, jpg, bmp, gif, tiff; got: "
                    + format);
        }
        keras.checkAlone(spec, config.config);
        long shardBytes = 0;
        if (shardSize != null) {
            try {
                shardBytes = ByteSize.parse(shardSize);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--shard-size: " + e.getMessage());
            }
            OptionChecks.atLeast(spec, "--shard-size", shardBytes, 1024);
        }
        List<Path> files = ImageFolder.images(dir);
        CopyTransform transform = keras.given() ? CopyTransform.of(keras.pipeline(spec), keras.file)
                : CopyTransform.of(config.generator());
        ImageFileReader loader = input.loader(spec);
        PrintWriter stdout = spec.commandLine().getOut();
        UnreadableFiles unreadable = new UnreadableFiles("augment");
        if (shardSize != null) {
            return writeShards(files, transform, loader, fmt, shardBytes, unreadable);
        }
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "jdatagen-augment");
            t.setDaemon(true);
            return t;
        });
        try (Progress progress = Progress.start("augment", (long) files.size() * copies, "images",
                spec.commandLine().getErr())) {
            List<Future<?>> tasks = new ArrayList<>();
            for (int i = 0; i < files.size(); i++) {
                int index = i;
                tasks.add(pool.submit(() -> {
                    augment(transform, loader, index, files.get(index), fmt);
                    progress.step(copies);
                    return null;
                }));
            }
            for (Future<?> task : tasks) {
                try {
                    task.get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof ImageReadException skippedFile)) {
                        throw e.getCause() instanceof Exception cause ? cause : e;
                    }
                    unreadable.skip(skippedFile);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        int written = files.size() - unreadable.count();
        stdout.println("Wrote " + (long) written * copies + " images (" + copies + " per image, " + written
                + " images under " + dir + ") to " + out);
        stdout.flush();
        return unreadable.report(spec.commandLine().getErr());
    }

    /**
     * Writes the copies as WebDataset shards: the images are augmented and encoded on the workers, at most
     * {@code 4 * workers} images ahead, and written by this thread in walk order.
     */
    private int writeShards(List<Path> files, CopyTransform transform, ImageFileReader loader, String fmt,
            long shardBytes, UnreadableFiles unreadable) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "jdatagen-augment");
            t.setDaemon(true);
            return t;
        });
        List<Path> shards;
        try (Progress progress = Progress.start("augment", (long) files.size() * copies, "images",
                spec.commandLine().getErr()); ShardWriter writer = new ShardWriter(out, shardBytes)) {
            ArrayDeque<Future<List<byte[]>>> ahead = new ArrayDeque<>();
            int next = 0;
            for (int i = 0; i < files.size(); i++) {
                while (next < files.size() && next < i + 4 * workers) {
                    int index = next++;
                    ahead.add(pool.submit(() -> encoded(transform, loader, index, files.get(index), fmt)));
                }
                Future<List<byte[]>> task = ahead.poll();
                try {
                    write(writer, files.get(i), task.get(), fmt);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof ImageReadException skippedFile)) {
                        throw e.getCause() instanceof Exception cause ? cause : e;
                    }
                    unreadable.skip(skippedFile);
                }
                progress.step(copies);
            }
            shards = writer.shards();
        } finally {
            pool.shutdownNow();
        }
        int written = files.size() - unreadable.count();
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println("Wrote " + (long) written * copies + " images (" + copies + " per image, " + written
                + " images under " + dir + ") to " + shards.size() + " tar shard(s) in " + out);
        stdout.flush();
        return unreadable.report(spec.commandLine().getErr());
    }

    /** The copies of image {@code index}, encoded in {@code fmt}. */
    private List<byte[]> encoded(CopyTransform transform, ImageFileReader loader, int index, Path file,
            String fmt) {
        DataFormat layout = transform.format();
        Tensor image = loader.load(file).toSource().toTensor(layout);
        List<byte[]> out = new ArrayList<>(copies);
        for (int k = 1; k <= copies; k++) {
            Tensor augmented = transform.apply(image, RandomKeys.forSample(seed, k, index));
            out.add(ImageWriter.encode(ImageWriter.toPixels(augmented, layout), fmt));
        }
        return out;
    }

    /** Writes the copies of {@code file} as samples {@code a/x_1}, {@code a/x_2}, ... */
    private void write(ShardWriter writer, Path file, List<byte[]> encoded, String fmt) throws IOException {
        Path relative = dir.relativize(file);
        String name = relative.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = (dot > 0 ? name.substring(0, dot) : name).replace('.', '_');
        StringBuilder folder = new StringBuilder();
        for (int i = 0; i < relative.getNameCount() - 1; i++) {
            folder.append(relative.getName(i)).append('/');
        }
        byte[] label = relative.getNameCount() < 2 ? null
                : JSON.writeValueAsBytes(Map.of("label", relative.getName(0).toString()));
        for (int k = 1; k <= encoded.size(); k++) {
            Map<String, byte[]> members = new LinkedHashMap<>();
            members.put(fmt, encoded.get(k - 1));
            if (label != null) {
                members.put("json", label);
            }
            writer.write(folder + stem + "_" + k, members);
        }
    }

    private void augment(CopyTransform transform, ImageFileReader loader, int index, Path file, String fmt) {
        DataFormat layout = transform.format();
        Tensor image = loader.load(file).toSource().toTensor(layout);
        Path relative = dir.relativize(file);
        Path folder = relative.getParent() == null ? out : out.resolve(relative.getParent());
        for (int k = 1; k <= copies; k++) {
            Tensor augmented = transform.apply(image, RandomKeys.forSample(seed, k, index));
            ImageWriter.write(ImageWriter.toPixels(augmented, layout), CopyNames.copy(folder, file, k, fmt), fmt);
        }
    }
}
