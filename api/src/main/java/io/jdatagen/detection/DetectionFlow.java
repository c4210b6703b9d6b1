package io.jdatagen.detection;

import io.jdatagen.boxes.BoundingBoxes;
import io.jdatagen.boxes.BoxFormat;
import io.jdatagen.boxes.DenseBoundingBoxes;
import io.jdatagen.boxes.Keypoints;
import io.jdatagen.core.DataFormat;
import io.jdatagen.core.Tensor;
import io.jdatagen.data.RandomKeys;
import io.jdatagen.image.ImageDataGenerator;
import io.jdatagen.image.TransformParameters;
import io.jdatagen.image.TransformedTargets;
import io.jdatagen.io.ByteImage;
import io.jdatagen.io.ColorMode;
import io.jdatagen.io.ImageCodecs;
import io.jdatagen.io.ImageFileReader;
import io.jdatagen.io.ResizeFilter;
import io.jdatagen.layers.ImagesAndKeypoints;
import io.jdatagen.layers.KerasPipeline;
import io.jdatagen.spi.SourceImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Batches of annotated images whose boxes and keypoints follow the pixels: each image is loaded, resized to
 * the target size (its boxes and keypoints scaled by the same factors, exactly: an edge at {@code x} goes to
 * {@code x · targetWidth / width}), run through the optional {@link KerasPipeline} with its boxes and keypoints
 * ({@link KerasPipeline#apply(Tensor, List, List, long, int)}) or the optional {@link ImageDataGenerator}
 * ({@link Builder#augmenter}), and the boxes are given in Keras's dense form,
 * padded with {@code -1} plus a count per sample ({@link DetectionBatch}).
 *
 * <p>The order of an epoch is {@link RandomKeys#order}'s; sample {@code s} of the data set draws its
 * augmentation from {@code RandomKeys.forSample(seed, epoch, s)}, whatever batch it falls in. The last batch
 * of an epoch holds what is left. Thread-safe when the pipeline is.
 *
 * <pre>{@code
 * Annotations coco = CocoAnnotations.read(Path.of("instances_train.json"), Path.of("train"), CrowdBoxes.KEEP);
 * DetectionFlow flow = DetectionFlow.builder(coco).targetSize(320, 320).batchSize(16)
 *         .pipeline(KerasPipeline.of(new RandomFlip(), new RandomRotation(0.05))).build();
 * DetectionBatch batch = flow.batch(0, 0);
 * }</pre>
 */
public final class DetectionFlow {
    private final Annotations annotations;
    private final int[] targetSize;
    private final int batchSize;
    private final KerasPipeline pipeline;
    private final ImageDataGenerator generator;
    private final BoxFormat format;
    private final boolean shuffle;
    private final long seed;
    private final ImageFileReader reader;

    private DetectionFlow(Builder b) {
        this.annotations = b.annotations;
        this.targetSize = b.targetSize;
        this.batchSize = b.batchSize;
        this.pipeline = b.pipeline;
        this.generator = b.generator;
        this.format = b.format;
        this.shuffle = b.shuffle;
        this.seed = b.seed;
        this.reader = new ImageFileReader(ImageCodecs.current(), b.colorMode, targetSize, b.interpolation, false,
                true, false);
    }

    /**
     * {@return a builder over {@code annotations}: target size required, batches of 32, no augmentation, xyxy
     * boxes, rgb images resized with nearest (Keras's default for file sources), shuffled with seed 0}
     */
    public static Builder builder(Annotations annotations) {
        return new Builder(annotations);
    }

    /** {@return the annotations the flow reads} */
    public Annotations annotations() {
        return annotations;
    }

    /** {@return the number of batches in an epoch} */
    public int size() {
        return (annotations.images().size() + batchSize - 1) / batchSize;
    }

    /**
     * {@return batch {@code index} of epoch {@code epoch}}
     *
     * @throws IllegalArgumentException for an index outside {@code [0, size())} or a negative epoch, or, naming
     *     the image and the field, an image whose decoded size differs from the size its annotation states
     * @throws io.jdatagen.io.ImageReadException naming the file, when an image cannot be read
     */
    public DetectionBatch batch(int index, int epoch) {
        if (index < 0 || index >= size()) {
            throw new IllegalArgumentException("index must be in [0, " + size() + "); got " + index);
        }
        if (epoch < 0) {
            throw new IllegalArgumentException("epoch must be >= 0; got " + epoch);
        }
        int[] order = RandomKeys.order(annotations.images().size(), shuffle, seed, epoch);
        int from = index * batchSize;
        int to = Math.min(from + batchSize, order.length);
        List<Tensor> images = new ArrayList<>();
        List<BoundingBoxes> boxes = new ArrayList<>();
        List<Keypoints> points = new ArrayList<>();
        List<AnnotatedImage> sources = new ArrayList<>();
        for (int k = from; k < to; k++) {
            int s = order[k];
            AnnotatedImage a = annotations.images().get(s);
            ImagesAndKeypoints one = sample(a, s, epoch);
            images.add(one.images());
            boxes.add(one.boxes().get(0));
            points.add(one.keypoints().get(0));
            sources.add(a);
        }
        return new DetectionBatch(stack(images), DenseBoundingBoxes.of(boxes), points, sources);
    }

    /** One sample: loaded, resized with its targets, augmented with them; the boxes in the flow's format. */
    private ImagesAndKeypoints sample(AnnotatedImage a, int s, int epoch) {
        ByteImage decoded = reader.decode(a.file());
        check(a, "width", a.width(), decoded.width());
        check(a, "height", a.height(), decoded.height());
        ByteImage image = reader.fit(decoded, a.file());
        double sy = (double) image.height() / decoded.height();
        double sx = (double) image.width() / decoded.width();
        double[] resize = {sy, 0, (sy - 1) / 2, 0, sx, (sx - 1) / 2};
        BoundingBoxes boxes = a.boxes().transform(resize, decoded.height(), decoded.width(), image.height(),
                image.width()).convert(format, image.height(), image.width());
        Keypoints points = a.keypoints().transform(resize, image.height(), image.width());
        Tensor pixels = tensor(image);
        if (generator != null) {
            return generated(pixels, boxes, points, s, epoch);
        }
        if (pipeline == null) {
            return new ImagesAndKeypoints(pixels, List.of(boxes), List.of(points));
        }
        long sampleSeed = RandomKeys.forSample(seed, epoch, s).nextLong();
        return pipeline.apply(pixels, List.of(boxes), List.of(points), sampleSeed, epoch);
    }

    /**
     * One sample through the generator as its flows take it (augmented and standardized, drawing from the
     * sample's stream), its targets moved by the parameters drawn.
     */
    private ImagesAndKeypoints generated(Tensor pixels, BoundingBoxes boxes, Keypoints points, int s, int epoch) {
        int[] shape = pixels.shape();
        int[] size = generator.augmenter().resizeTarget();
        int height = size != null ? size[0] : shape[0];
        int width = size != null ? size[1] : shape[1];
        Tensor out = Tensor.zeros(1, height, width, shape[2]);
        TransformParameters p = generator.augmentInto(SourceImage.of(pixels, DataFormat.CHANNELS_LAST),
                RandomKeys.forSample(seed, epoch, s), out, 0);
        TransformedTargets t = generator.transformTargets(shape, p, boxes, points);
        return new ImagesAndKeypoints(Tensor.of(out.data(), height, width, shape[2]), List.of(t.boxes()),
                List.of(t.keypoints()));
    }

    private static void check(AnnotatedImage a, String field, int stated, int decoded) {
        if (stated != 0 && stated != decoded) {
            throw new IllegalArgumentException(a.file() + ": the annotation's " + field + " is " + stated
                    + " but the image's is " + decoded);
        }
    }

    private static Tensor tensor(ByteImage image) {
        byte[] bytes = image.data();
        float[] data = new float[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            data[i] = bytes[i] & 0xFF;
        }
        return Tensor.of(data, image.height(), image.width(), image.channels());
    }

    private static Tensor stack(List<Tensor> images) {
        Tensor first = images.get(0);
        int n = first.size();
        float[] data = new float[n * images.size()];
        for (int i = 0; i < images.size(); i++) {
            Tensor t = images.get(i);
            if (!java.util.Arrays.equals(t.shape(), first.shape())) {
                throw new IllegalArgumentException("the pipeline must make images of one size; got "
                        + java.util.Arrays.toString(first.shape()) + " and " + java.util.Arrays.toString(t.shape()));
            }
            System.arraycopy(t.data(), 0, data, i * n, n);
        }
        int[] shape = new int[4];
        shape[0] = images.size();
        System.arraycopy(first.shape(), 0, shape, 1, 3);
        return Tensor.of(data, shape);
    }

    /** Options of a {@link DetectionFlow}. */
    public static final class Builder {
        private final Annotations annotations;
        private int[] targetSize;
        private int batchSize = 32;
        private KerasPipeline pipeline;
        private ImageDataGenerator generator;
        private BoxFormat format = BoxFormat.XYXY;
        private boolean shuffle = true;
        private long seed;
        private ColorMode colorMode = ColorMode.RGB;
        private ResizeFilter interpolation = ResizeFilter.NEAREST;

        private Builder(Annotations annotations) {
            this.annotations = Objects.requireNonNull(annotations, "annotations");
        }

        /** Sets the size every image is resized to before the pipeline (required). */
        public Builder targetSize(int height, int width) {
            if (height < 1 || width < 1) {
                throw new IllegalArgumentException("targetSize must be at least 1 x 1; got " + height + " x " + width);
            }
            this.targetSize = new int[] {height, width};
            return this;
        }

        /** Sets the number of samples per batch (at least 1; 32 by default). */
        public Builder batchSize(int batchSize) {
            if (batchSize < 1) {
                throw new IllegalArgumentException("batchSize must be at least 1; got " + batchSize);
            }
            this.batchSize = batchSize;
            return this;
        }

        /**
         * Sets the layers the images go through with their boxes and keypoints (none by default); they must
         * make images of one size, and layers that name a {@code bounding_box_format} must name the flow's.
         */
        public Builder pipeline(KerasPipeline pipeline) {
            this.pipeline = pipeline;
            return this;
        }

        /**
         * Sets Keras's {@code ImageDataGenerator} as the augmenter (none by default; not with a
         * {@link #pipeline}): each image, after the resize to the target size, is augmented and standardized
         * as the generator's flows do ({@link ImageDataGenerator#augmentInto}, drawing from the sample's
         * stream), and its boxes and keypoints follow the pixels
         * ({@link ImageDataGenerator#transformTargets}). The generator must be {@code channels_last}; its own
         * {@code resize}, when set, gives the batches' size. Steps added with {@code GeneratorBuilder.step}
         * are run on the pixels but, like {@link ImageDataGenerator#applyTransform}, not on the targets: give
         * geometric ones to a {@link #pipeline} instead.
         *
         * @throws IllegalArgumentException for a {@code channels_first} generator
         */
        public Builder augmenter(ImageDataGenerator generator) {
            if (generator != null && generator.augmenter().dataFormat() != DataFormat.CHANNELS_LAST) {
                throw new IllegalArgumentException("augmenter must be a channels_last generator (batches are"
                        + " height, width, channels); got " + generator.augmenter().dataFormat());
            }
            this.generator = generator;
            return this;
        }

        /** Sets the format the pipeline and the batches see the boxes in ({@code xyxy} by default). */
        public Builder boxFormat(BoxFormat format) {
            this.format = Objects.requireNonNull(format, "format");
            return this;
        }

        /** Sets whether each epoch's order is shuffled (true by default) and the seed of order and draws. */
        public Builder shuffle(boolean shuffle, long seed) {
            this.shuffle = shuffle;
            this.seed = seed;
            return this;
        }

        /** Sets the color mode images are loaded in (rgb by default). */
        public Builder colorMode(ColorMode colorMode) {
            this.colorMode = Objects.requireNonNull(colorMode, "colorMode");
            return this;
        }

        /** Sets the filter of the resize to the target size (nearest by default, as Keras's file sources). */
        public Builder interpolation(ResizeFilter interpolation) {
            this.interpolation = Objects.requireNonNull(interpolation, "interpolation");
            return this;
        }

        /**
         * {@return the flow}
         *
         * @throws IllegalArgumentException when no target size was set, or both a pipeline and an augmenter
         */
        public DetectionFlow build() {
            if (targetSize == null) {
                throw new IllegalArgumentException("targetSize must be set: a batch holds images of one size");
            }
            if (pipeline != null && generator != null) {
                throw new IllegalArgumentException("pipeline and augmenter cannot both be set: give the layers or"
                        + " the generator");
            }
            return new DetectionFlow(this);
        }
    }
}
