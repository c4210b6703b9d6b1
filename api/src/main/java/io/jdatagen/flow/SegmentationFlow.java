package io.jdatagen.flow;

import io.jdatagen.core.DataFormat;
import io.jdatagen.core.DenseTensor;
import io.jdatagen.core.Tensor;
import io.jdatagen.data.Batch;
import io.jdatagen.data.Fingerprint;
import io.jdatagen.io.ByteImage;
import io.jdatagen.io.ImageFileReader;
import io.jdatagen.io.ImageReadException;
import io.jdatagen.io.ResizeFilter;
import io.jdatagen.spi.SourceImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Image and mask pairs for segmentation: each batch holds the augmented images as input and their
 * masks as target, both under the same geometric transform (affine and flips). Masks are warped
 * with nearest interpolation and a constant fill ({@link PairFlowOptions#maskFillValue}),
 * never color-shifted, noised or standardized, so label values survive. Pairs come from two
 * arrays or from two folders matched by relative path; the validation split takes the first
 * fraction of the pairs. Folder pairs may be cached ({@link FileFlowOptions#cache}: each image
 * with its mask, keyed by both files); {@link #close()} frees the cache.
 */
public final class SegmentationFlow extends ImageFlow implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SegmentationFlow.class);

    private final Pairs pairs;
    private final int first;
    private final int[] maskShape;
    private final double fillValue;
    private final List<Path> skipped;
    private final SampleCache cache;

    /** Where the pairs come from. */
    private interface Pairs {
        /** The image and mask of row {@code row}, of the same size. */
        Sample load(int row);

        String name(int row);
    }

    private record ArrayPairs(Tensor images, Tensor masks, DataFormat format) implements Pairs {
        @Override
        public Sample load(int row) {
            return new Sample(SourceImage.of(images.item(row), format), SourceImage.of(masks.item(row), format));
        }

        @Override
        public String name(int row) {
            return null;
        }
    }

    private record FilePairs(List<Path> images, List<Path> masks, List<String> names, ImageFileReader imageReader,
            ImageFileReader maskReader, SampleCache cache) implements Pairs {
        /** The pair of row {@code row}, through the cache when there is one. */
        @Override
        public Sample load(int row) {
            List<ByteImage> pair = cache == null ? decode(row)
                    : cache.get(List.of(images.get(row), masks.get(row)), () -> decode(row));
            return new Sample(pair.get(0).toSource(), pair.get(1).toSource());
        }

        /**
         * Decodes the image and its mask (always in full), checks that they have the same size after
         * EXIF orientation (else an image that was rotated, or a mask for another image, would be
         * silently misaligned), then resizes both. With reduced decoding a JPEG image may come out
         * at {@code 1/f} of the mask's size, {@code f} being the factor the codec picks for an image
         * of the mask's size; the mask is then brought to the same scale ({@link MaskScale}) before
         * both are resized.
         */
        private List<ByteImage> decode(int row) {
            Path imagePath = images.get(row);
            Path maskPath = masks.get(row);
            ByteImage image = imageReader.decode(imagePath);
            ByteImage mask = maskReader.decode(maskPath);
            if (image.height() != mask.height() || image.width() != mask.width()) {
                int f = imageReader.decodeOptions().reduction(mask.height(), mask.width());
                if (f > 1 && MaskScale.reducedSize(mask.height(), f) == image.height()
                        && MaskScale.reducedSize(mask.width(), f) == image.width() && isJpeg(imagePath)) {
                    mask = MaskScale.reduce(mask, f);
                } else {
                    throw new ImageReadException(imagePath, maskPath, "the image is " + image.width() + " x "
                            + image.height() + (f > 1 ? " (as decoded; reducedDecode may scale a JPEG by 1/" + f
                            + " for this target)" : "") + " but the mask is " + mask.width() + " x " + mask.height()
                            + " (after EXIF orientation); an image and its mask must have the same size");
                }
            }
            return List.of(imageReader.fit(image, imagePath), maskReader.fit(mask, maskPath));
        }

        @Override
        public String name(int row) {
            return names.get(row);
        }

        /** Whether {@code file} starts with JPEG's start-of-image marker: only JPEGs are decoded at a reduced scale. */
        private static boolean isJpeg(Path file) {
            try (InputStream in = Files.newInputStream(file)) {
                byte[] head = in.readNBytes(3);
                return head.length == 3 && head[0] == (byte) 0xFF && head[1] == (byte) 0xD8 && head[2] == (byte) 0xFF;
            } catch (IOException e) {
                throw new ImageReadException(file, "cannot read the file (" + e + ")", e);
            }
        }
    }

    private SegmentationFlow(Augmenter augmenter, Pairs pairs, int first, int rows, int[] imageShape,
            int[] maskShape, List<Path> skipped, FlowOptions o, SampleCache cache) {
        super(augmenter, rows, imageShape, o, 10_000_000);
        this.maskShape = outputShape(maskShape);
        BatchLimit.check("masks", o.batchSize, rows, this.maskShape, null);
        this.pairs = pairs;
        this.first = first;
        this.fillValue = o.maskFillValue;
        this.skipped = List.copyOf(skipped);
        this.cache = cache;
    }

    /**
     * Pairs from a rank-4 image array and a rank-4 mask array (same number of rows, same height
     * and width; any channel counts), in the augmenter's data format.
     *
     * @throws IllegalArgumentException naming the argument whose shape does not fit
     */
    static SegmentationFlow ofArrays(Augmenter augmenter, Tensor images, Tensor masks,
            FlowOptions o) {
        if (images.rank() != 4 || masks.rank() != 4) {
            throw new IllegalArgumentException("images and masks must have rank 4; got images "
                    + Arrays.toString(images.shape()) + ", masks " + Arrays.toString(masks.shape()));
        }
        DataFormat format = augmenter.dataFormat();
        int[] image = format.imageHwc(Arrays.copyOfRange(images.shape(), 1, 4));
        int[] mask = format.imageHwc(Arrays.copyOfRange(masks.shape(), 1, 4));
        if (images.dim(0) != masks.dim(0) || image[0] != mask[0] || image[1] != mask[1]) {
            throw new IllegalArgumentException("masks must have one row per image and the images' height and width;"
                    + " got images " + Arrays.toString(images.shape()) + ", masks " + Arrays.toString(masks.shape()));
        }
        int n = images.dim(0);
        int[] range = range(augmenter, o, n);
        int[] size = augmenter.resizeTarget() != null ? augmenter.resizeTarget() : image;
        return new SegmentationFlow(augmenter, new ArrayPairs(images, masks, format), range[0], range[1],
                format.imageShape(size[0], size[1], image[2]), format.imageShape(size[0], size[1], mask[2]), List.of(),
                o, null);
    }

    /**
     * Pairs from two folders: every white-listed image under {@code imageDir} (in
     * {@code flowFromDirectory}'s walk order) with the mask at the same relative path under
     * {@code maskDir}, or, when that file does not exist, the one mask there with the same name
     * and another white-listed extension ({@code a/x.jpg} with {@code a/x.png}). Images load with
     * the options' color mode and interpolation, masks with {@code maskColorMode} and nearest.
     *
     * @throws IllegalArgumentException for a missing folder, one with no image (naming it and the
     *     extensions looked for), or naming an image without a mask or with several candidate masks
     */
    static SegmentationFlow ofDirectories(Augmenter augmenter, Path imageDir, Path maskDir,
            FlowOptions o) {
        for (Path dir : List.of(imageDir, maskDir)) {
            if (!Files.isDirectory(dir)) {
                throw new IllegalArgumentException("directory " + dir + " does not exist or is not a directory");
            }
        }
        List<Path> images = DirectoryScanner.imageFiles(imageDir, o.followLinks, null);
        List<Path> masks = new ArrayList<>(images.size());
        for (Path image : images) {
            masks.add(maskOf(imageDir.relativize(image), maskDir));
        }
        long orphans = DirectoryScanner.imageFiles(maskDir, o.followLinks, null).size() - new HashSet<>(masks).size();
        if (orphans > 0) {
            LOG.warn("{} mask file(s) under {} have no image under {}; they are not used", orphans, maskDir, imageDir);
        }
        int[] size = augmenter.resizeTarget() != null ? augmenter.resizeTarget() : o.targetSize;
        DataFormat format = augmenter.dataFormat();
        int[] imageShape = format.imageShape(size[0], size[1], o.colorMode.channels());
        int[] maskShape = format.imageShape(size[0], size[1], o.maskColorMode.channels());
        // Before any file is decoded (skipUnreadable decodes them all): batches that cannot exist.
        BatchLimit.check("images", o.batchSize, images.size(), imageShape, o.output);
        BatchLimit.check("masks", o.batchSize, images.size(), maskShape, null);
        ImageFileReader imageReader = FileSources.loader(o);
        ImageFileReader maskReader = new ImageFileReader(imageReader.codec(), o.maskColorMode, o.targetSize,
                ResizeFilter.NEAREST, o.keepAspectRatio, o.exifOrientation, false, o.pixelLimit);
        List<Path> skipped = new ArrayList<>();
        if (o.skipUnreadable) {
            FilePairs all = new FilePairs(images, masks, null, imageReader, maskReader, null);
            List<Integer> kept = FileSources.readable(images.size(), all::load, skipped);
            images = pick(images, kept);
            masks = pick(masks, kept);
        }
        if (images.isEmpty()) {
            throw new IllegalArgumentException("flowPairsFromDirectories found no images in " + imageDir + ": "
                    + (skipped.isEmpty() ? "no file ending in " + EmptySource.extensions() + " under it"
                            : "every pair was unreadable and skipped (skipUnreadable): " + skipped.size()
                                    + " file(s), e.g. " + skipped.subList(0, Math.min(3, skipped.size())))
                    + ".");
        }
        int[] range = range(augmenter, o, images.size());
        List<String> names = images.stream().map(p -> imageDir.relativize(p).toString()).toList();
        LOG.info("Found {} image/mask pairs.", range[1]);
        SampleCache cache = SampleCache.open(o.cache, FileSources.cacheKey("image-and-mask;maskColorMode="
                + o.maskColorMode.configName(), o, imageReader));
        return new SegmentationFlow(augmenter, new FilePairs(images, masks, names, imageReader, maskReader, cache),
                range[0], range[1], imageShape, maskShape, skipped, o, cache);
    }

    /** {@code {first row, rows}} of the subset: the first fraction is the validation part. */
    private static int[] range(Augmenter augmenter, FlowOptions o, int n) {
        if (o.subset == null) {
            return new int[] {0, n};
        }
        int split = Subset.cut(o.validationSplit(augmenter), n);
        return o.subset == Subset.VALIDATION ? new int[] {0, split} : new int[] {split, n - split};
    }

    private static Path maskOf(Path relative, Path maskDir) {
        Path same = maskDir.resolve(relative);
        if (Files.isRegularFile(same)) {
            return same;
        }
        String name = relative.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        Path folder = same.getParent();
        List<Path> candidates = new ArrayList<>();
        if (Files.isDirectory(folder)) {
            try (Stream<Path> entries = Files.list(folder)) {
                entries.filter(p -> {
                    String n = p.getFileName().toString();
                    return n.startsWith(stem + ".") && n.indexOf('.', stem.length() + 1) < 0
                            && FileSources.isWhiteListed(n) && Files.isRegularFile(p);
                }).sorted().forEach(candidates::add);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list mask folder " + folder, e);
            }
        }
        if (candidates.size() > 1) {
            candidates.removeIf(p -> !FileNames.sameStem(relative, p));
        }
        if (candidates.size() != 1) {
            throw new IllegalArgumentException((candidates.isEmpty() ? "no mask" : "several masks " + candidates)
                    + " for image " + relative + ": expected " + same + " or one file " + stem + ".{"
                    + String.join(",", FileSources.WHITE_LIST) + "} in " + folder);
        }
        return candidates.get(0);
    }

    private static List<Path> pick(List<Path> paths, List<Integer> indices) {
        return indices.stream().map(paths::get).toList();
    }

    /** {@return the flow's decoded-sample cache, or null without one} */
    SampleCache cache() {
        return cache;
    }

    /**
     * {@return what the flow's decoded-sample cache has done so far (decodes, hits, heap and spill
     * bytes), or empty when the flow has no cache}
     */
    public Optional<CacheStatistics> cacheStatistics() {
        return cache == null ? Optional.empty() : Optional.of(cache.statistics());
    }

    /**
     * Frees the decoded-sample cache of a folder-pair flow (its heap part, and its spill file: deleted
     * when temporary, kept and unlocked when named). Without a cache it does nothing; the flow must not
     * be read after.
     */
    @Override
    public void close() {
        if (cache != null) {
            cache.close();
        }
    }

    /** {@return the image and mask files left out at scan time by the skip policy (empty without it)} */
    public List<Path> skippedFiles() {
        return skipped;
    }

    /** {@return the shape of one mask in the batches, in the augmenter's data format} */
    public int[] maskShape() {
        return maskShape.clone();
    }

    /** {@return each pair's image file relative to the image folder (empty for arrays), in sample order} */
    public List<String> filenames() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < samples() && pairs.name(first + i) != null; i++) {
            names.add(pairs.name(first + i));
        }
        return names;
    }

    /** The pairs' image file names (none for arrays) and the mask shape. */
    @Override
    void describeSamples(Fingerprint fingerprint) {
        fingerprint.add(filenames()).add(maskShape);
    }

    @Override
    Tensor pairedBatch(int samples) {
        return Tensor.zeros(samples, maskShape[0], maskShape[1], maskShape[2]);
    }

    @Override
    Sample sample(int index) {
        return pairs.load(first + index);
    }

    @Override
    double maskFillValue() {
        return fillValue;
    }

    @Override
    String fileOf(int index) {
        return pairs.name(first + index);
    }

    @Override
    Batch assemble(int[] indices, DenseTensor x, Tensor paired) {
        int[] rows = new int[indices.length];
        List<String> names = new ArrayList<>(indices.length);
        for (int j = 0; j < indices.length; j++) {
            rows[j] = first + indices[j];
            names.add(pairs.name(rows[j]));
        }
        return Batch.of(x, List.of(), List.of(paired), null, rows, names.contains(null) ? List.of() : names);
    }
}
