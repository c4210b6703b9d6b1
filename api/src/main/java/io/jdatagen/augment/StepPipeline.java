package io.jdatagen.augment;

import io.jdatagen.core.BufferTensor;
import io.jdatagen.core.DataFormat;
import io.jdatagen.core.DenseTensor;
import io.jdatagen.core.FillMode;
import io.jdatagen.core.Interpolation;
import io.jdatagen.core.Tensor;
import io.jdatagen.data.Batch;
import io.jdatagen.flow.Augmenter;
import io.jdatagen.flow.SampleBatch;
import io.jdatagen.flow.SampleContext;
import io.jdatagen.flow.SampleFunction;
import io.jdatagen.spi.Backend;
import io.jdatagen.spi.OutputSlot;
import io.jdatagen.spi.PresizedWarp;
import io.jdatagen.spi.SourceImage;
import io.jdatagen.spi.WarpKernel;
import io.jdatagen.spi.WarpPlan;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * An ordered list of {@link Step}s run on batches with as few passes over the pixels as the steps
 * allow. Per sample: the source is resized to the resize target (when one is set), the steps draw their
 * parameters in list order, the geometric steps fold into one inverse affine (a trailing run of flips
 * stays as the warp's output flips), the color-linear steps that no drawn pixel step precedes fold into
 * the warp's color step, and what is left (pixel steps, color-linear steps after them) runs on the warped
 * image in list order. Per batch: one {@link Backend#warpBatch} for the images (or, on a backend that does not
 * {@linkplain Backend#warpsBatchesAtOnce() want whole batches}, one warp per image followed by its steps after
 * the warp, when there are such steps), one for the masks, and the {@link BatchStep}s on the assembled batch.
 *
 * <p>Geometric steps must come first in the list: they all run as the one warp, before any other kind.
 * Thread-safe when its steps are.
 */
public final class StepPipeline {
    private final List<Step> steps;
    private final int geometricSteps;
    private final Resampling resampling;
    private final Backend backend;
    private final DataFormat format;
    private final int[] resize;
    private final SampleFunction preAugmentation;

    /** One sample planned: its source, its warp and the steps left for after the warp. */
    private record Planned(SourceImage source, WarpPlan plan, ImageShape shape, int[] after, boolean changes) {
    }

    /** The folded geometry of one sample: inverse (null: identity), output flips and the size produced. */
    private record Folded(double[] inverse, boolean flipRows, boolean flipCols, ImageShape shape) {
    }

    /**
     * Builds the pipeline.
     *
     * @param steps the steps in order, geometric ones first
     * @param resampling how the warp samples (the resize before it uses the same interpolation)
     * @param backend the kernels every warp runs on
     * @param format the layout of every image and batch
     * @param resize the size {@code {height, width}} each source is resampled to before the steps, or null
     * @param preAugmentation a function each (resized) source goes through before the draws in the flow
     *     routes, or null; it must keep the shape
     * @throws IllegalArgumentException when a geometric step follows another kind of step, naming both
     */
    public StepPipeline(List<? extends Step> steps, Resampling resampling, Backend backend, DataFormat format,
            int[] resize, SampleFunction preAugmentation) {
        this.steps = List.copyOf(steps);
        this.resampling = Objects.requireNonNull(resampling, "resampling");
        this.backend = Objects.requireNonNull(backend, "backend");
        this.format = Objects.requireNonNull(format, "format");
        this.resize = resize == null ? null : resize.clone();
        this.preAugmentation = preAugmentation;
        int geometric = 0;
        for (int i = 0; i < this.steps.size(); i++) {
            Step s = this.steps.get(i);
            if (s instanceof GeometricStep<?>) {
                if (geometric != i) {
                    throw new IllegalArgumentException("geometric step " + s.name() + " comes after "
                            + this.steps.get(geometric).name() + "; geometric steps run first, as one warp: list them"
                            + " before the color-linear, pixel and batch steps");
                }
                geometric++;
            }
        }
        this.geometricSteps = geometric;
    }

    /** {@return the steps in order (unmodifiable)} */
    public List<Step> steps() {
        return steps;
    }

    /** {@return the layout of the images and batches} */
    public DataFormat format() {
        return format;
    }

    /** {@return the kernels the warps run on} */
    public Backend backend() {
        return backend;
    }

    /**
     * {@return the parameters a sample of {@code shape} draws from {@code rng} before the warp, every step
     * in list order (steps that {@linkplain PixelStep#drawsAfterWarp() draw after the warp} draw nothing
     * here)}
     *
     * @param shape the sample's shape before the geometric steps
     * @param rng the sample's stream, or null for a sample that is not augmented
     */
    public Drawn draw(ImageShape shape, RandomGenerator rng) {
        return draw(shape, rng, false);
    }

    /**
     * {@return parameters given rather than drawn, e.g. from Keras's parameter dict}
     *
     * @param params parameters by step; a step of this pipeline left out leaves the sample unchanged
     * @throws IllegalArgumentException naming a step that is not in this pipeline
     */
    public Drawn given(Map<? extends Step, ?> params) {
        Object[] p = new Object[steps.size()];
        for (Map.Entry<? extends Step, ?> e : params.entrySet()) {
            int i = indexOf(e.getKey());
            p[i] = e.getValue();
        }
        return new Drawn(steps, p);
    }

    private int indexOf(Step step) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i) == step) {
                return i;
            }
        }
        throw new IllegalArgumentException("step " + step.name() + " is not in this pipeline");
    }

    /**
     * Runs every step on a batch from a flow; see {@link Augmenter#augment}.
     *
     * @param batch the samples and their outputs
     * @return what each sample drew before the warp, in slot order
     * @throws IllegalArgumentException when a source, once resized, does not fit the output's slots
     */
    public Drawn[] augment(SampleBatch batch) {
        return run(batch, null, false);
    }

    /**
     * Runs only the augmentation steps on a batch (no step whose {@link Step#augments()} is false, no
     * pre-augmentation function): Keras 2's {@code random_transform} and {@code apply_transform}.
     *
     * @param batch the samples and their outputs
     * @param given each sample's parameters, or null to draw them from the batch's streams; with given
     *     parameters, steps that draw after the warp do not run
     * @return what each sample drew (or was given), in slot order
     */
    public Drawn[] transform(SampleBatch batch, Drawn[] given) {
        return run(batch, given, true);
    }

    /**
     * {@return {@code image} (rank 3) resized when a resize is set, then through the augmentation steps as
     * {@link #transform} runs them; {@code image} itself when no step changes it and no resize applies}
     *
     * @param image the image, in this pipeline's format
     * @param rng the stream to draw from, or null with {@code given}
     * @param given the parameters, or null to draw them from {@code rng}
     */
    public Tensor transformImage(Tensor image, RandomGenerator rng, Drawn given) {
        Tensor x = resize(image);
        SourceImage source = SourceImage.of(x, format);
        ImageShape shape = shapeOf(source);
        Drawn drawn = given != null ? given : draw(shape, rng, true);
        Planned p = plan(source, shape, drawn, given == null ? rng : null, true, null, null);
        if (!p.changes()) {
            return x;
        }
        int[] out = p.shape().tensorShape();
        Tensor batch = Tensor.zeros(1, out[0], out[1], out[2]);
        backend.warpBatch(List.of(p.source()), List.of(p.plan()), batch, format);
        Tensor warped = Tensor.of(batch.data(), out);
        Tensor y = finish(p, drawn, given == null ? rng : null, SampleContext.NONE, warped.data(), 0,
                new Scratch(warped), 0);
        return y != null ? y : warped;
    }

    /**
     * Warps {@code source} through the geometric steps with the parameters {@code given} into {@code slot}: the
     * warp {@link #transform} runs for a batch of this image alone, written where the caller wants it (one slot
     * of a larger batch, say).
     *
     * @param source the image, of the size the steps expect
     * @param given the steps' parameters
     * @param slot where the warped image goes, of the size the steps make
     * @throws IllegalStateException when this pipeline resizes, or leaves steps to run after the warp
     */
    public void warp(SourceImage source, Drawn given, OutputSlot slot) {
        ImageShape shape = shapeOf(source);
        Planned p = plan(source, shape, given, null, true, null, null);
        if (resize != null || p.after().length > 0) {
            throw new IllegalStateException("warp takes a pipeline of geometric steps alone, without a resize");
        }
        PresizedWarp.warp(backend, p.source(), p.plan(), slot);
    }

    /**
     * {@return {@code batch} through the {@link BatchStep}s in order; {@code batch} itself without them}
     *
     * @param batch an assembled batch
     * @param rng the batch's stream
     */
    public Batch augmentBatch(Batch batch, RandomGenerator rng) {
        Batch b = batch;
        for (Step s : steps) {
            if (s instanceof BatchStep<?> step) {
                b = applyBatch(step, b, rng);
            }
        }
        return b;
    }

    private static <P> Batch applyBatch(BatchStep<P> step, Batch batch, RandomGenerator rng) {
        P p = step.draw(batch.size(), rng);
        if (p == null) {
            return batch;
        }
        Batch out = step.apply(p, batch);
        if (out == null || out.size() != batch.size()) {
            throw new IllegalStateException("batch step " + step.name() + " must return a batch of " + batch.size()
                    + " samples; got " + (out == null ? "null" : out.size()));
        }
        return out;
    }

    /**
     * {@return {@code images} (an image of rank 3 or a batch of rank 4) resampled to the resize target in
     * one batch warp, with pixel centres aligned and edges clamped (no antialiasing); {@code images}
     * itself when no resize is set or an image already has the size}
     *
     * @param images an image or a batch in this pipeline's format
     */
    public Tensor resize(Tensor images) {
        if (resize == null) {
            return images;
        }
        boolean single = images.rank() == 3;
        int n = single ? 1 : images.dim(0);
        List<SourceImage> sources = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            sources.add(SourceImage.of(single ? images : images.item(i), format));
        }
        if (single && sources.get(0).height() == resize[0] && sources.get(0).width() == resize[1]) {
            return images;
        }
        int[] image = format.imageShape(resize[0], resize[1], sources.get(0).channels());
        Tensor out = Tensor.zeros(n, image[0], image[1], image[2]);
        List<SourceImage> resized = presized(sources, resize, resampling.interpolation());
        for (int i = 0; i < n; i++) {
            out.setItem(i, resized.get(i).toTensor(format));
        }
        return single ? Tensor.of(out.data(), image) : out;
    }

    // ---------------------------------------------------------------- the batch path

    private Drawn[] run(SampleBatch batch, Drawn[] given, boolean augmentationOnly) {
        int n = batch.size();
        int[] outShape = batch.outputShape();
        int[] slot = format.imageHwc(Arrays.copyOfRange(outShape, 1, 4));
        boolean onto = batch.resampledInWarp() && (preAugmentation == null || augmentationOnly);
        int[] size = resize != null ? resize : batch.resampledInWarp() ? batch.resampledSize() : null;
        List<SourceImage> sources = batch.sources();
        // The resize is the first stage of each sample's plan (one warpBatch), unless the pre-augmentation
        // function must see the resized image: then it is its own warpBatch before the function.
        boolean presizeInPlan = !onto && size != null && (preAugmentation == null || augmentationOnly);
        if (!onto && size != null && !presizeInPlan) {
            sources = presized(sources, size, resampling.interpolation());
        }
        Drawn[] drawn = new Drawn[n];
        Planned[] planned = new Planned[n];
        List<SourceImage> warpSources = new ArrayList<>(n);
        List<WarpPlan> plans = new ArrayList<>(n);
        boolean finishedByWarp = true;
        for (int j = 0; j < n; j++) {
            SourceImage source = sources.get(j);
            int[] presize = presizeInPlan && !hasSize(source, size) ? size : null;
            if (presize != null) {
                source = floats(source);
            } else if (!augmentationOnly) {
                source = preAugmented(source, batch.context(j));
            }
            ImageShape shape = onto || presize != null ? new ImageShape(size[0], size[1], source.channels(), format)
                    : shapeOf(source);
            RandomGenerator rng = given != null ? null : batch.stream(j);
            drawn[j] = given != null ? given[j] : draw(shape, rng, augmentationOnly);
            planned[j] = plan(source, shape, drawn[j], rng, augmentationOnly, onto ? sources.get(j) : null, presize);
            checkSlot(planned[j], slot, onto);
            warpSources.add(planned[j].source());
            plans.add(planned[j].plan());
            finishedByWarp &= planned[j].after().length == 0;
        }
        DenseTensor output = batch.output();
        if (finishedByWarp) {
            backend.warpBatch(warpSources, plans, output, format);
        } else {
            finishEach(warpSources, plans, planned, drawn, given != null ? null : batch, output);
        }
        if (batch.masks() != null) {
            warpMasks(batch, drawn);
        }
        return drawn;
    }

    /**
     * The batch warped when some sample has steps after the warp, and each such sample's steps. On a backend
     * that {@linkplain Backend#warpsBatchesAtOnce() wants whole batches} the batch is warped in one
     * {@link Backend#warpBatch}, then each sample finished; on the others each sample is warped into its slot
     * and finished at once, while its image is still in the processor's cache (the same calls as
     * {@code warpBatch}'s, interleaved). The steps run on the sample's slot of the batch while each step
     * {@linkplain PixelStep#applyInPlace can work there}; from the first that cannot, the sample is copied out
     * of its slot into one scratch image reused for every sample, the remaining steps run there, and the
     * result is copied back (no allocation per sample). Where the warp would only copy the source into the slot,
     * the first step after it may read the source itself and write the slot ({@link PixelStep#applyFrom}),
     * and the copy is saved. A buffer output is warped into a heap batch first and
     * written once.
     *
     * @param streams the batch whose streams and contexts the steps that draw after the warp use, or null
     *     with given parameters (those steps do not run)
     */
    private void finishEach(List<SourceImage> sources, List<WarpPlan> plans, Planned[] planned, Drawn[] drawn,
            SampleBatch streams, DenseTensor output) {
        Tensor x = output instanceof Tensor heap ? heap : Tensor.zeros(output.shape());
        boolean atOnce = backend.warpsBatchesAtOnce();
        if (atOnce) {
            backend.warpBatch(sources, plans, x, format);
        } else {
            WarpKernel.checkBatch(sources, plans, x);
        }
        Scratch scratch = new Scratch(Arrays.copyOfRange(x.shape(), 1, 4));
        int size = x.itemSize();
        for (int j = 0; j < planned.length; j++) {
            Planned p = planned[j];
            SampleContext context = streams == null ? SampleContext.NONE : streams.context(j);
            int first = 0;
            if (!atOnce) {
                OutputSlot slot = OutputSlot.of(x, j, format);
                if (fromSource(p, drawn[j], sources.get(j), slot, context)) {
                    first = 1;
                } else {
                    PresizedWarp.warp(backend, sources.get(j), plans.get(j), slot);
                }
            }
            if (p.after().length == first) {
                continue;
            }
            Tensor y = finish(p, drawn[j], streams == null ? null : streams.stream(j), context, x.data(), j * size,
                    scratch, first);
            if (y != null) {
                System.arraycopy(y.data(), 0, x.data(), j * size, size);
            }
        }
        if (output instanceof BufferTensor buffer) {
            buffer.setElements(0, x.data(), 0, x.size());
        }
    }

    /**
     * {@return whether the first step after the warp ran from {@code source} into {@code slot}
     * ({@link PixelStep#applyFrom}), in place of a warp that would only copy the source there} Only a step
     * drawn with the others (not after the warp) and drawn for this sample is asked.
     */
    private boolean fromSource(Planned p, Drawn drawn, SourceImage source, OutputSlot slot, SampleContext context) {
        WarpPlan plan = p.plan();
        if (p.after().length == 0 || !plan.isIdentityAffine() || plan.flipRows() || plan.flipCols() || plan.hasColor()
                || plan.hasPresize() || !(steps.get(p.after()[0]) instanceof PixelStep<?> step)
                || step.drawsAfterWarp()) {
            return false;
        }
        Object params = drawn.at(p.after()[0]);
        return params != null && from(step, params, source, slot, p.shape(), context);
    }

    @SuppressWarnings("unchecked")
    private <P> boolean from(PixelStep<P> step, Object params, SourceImage source, OutputSlot slot, ImageShape shape,
            SampleContext context) {
        return step.applyFrom((P) params, source, slot, shape, context, backend);
    }

    /**
     * The masks of {@code batch} with each sample's geometry, nearest and a constant fill, a mask of another
     * size than the resize target first resized by nearest as the first stage of its plan: one batch warp.
     */
    private void warpMasks(SampleBatch batch, Drawn[] drawn) {
        List<SourceImage> masks = batch.masks();
        List<WarpPlan> plans = new ArrayList<>(masks.size());
        for (int j = 0; j < masks.size(); j++) {
            SourceImage mask = masks.get(j);
            boolean presize = resize != null && !hasSize(mask, resize);
            ImageShape shape = presize ? new ImageShape(resize[0], resize[1], mask.channels(), format) : shapeOf(mask);
            OutputSlot slot = OutputSlot.of(batch.maskOutput(), j, format);
            Folded g = fold(drawn[j], shape);
            ImageShape made = g.shape();
            if (made.height() != slot.height() || made.width() != slot.width() || made.channels() != slot.channels()) {
                throw new IllegalArgumentException("batch slots hold " + slot.height() + "x" + slot.width() + "x"
                        + slot.channels() + " masks but the mask is " + shape.height() + "x" + shape.width() + "x"
                        + shape.channels() + (presize ? " once resized" : "")
                        + (made.equals(shape) ? "" : ", made " + made.height() + "x" + made.width() + " by the steps"));
            }
            WarpPlan.Builder plan = WarpPlan.builder().inverseAffine(g.inverse()).flips(g.flipRows(), g.flipCols())
                    .interpolation(Interpolation.NEAREST).fill(FillMode.CONSTANT, batch.maskFillValue());
            plans.add((presize ? plan.presize(resize[0], resize[1], Interpolation.NEAREST) : plan).build());
        }
        backend.warpBatch(masks, plans, batch.maskOutput(), format);
    }

    private static boolean hasSize(SourceImage source, int[] size) {
        return source.height() == size[0] && source.width() == size[1];
    }

    /** {@code source} as float32: the resize stage reads an image's float values (8-bit sources are converted). */
    private SourceImage floats(SourceImage source) {
        return source.isBytes() ? SourceImage.of(source.toTensor(format), format) : source;
    }

    /**
     * {@code sources} with every one whose size is not {@code size} resampled to it (pixel centres aligned,
     * edges clamped) by ONE batch warp into a scratch batch; the others are kept. This is the resize stage
     * before the augmentation warp.
     */
    private List<SourceImage> presized(List<SourceImage> sources, int[] size, Interpolation interpolation) {
        List<SourceImage> toResize = new ArrayList<>();
        List<WarpPlan> plans = new ArrayList<>();
        int channels = -1;
        for (SourceImage s : sources) {
            if (!hasSize(s, size)) {
                if (channels >= 0 && s.channels() != channels) {
                    throw new IllegalArgumentException("batch slots hold " + size[0] + "x" + size[1] + "x" + channels
                            + " images but the source is " + size[0] + "x" + size[1] + "x" + s.channels());
                }
                channels = s.channels();
                toResize.add(floats(s));
                plans.add(resizePlan(s.height(), s.width(), size, interpolation));
            }
        }
        if (toResize.isEmpty()) {
            return sources;
        }
        int[] image = format.imageShape(size[0], size[1], channels);
        Tensor scratch = Tensor.zeros(toResize.size(), image[0], image[1], image[2]);
        backend.warpBatch(toResize, plans, scratch, format);
        List<SourceImage> out = new ArrayList<>(sources.size());
        int k = 0;
        for (SourceImage s : sources) {
            out.add(hasSize(s, size) ? s : SourceImage.of(scratch.item(k++), format));
        }
        return out;
    }

    /**
     * The plan that resamples a {@code height × width} image to {@code target} ({@code {height, width}}) with
     * pixel centres aligned and edges clamped (no antialiasing).
     */
    static WarpPlan resizePlan(int height, int width, int[] target, Interpolation interpolation) {
        return WarpPlan.builder().inverseAffine(ontoSource(null, target, height, width)).interpolation(interpolation)
                .fill(FillMode.NEAREST, 0).build();
    }

    /**
     * {@code inverse} (null: the identity) followed by the map from an image of {@code size} onto a
     * {@code height × width} source, pixel centres aligned.
     */
    static double[] ontoSource(double[] inverse, int[] size, int height, int width) {
        double ry = (double) height / size[0];
        double rx = (double) width / size[1];
        double[] m = inverse != null ? inverse : new double[] {1, 0, 0, 0, 1, 0};
        return new double[] {ry * m[0], ry * m[1], ry * m[2] + 0.5 * ry - 0.5, rx * m[3], rx * m[4],
                rx * m[5] + 0.5 * rx - 0.5};
    }

    /** {@code src} through the pre-augmentation function, when there is one (same shape required). */
    private SourceImage preAugmented(SourceImage src, SampleContext context) {
        if (preAugmentation == null) {
            return src;
        }
        Tensor image = src.toTensor(format);
        int[] shape = image.shape();
        Tensor out = preAugmentation.apply(image, context);
        if (out == null || !Arrays.equals(shape, out.shape())) {
            throw new IllegalStateException("the pre-augmentation function must return an image of shape "
                    + Arrays.toString(shape) + "; got " + (out == null ? "null" : Arrays.toString(out.shape())));
        }
        return SourceImage.of(out, format);
    }

    private ImageShape shapeOf(SourceImage source) {
        return new ImageShape(source.height(), source.width(), source.channels(), format);
    }

    // ---------------------------------------------------------------- per sample

    /** Whether {@code step} is left out for a sample drawing from {@code rng} (null: not augmented). */
    private static boolean skipped(Step step, RandomGenerator rng, boolean augmentationOnly) {
        return step.augments() ? rng == null : augmentationOnly;
    }

    private Drawn draw(ImageShape input, RandomGenerator rng, boolean augmentationOnly) {
        Object[] params = new Object[steps.size()];
        ImageShape shape = input;
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            if (skipped(s, rng, augmentationOnly)) {
                continue;
            }
            if (s instanceof GeometricStep<?> g) {
                params[i] = g.draw(shape, rng);
                if (params[i] != null) {
                    Geometry geometry = geometry(g, params[i], shape);
                    shape = shape.withSize(geometry.height(), geometry.width());
                }
            } else if (s instanceof ColorLinearStep<?> c) {
                params[i] = c.draw(shape, rng);
            } else if (s instanceof PixelStep<?> p && !p.drawsAfterWarp()) {
                params[i] = p.draw(shape, rng);
            }
        }
        return new Drawn(steps, params);
    }

    /**
     * The geometric steps of {@code drawn} on an image of {@code input} folded into one inverse: a trailing
     * run of flips stays as output flips; an inverse that is a single step's is used as it is.
     */
    private Folded fold(Drawn drawn, ImageShape input) {
        List<Geometry> chain = new ArrayList<>(geometricSteps);
        ImageShape shape = input;
        for (int i = 0; i < geometricSteps; i++) {
            Object p = drawn.at(i);
            if (p != null) {
                Geometry g = geometry((GeometricStep<?>) steps.get(i), p, shape);
                chain.add(g);
                shape = shape.withSize(g.height(), g.width());
            }
        }
        int end = chain.size();
        boolean rows = false;
        boolean cols = false;
        while (end > 0 && chain.get(end - 1).isFlip()) {
            end--;
            rows ^= chain.get(end).flipRows();
            cols ^= chain.get(end).flipCols();
        }
        double[] inverse = null;
        for (int k = 0; k < end; k++) {
            inverse = Geometry.compose(inverse, chain.get(k).inverseMatrix());
        }
        return new Folded(inverse, rows, cols, shape);
    }

    /**
     * {@return the one affine map the geometric steps of {@code drawn} make of an image of {@code input}'s shape,
     * folded in list order as the warp folds them (the trailing flips written as a matrix), with the size it
     * produces} Its {@link Geometry#forward()} moves points on the input (box corners, keypoints) where the warp
     * moves the pixels under them; the identity when no geometric step drew.
     *
     * @param drawn what {@link #draw} or {@link #given} returned for the sample
     */
    public Geometry geometry(Drawn drawn, ImageShape input) {
        Folded g = fold(drawn, input);
        ImageShape out = g.shape();
        double[] inverse = g.inverse();
        if (g.flipRows() || g.flipCols()) {
            inverse = Geometry.compose(inverse,
                    Geometry.flip(g.flipRows(), g.flipCols(), out.height(), out.width()).inverseMatrix());
        }
        return Geometry.inverse(inverse, out.height(), out.width());
    }

    /**
     * Plans one sample: its folded geometry (mapped onto {@code ontoSource} when the resize is folded into
     * the warp, or after a first stage that resizes the source to {@code presize} when that is not null),
     * the resampling settings, the color-linear steps that fold, and the steps left for after
     * the warp. Steps that draw after the warp run when {@code lateRng} is not null.
     */
    private Planned plan(SourceImage source, ImageShape shape, Drawn drawn, RandomGenerator lateRng,
            boolean augmentationOnly, SourceImage ontoSource, int[] presize) {
        Folded g = fold(drawn, shape);
        double[] inverse = g.inverse();
        SourceImage warped = source;
        if (ontoSource != null) {
            inverse = ontoSource(inverse, new int[] {shape.height(), shape.width()}, ontoSource.height(),
                    ontoSource.width());
            warped = ontoSource;
        }
        WarpPlan.Builder plan = resampling.applyTo(WarpPlan.builder().inverseAffine(inverse)
                .flips(g.flipRows(), g.flipCols()));
        if (presize != null) {
            plan.presize(presize[0], presize[1], resampling.interpolation());
        }
        ImageShape out = g.shape();
        ColorLinear color = null;
        int[] after = new int[steps.size() - geometricSteps];
        int count = 0;
        for (int i = geometricSteps; i < steps.size(); i++) {
            Step s = steps.get(i);
            if (s instanceof PixelStep<?> p && p.drawsAfterWarp()) {
                if (lateRng != null && !skipped(s, lateRng, augmentationOnly)) {
                    after[count++] = i;
                }
            } else if (drawn.at(i) != null) {
                if (s instanceof ColorLinearStep<?> c && count == 0) {
                    ColorLinear map = color(c, drawn.at(i), out);
                    color = color == null ? map : color.then(map);
                } else {
                    after[count++] = i;
                }
            }
        }
        if (color != null) {
            plan.color(color.scale(), color.offset());
        }
        boolean changes = inverse != null || g.flipRows() || g.flipCols() || color != null || count > 0
                || presize != null;
        return new Planned(warped, plan.build(), out, Arrays.copyOf(after, count), changes);
    }

    /** Checks that sample {@code p} comes out at the batch's image size {@code slot} ({@code {h, w, c}}). */
    private void checkSlot(Planned p, int[] slot, boolean onto) {
        ImageShape s = p.shape();
        if (!onto && p.source().height() == s.height() && p.source().width() == s.width()) {
            Augmenter.checkFits(p.source(), format.imageShape(slot[0], slot[1], slot[2]), format);
        }
        if (s.height() != slot[0] || s.width() != slot[1] || s.channels() != slot[2]) {
            throw new IllegalArgumentException("batch slots hold " + slot[0] + "x" + slot[1] + "x" + slot[2]
                    + " images but the geometric steps make " + s.height() + "x" + s.width() + "x" + s.channels());
        }
    }

    /**
     * Runs the steps left after the warp from the {@code first}-th on (the ones before it ran already), in
     * list order, on the warped sample at {@code offset} of {@code batch}: on the slot itself while each step
     * {@linkplain PixelStep#applyInPlace works in place}, from the first other step on {@code scratch} (an image
     * of the sample's shape, which the sample is copied into; it may be the slot itself).
     *
     * @return null when every step ran on the slot, else the result of the last step (scratch changed in
     *     place or the tensor the step returned), for the caller to copy back
     */
    private Tensor finish(Planned p, Drawn drawn, RandomGenerator rng, SampleContext context, float[] batch, int offset,
            Scratch scratch, int first) {
        Tensor y = null;
        int[] after = p.after();
        for (int k = first; k < after.length; k++) {
            int i = after[k];
            Step s = steps.get(i);
            if (s instanceof PixelStep<?> step) {
                Object params = step.drawsAfterWarp() ? step.draw(p.shape(), rng) : drawn.at(i);
                if (params == null || y == null && inPlace(step, params, batch, offset, p.shape(), context)) {
                    continue;
                }
                y = y != null ? y : copied(batch, offset, scratch);
                y = applyPixel(step, params, y, p.shape(), context);
            } else {
                y = y != null ? y : copied(batch, offset, scratch);
                y = applyColor((ColorLinearStep<?>) s, drawn.at(i), y, p.shape(), context);
            }
        }
        return y;
    }

    /** {@return the scratch image holding the sample at {@code offset} of {@code batch}} */
    private static Tensor copied(float[] batch, int offset, Scratch scratch) {
        Tensor image = scratch.image();
        if (image.data() != batch || offset != 0) {
            System.arraycopy(batch, offset, image.data(), 0, image.data().length);
        }
        return image;
    }

    /** One image of a batch's item shape, made when a sample first needs it and reused for the others. */
    private static final class Scratch {
        private final int[] shape;
        private Tensor image;

        Scratch(int[] shape) {
            this.shape = shape;
        }

        /** A scratch that is {@code image} itself (a one-image batch's only slot). */
        Scratch(Tensor image) {
            this.shape = image.shape();
            this.image = image;
        }

        Tensor image() {
            if (image == null) {
                image = Tensor.zeros(shape);
            }
            return image;
        }
    }

    @SuppressWarnings("unchecked")
    private static <P> Geometry geometry(GeometricStep<P> step, Object params, ImageShape shape) {
        Geometry g = step.geometry((P) params, shape);
        if (g == null) {
            throw new IllegalStateException("geometric step " + step.name() + " returned no geometry");
        }
        return g;
    }

    @SuppressWarnings("unchecked")
    private static <P> ColorLinear color(ColorLinearStep<P> step, Object params, ImageShape shape) {
        ColorLinear c = step.color((P) params, shape);
        if (c.channels() != shape.channels()) {
            throw new IllegalArgumentException("color-linear step " + step.name() + " gives " + c.channels()
                    + " channels for an image of " + shape.channels());
        }
        return c;
    }

    @SuppressWarnings("unchecked")
    private static <P> Tensor applyColor(ColorLinearStep<P> step, Object params, Tensor image, ImageShape shape,
            SampleContext context) {
        return checked(step, step.apply((P) params, image, shape, context), image);
    }

    @SuppressWarnings("unchecked")
    private static <P> Tensor applyPixel(PixelStep<P> step, Object params, Tensor image, ImageShape shape,
            SampleContext context) {
        return checked(step, step.apply((P) params, image, shape, context), image);
    }

    @SuppressWarnings("unchecked")
    private <P> boolean inPlace(PixelStep<P> step, Object params, float[] batch, int offset, ImageShape shape,
            SampleContext context) {
        return step.applyInPlace((P) params, batch, offset, shape, context, backend);
    }

    private static Tensor checked(Step step, Tensor out, Tensor in) {
        if (out == null || !Arrays.equals(out.shape(), in.shape())) {
            throw new IllegalStateException("step " + step.name() + " must return an image of shape "
                    + Arrays.toString(in.shape()) + "; got " + (out == null ? "null" : Arrays.toString(out.shape())));
        }
        return out;
    }
}
