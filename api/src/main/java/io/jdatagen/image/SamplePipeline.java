package io.jdatagen.image;

import io.jdatagen.augment.Drawn;
import io.jdatagen.augment.Geometry;
import io.jdatagen.augment.ImageShape;
import io.jdatagen.augment.Step;
import io.jdatagen.augment.StepPipeline;
import io.jdatagen.core.DataFormat;
import io.jdatagen.core.Tensor;
import io.jdatagen.data.Batch;
import io.jdatagen.data.RandomKeys;
import io.jdatagen.flow.Augmenter;
import io.jdatagen.flow.SampleBatch;
import io.jdatagen.flow.SampleContext;
import io.jdatagen.spi.Backend;
import io.jdatagen.spi.OutputSlot;
import io.jdatagen.spi.SourceImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * A generator's steps ({@link KerasSteps}, with the user's) on a {@link StepPipeline}, the fitted
 * statistics, and every route through them: the {@link Augmenter} that flows use and Keras 2's
 * single-image methods, which all run the same list.
 */
final class SamplePipeline implements Augmenter {
    private final GeneratorOptions options;
    private final Backend backend;
    private final Standardizer standardizer;
    private final KerasSteps keras;
    private final List<Step> userSteps;
    private final StepPipeline pipeline;
    private final StepPipeline kerasOnly;
    private volatile FeaturewiseStatistics statistics = FeaturewiseStatistics.none();

    SamplePipeline(GeneratorOptions options, Backend backend, List<Step> userSteps) {
        this.options = options;
        this.backend = backend;
        this.standardizer = new Standardizer(options);
        this.keras = new KerasSteps(options, standardizer, () -> statistics, backend);
        this.userSteps = List.copyOf(userSteps);
        this.kerasOnly = pipeline(List.of());
        this.pipeline = this.userSteps.isEmpty() ? kerasOnly : pipeline(this.userSteps);
    }

    private StepPipeline pipeline(List<Step> user) {
        return new StepPipeline(keras.steps(user), options.warpOptions().resampling(), backend, options.dataFormat(),
                options.resize(), options.hooks().preAugmentation());
    }

    GeneratorOptions options() {
        return options;
    }

    Backend backend() {
        return backend;
    }

    FeaturewiseStatistics statistics() {
        return statistics;
    }

    void setStatistics(FeaturewiseStatistics fitted) {
        this.statistics = Objects.requireNonNull(fitted, "statistics");
    }

    // ---------------------------------------------------------------- Augmenter

    @Override
    public DataFormat dataFormat() {
        return options.dataFormat();
    }

    @Override
    public int[] resizeTarget() {
        return options.resize() == null ? null : options.resize().clone();
    }

    @Override
    public double validationSplit() {
        return options.validationSplit();
    }

    @Override
    public boolean augmentValidation() {
        return options.augmentValidation();
    }

    @Override
    public boolean replaysKerasStreams() {
        return options.compatibility().replaysKerasStreams();
    }

    @Override
    public List<String> fractionalSteps() {
        List<String> steps = new ArrayList<>();
        if (options.rescale() != null && options.rescale() != 1.0) {
            steps.add("rescale");
        }
        if (options.featurewiseCenter()) {
            steps.add("featurewiseCenter");
        }
        if (options.samplewiseCenter()) {
            steps.add("samplewiseCenter");
        }
        if (options.featurewiseStdNormalization()) {
            steps.add("featurewiseStdNormalization");
        }
        if (options.samplewiseStdNormalization()) {
            steps.add("samplewiseStdNormalization");
        }
        if (options.zcaWhitening()) {
            steps.add("zcaWhitening");
        }
        return steps;
    }

    @Override
    public void augment(SampleBatch batch) {
        pipeline.augment(batch);
    }

    @Override
    public Batch augmentBatch(Batch batch, RandomGenerator rng) {
        return pipeline.augmentBatch(batch, rng);
    }

    // ---------------------------------------------------------------- Keras 2's single-image routes

    /**
     * Keras's {@code get_random_transform}: Keras's steps drawn for an image of {@code imageShape}
     * (rank 3 in the generator's format); the user's steps do not draw.
     */
    TransformParameters randomParameters(int[] imageShape, RandomGenerator rng) {
        if (imageShape.length != 3) {
            throw new IllegalArgumentException("image shape must have rank 3; got " + imageShape.length
                    + " dimensions");
        }
        int[] hwc = options.dataFormat().imageHwc(imageShape);
        return keras.parameters(kerasOnly.draw(new ImageShape(hwc[0], hwc[1], hwc[2], options.dataFormat()), rng));
    }

