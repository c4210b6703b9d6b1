package io.jdatagen.image;

import io.jdatagen.data.RandomKeys;
import io.jdatagen.flow.Augmenter;
import io.jdatagen.flow.SampleContext;
import io.jdatagen.flow.SampleFunction;
import io.jdatagen.spi.Backend;
import io.jdatagen.spi.DataFormat;
import io.jdatagen.spi.Interpolation;
import io.jdatagen.spi.OutputSlot;
import io.jdatagen.spi.SourceImage;
import io.jdatagen.spi.Tensor;
import io.jdatagen.spi.WarpPlan;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The per-sample path of a generator, in Keras's order: resize (when configured), the random
 * transform drawn by {@link TransformSampler}, one fused warp (affine, flips and, where the
 * options allow, rescale and the featurewise statistics), then the steps the warp cannot carry
 * (channel shift, brightness, contrast, noise, standardize). Holds the fitted statistics. This is
 * the {@link Augmenter} that flows use.
 */
final class SamplePipeline implements Augmenter {
    private final GeneratorOptions options;
    private final Backend backend;
    private final WarpPlanner planner;
    private final TransformSampler sampler;
    private final Standardizer standardizer;
    private final ContrastAndNoise contrastAndNoise;
    private volatile FeaturewiseStatistics statistics = FeaturewiseStatistics.none();

    /** A planned sample: what the warp needs, and what {@link #finish} runs after it. */
    private record Planned(SourceImage source, WarpPlan plan, TransformParameters params, RandomGenerator rng,
            boolean fused, FeaturewiseStatistics statistics, SampleContext context) implements PlannedSample {
        @Override
        public boolean finishedByWarp() {
            return fused;
        }
    }

    SamplePipeline(GeneratorOptions options, Backend backend) {
        this.options = options;
        this.backend = backend;
        this.planner = new WarpPlanner(options.warpOptions().withBackend(backend));
        this.sampler = new TransformSampler(options);
        this.standardizer = new Standardizer(options);
        this.contrastAndNoise = new ContrastAndNoise(options.contrastRange(), options.noise());
    }

    GeneratorOptions options() {
        return options;
    }

    WarpPlanner planner() {
        return planner;
    }

    TransformSampler sampler() {
        return sampler;
    }