    /**
     * Keras's {@code apply_transform} on one rank-3 image: the (resized) image through the steps with
     * {@code p} as Keras's steps' parameters (the user's steps, which Keras's dict cannot describe, leave
     * it unchanged); geometry in one warp, then channel shift and brightness ({@code scale=False}).
     *
     * @return a new tensor, or the (resized) image itself when there is nothing to do
     */
    Tensor applyTransform(Tensor x, TransformParameters p) {
        AffineTransforms.checkImage(x);
        return pipeline.transformImage(x, null, pipeline.given(keras.given(p)));
    }

    /**
     * The forward map {@link #applyTransform} moves the pixels of an image of {@code imageShape} by: the resize
     * to the configured size (pixel centres aligned) when one is set, then the fused geometry of {@code p}.
     * Returns {@code {a00, a01, t0, a10, a11, t1, outHeight, outWidth}}.
     */
    double[] forwardMap(int[] imageShape, TransformParameters p) {
        int[] hwc = options.dataFormat().imageHwc(imageShape);
        int[] size = options.resize() != null ? options.resize() : new int[] {hwc[0], hwc[1]};
        ImageShape resized = new ImageShape(size[0], size[1], hwc[2], options.dataFormat());
        Geometry g = pipeline.geometry(pipeline.given(keras.given(p)), resized);
        double sy = (double) size[0] / hwc[0];
        double sx = (double) size[1] / hwc[1];
        double[] f = g.forward();
        return new double[] {f[0] * sy, f[1] * sx, f[0] * (sy - 1) / 2 + f[1] * (sx - 1) / 2 + f[2], f[3] * sy,
                f[4] * sx, f[3] * (sy - 1) / 2 + f[4] * (sx - 1) / 2 + f[5], g.height(), g.width()};
    }

    /**
     * Keras's {@code random_transform}: the (resized) image through every augmentation step, drawn from
     * {@code rng} (Keras's draws first, mltk's contrast and noise after the warp); no standardization.
     */
    Tensor randomTransform(Tensor x, RandomGenerator rng) {
        AffineTransforms.checkImage(x);
        return pipeline.transformImage(x, rng, null);
    }

    /**
     * Augments and standardizes an image (rank 3) or every image of a batch (rank 4) into a new
     * tensor in one batch call, image {@code i} drawing from the stream keyed by ({@code seed}, 0,
     * {@code i}).
     *
     * @throws IllegalArgumentException if {@code data} is not rank 3 or 4
     */
    Tensor apply(Tensor data, long seed) {
        if (data.rank() != 3 && data.rank() != 4) {
            throw new IllegalArgumentException("apply needs an image (rank 3) or a batch (rank 4); got shape "
                    + Arrays.toString(data.shape()));
        }
        DataFormat format = options.dataFormat();
        boolean single = data.rank() == 3;
        int n = single ? 1 : data.dim(0);
        int[] hwc = format.imageHwc(single ? data.shape() : Arrays.copyOfRange(data.shape(), 1, 4));
        int[] size = options.resize() != null ? options.resize() : hwc;
        int[] image = format.imageShape(size[0], size[1], hwc[2]);
        Tensor out = Tensor.zeros(n, image[0], image[1], image[2]);
        List<SourceImage> sources = new ArrayList<>(n);
        RandomGenerator[] streams = new RandomGenerator[n];
        for (int i = 0; i < n; i++) {
            sources.add(SourceImage.of(single ? data : data.item(i), format));
            streams[i] = RandomKeys.forSample(seed, 0, i);
        }
        pipeline.augment(SampleBatch.into(sources, out, format).streams(streams).build());
        return single ? Tensor.of(out.data(), image) : out;
    }

    /**
     * Runs {@code source} through the same path a flow takes (a batch of one) into slot {@code slot}
     * of {@code batch} (rank 4, or a rank-3 image with slot 0).
     *
     * @return Keras's parameters drawn (the identity when {@code rng} is null)
     */
    TransformParameters writeInto(SourceImage source, RandomGenerator rng, Tensor batch, int slot) {
        DataFormat format = options.dataFormat();
        OutputSlot target = OutputSlot.of(batch, slot, format);
        int[] image = format.imageShape(target.height(), target.width(), target.channels());
        Tensor one = Tensor.zeros(1, image[0], image[1], image[2]);
        Drawn[] drawn = pipeline.augment(SampleBatch.into(List.of(source), one, format).streams(rng).build());
        target.writeAll(one.data(), 0);
        return keras.parameters(drawn[0]);
    }

    /** Standardizes {@code x} in place with the fitted statistics; returns it or the preprocessing's result. */
    Tensor standardizeInPlace(Tensor x) {
        return standardizer.standardizeInPlace(x, statistics, backend, SampleContext.NONE);
    }

    /**
     * {@code x} (an image, or each image of a rank-4 batch) resampled to the resize target with the
     * generator's interpolation in one batch warp, or {@code x} itself when no size is configured or an
     * image already has it.
     */
    Tensor resize(Tensor x) {
        return pipeline.resize(x);
    }
}