    ContrastAndNoise contrastAndNoise() {
        return contrastAndNoise;
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
    public Backend backend() {
        return backend;
    }

    @Override
    public PlannedSample plan(SourceImage source, RandomGenerator rng, SampleContext context) {
        SourceImage src = preAugmented(resized(source), context);
        int[] shape = options.dataFormat().imageShape(src.height(), src.width(), src.channels());
        TransformParameters p = rng == null ? TransformParameters.identity() : sampler.sample(shape, rng);
        return planned(src, planner.plan(p, shape), p, rng, context);
    }

    @Override
    public PlannedSample planResampled(SourceImage source, int[] size, RandomGenerator rng, SampleContext context) {
        if (options.hooks().preAugmentation() != null) {
            return plan(resampled(source, size), rng, context);
        }
        int[] shape = options.dataFormat().imageShape(size[0], size[1], source.channels());
        TransformParameters p = rng == null ? TransformParameters.identity() : sampler.sample(shape, rng);
        return planned(source, planner.planOnto(p, shape, source.height(), source.width()), p, rng, context);
    }

    /** The planned sample of {@code src} warped by {@code plan}, with the color step folded in where possible. */
    private Planned planned(SourceImage src, WarpPlan.Builder plan, TransformParameters p, RandomGenerator rng,
            SampleContext context) {
        FeaturewiseStatistics fitted = statistics;
        boolean pixelSteps = p.channelShiftIntensity().isPresent() || p.brightness().isPresent()
                || (rng != null && contrastAndNoise.active());
        float[][] color = pixelSteps ? null : standardizer.foldedColor(src.channels(), fitted);
        if (color != null) {
            plan.color(color[0], color[1]);
        }
        return new Planned(src, plan.build(), p, rng, color != null, fitted, context);
    }

    @Override
    public PlannedSample planMask(SourceImage mask, PlannedSample image, double fillValue) {
        SourceImage src = mask;
        int[] target = options.resize();
        DataFormat format = options.dataFormat();
        if (target != null && (mask.height() != target[0] || mask.width() != target[1])) {
            Tensor out = Tensor.zeros(format.imageShape(target[0], target[1], mask.channels()));
            backend.warp(mask, WarpPlanner.resizePlan(mask.height(), mask.width(), target, Interpolation.NEAREST),
                    OutputSlot.image(out, format));
            src = SourceImage.of(out, format);
        }
        WarpPlan plan = planner.maskPlan(((Planned) image).params(),
                format.imageShape(src.height(), src.width(), src.channels()), fillValue);
        return new Planned(src, plan, ((Planned) image).params(), null, true, FeaturewiseStatistics.none(),
                ((Planned) image).context());
    }

    @Override
    public void finish(PlannedSample sample, Tensor batch, int slot) {
        Planned s = (Planned) sample;
        if (s.fused()) {
            return;
        }
        TransformParameters p = s.params();
        Tensor y = batch.item(slot);
        int channelAxis = ImageAxes.of(options.dataFormat()).channelAxis();
        if (p.channelShiftIntensity().isPresent()) {
            y = AffineTransforms.applyChannelShift(y, p.channelShiftIntensity().getAsDouble(), channelAxis);
        }
        if (p.brightness().isPresent()) {
            y = AffineTransforms.applyBrightnessShift(y, p.brightness().getAsDouble(), false);
        }
        if (s.rng() != null && contrastAndNoise.active()) {
            contrastAndNoise.apply(y, s.rng());
        }
        batch.setItem(slot, standardizer.standardizeInPlace(y, s.statistics(), backend, s.context()));
    }

    // ---------------------------------------------------------------- whole images

    /**
     * Keras's {@code apply_transform} on one rank-3 image, in Keras's order: affine with the
     * generator's fill and interpolation, channel shift, horizontal then vertical flip, brightness
     * (with {@code scale=False}); the affine and the flips run as one fused warp. The image is
     * first resized when a resize is configured.
     *
     * @return a new tensor, or {@code x} itself when there is nothing to do
     */
    Tensor applyTransform(Tensor x, TransformParameters p) {
        AffineTransforms.checkImage(x);
        Tensor image = resize(x);
        Tensor y = image;
        if (p.hasAffine() || p.flipHorizontal() || p.flipVertical()) {
            y = AffineTransforms.warp(image, planner.options(), planner.plan(p, image.shape()).build());
        }
        if (p.channelShiftIntensity().isPresent()) {
            y = AffineTransforms.applyChannelShift(y, p.channelShiftIntensity().getAsDouble(),
                    ImageAxes.of(options.dataFormat()).channelAxis());
        }
        if (p.brightness().isPresent()) {
            y = AffineTransforms.applyBrightnessShift(y, p.brightness().getAsDouble(), false);
        }
        return y;
    }

    /**
     * {@link #applyTransform} with parameters drawn from {@code rng} for the (resized) image, then
     * mltk's contrast and noise steps when configured (drawn after Keras's draws).
     */
    Tensor randomTransform(Tensor x, RandomGenerator rng) {
        AffineTransforms.checkImage(x);
        Tensor image = resize(x);
        Tensor y = applyTransform(image, sampler.sample(image.shape(), rng));
        if (contrastAndNoise.active()) {
            y = y == x ? x.copy() : y;
            contrastAndNoise.apply(y, rng);
        }
        return y;
    }

    /**
     * Augments and standardizes an image (rank 3) or every image of a batch (rank 4) into a new
     * tensor, image {@code i} drawing from the stream keyed by ({@code seed}, 0, {@code i}).
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
        for (int i = 0; i < n; i++) {
            Tensor x = single ? data : data.item(i);
            writeInto(SourceImage.of(x, format), RandomKeys.forSample(seed, 0, i), out, i);
        }
        return single ? out.item(0) : out;
    }

    /**
     * Plans {@code source}, warps it into slot {@code slot} of {@code batch} and finishes it: one
     * sample through the same path a flow takes.
     *
     * @return the parameters drawn (the identity when {@code rng} is null)
     */
    TransformParameters writeInto(SourceImage source, RandomGenerator rng, Tensor batch, int slot) {
        Planned s = (Planned) plan(source, rng, SampleContext.NONE);
        OutputSlot out = OutputSlot.of(batch, slot, options.dataFormat());
        Augmenter.checkFits(s.source(), out);
        backend.warp(s.source(), s.plan(), out);
        finish(s, batch, slot);
        return s.params();
    }

    /** Standardizes {@code x} in place with the fitted statistics; returns it or the preprocessing function's result. */
    Tensor standardizeInPlace(Tensor x) {
        return standardizer.standardizeInPlace(x, statistics, backend, SampleContext.NONE);
    }

    /**
     * {@code x} resampled to the resize target with the generator's interpolation order, or
     * {@code x} itself when no size is configured or it already has it.
     */
    Tensor resize(Tensor x) {
        int[] target = options.resize();
        DataFormat format = options.dataFormat();
        int[] hwc = format.imageHwc(x.shape());
        if (target == null || (hwc[0] == target[0] && hwc[1] == target[1])) {
            return x;
        }
        return resampledTensor(SourceImage.of(x, format), target);
    }

    /** {@link #resize} applied to every image of a rank-4 batch. */
    Tensor resizeBatch(Tensor batch) {
        if (options.resize() == null) {
            return batch;
        }
        Tensor first = resize(batch.item(0));
        int[] shape = first.shape();
        Tensor out = Tensor.zeros(batch.dim(0), shape[0], shape[1], shape[2]);
        out.setItem(0, first);
        for (int i = 1; i < batch.dim(0); i++) {
            out.setItem(i, resize(batch.item(i)));
        }
        return out;
    }

    /** {@code src} through the pre-augmentation hook, when there is one (same shape required). */
    private SourceImage preAugmented(SourceImage src, SampleContext context) {
        SampleFunction hook = options.hooks().preAugmentation();
        if (hook == null) {
            return src;
        }
        Tensor image = src.toTensor(options.dataFormat());
        int[] shape = image.shape();
        Tensor out = hook.apply(image, context);
        if (out == null || !Arrays.equals(shape, out.shape())) {
            throw new IllegalStateException("the pre-augmentation function must return an image of shape "
                    + Arrays.toString(shape) + "; got " + (out == null ? "null" : Arrays.toString(out.shape())));
        }
        return SourceImage.of(out, options.dataFormat());
    }

    private SourceImage resized(SourceImage source) {
        int[] target = options.resize();
        if (target == null || (source.height() == target[0] && source.width() == target[1])) {
            return source;
        }
        return SourceImage.of(resize(source.toTensor(options.dataFormat())), options.dataFormat());
    }

    /** {@code source} resampled to {@code size} by the warp with the generator's interpolation. */
    private SourceImage resampled(SourceImage source, int[] size) {
        return SourceImage.of(resampledTensor(source, size), options.dataFormat());
    }

    /** {@link #resampled} as a new tensor in the generator's data format. */
    private Tensor resampledTensor(SourceImage source, int[] size) {
        DataFormat format = options.dataFormat();
        Tensor out = Tensor.zeros(format.imageShape(size[0], size[1], source.channels()));
        backend.warp(source, WarpPlanner.resizePlan(source.height(), source.width(), size, options.interpolation()),
                OutputSlot.image(out, format));
        return out;
    }
}
