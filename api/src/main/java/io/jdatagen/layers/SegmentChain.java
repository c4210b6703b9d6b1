package io.jdatagen.layers;

import io.jdatagen.augment.Drawn;
import io.jdatagen.augment.GeometricStep;
import io.jdatagen.augment.Geometry;
import io.jdatagen.augment.ImageShape;
import io.jdatagen.augment.Step;
import io.jdatagen.augment.StepPipeline;
import io.jdatagen.core.DataFormat;
import io.jdatagen.core.DenseTensor;
import io.jdatagen.core.Tensor;
import io.jdatagen.flow.SampleBatch;
import io.jdatagen.flow.SampleContext;
import io.jdatagen.memory.BufferPool;
import io.jdatagen.spi.SourceImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Runs the segments of a {@link LayerSegments} one after another on a batch: each segment draws its
 * layers' transformations from every sample's stream (so the samples draw layer after layer, whatever
 * the segmentation), then resamples the batch once into the next segment's sources; the last writes
 * into the batch's output. One segment runs straight on the batch. The batches between segments, and
 * a new output, come from a pool: a segment's batch goes back once the next segment has read it, and
 * an output handed out goes back when its holder {@linkplain Tensor#release() releases} it.
 */
final class SegmentChain {
    private final List<StepPipeline> segments;
    private final DataFormat format;
    private final BufferPool batches;

    SegmentChain(List<StepPipeline> segments, DataFormat format, BufferPool batches) {
        this.segments = segments;
        this.format = format;
        this.batches = batches;
    }

    /** Runs every segment on {@code batch}, writing its outputs (see {@code Augmenter.augment}). */
    void augment(SampleBatch batch) {
        if (segments.size() == 1) {
            segments.get(0).augment(batch);
            return;
        }
        int n = batch.size();
        RandomGenerator[] streams = new RandomGenerator[n];
        SampleContext[] contexts = new SampleContext[n];
        for (int j = 0; j < n; j++) {
            streams[j] = batch.stream(j);
            contexts[j] = batch.context(j);
        }
        run(batch.sources(), streams, contexts, batch.resampledInWarp() ? batch.resampledSize() : null,
                batch.output(), batch.masks(),
                batch.maskFillValue(), batch.maskOutput(), null);
    }

    /**
     * {@return {@code sources} through every segment into a batch from the pool (new memory, or memory a
     * released earlier output left), sample {@code j} drawing from {@code streams[j]} (null: not augmented)}
     */
    Tensor images(List<SourceImage> sources, RandomGenerator[] streams) {
        return images(sources, streams, null);
    }

    /**
     * {@return {@link #images(List, RandomGenerator[])}, adding to {@code drawn} (when not null) what every sample
     * drew in each segment, one array per segment in order}
     */
    Tensor images(List<SourceImage> sources, RandomGenerator[] streams, List<Drawn[]> drawn) {
        SampleContext[] contexts = new SampleContext[sources.size()];
        Arrays.fill(contexts, SampleContext.NONE);
        return (Tensor) run(sources, streams, contexts, null, null, null, 0, null, drawn);
    }

    /**
     * The segments in turn: segment {@code k} draws for every sample, then warps the batch into a scratch
     * batch of the size its geometry makes (the last into {@code output}, or a batch from the pool when that is
     * null), and gives the batch it read back to the pool.
     *
     * @param onto the flow's image size {@code {h, w}} when the first warp resamples the sources to it
     *     (the sources keep their own size), else null
     * @param record where each segment's draws are added (one array per segment), or null
     */
    private DenseTensor run(List<SourceImage> sources, RandomGenerator[] streams, SampleContext[] contexts, int[] onto,
            DenseTensor output, List<SourceImage> masks, double maskFill, Tensor maskOutput, List<Drawn[]> record) {
        int n = sources.size();
        List<SourceImage> in = sources;
        List<SourceImage> maskIn = masks;
        DenseTensor out = output;
        Tensor read = null;
        Tensor maskRead = null;
        for (int k = 0; k < segments.size(); k++) {
            StepPipeline segment = segments.get(k);
            boolean last = k == segments.size() - 1;
            boolean resampled = k == 0 && onto != null;
            Drawn[] drawn = new Drawn[n];
            ImageShape made = null;
            for (int j = 0; j < n; j++) {
                SourceImage s = in.get(j);
                ImageShape shape = resampled ? new ImageShape(onto[0], onto[1], s.channels(), format)
                        : new ImageShape(s.height(), s.width(), s.channels(), format);
                drawn[j] = segment.draw(shape, streams[j]);
                ImageShape after = shapeAfter(segment, drawn[j], shape);
                if (made != null && !made.equals(after)) {
                    throw new IllegalArgumentException("the layers make images of different sizes in one batch: "
                            + made.height() + "x" + made.width() + "x" + made.channels() + " and " + after.height()
                            + "x" + after.width() + "x" + after.channels());
                }
                made = after;
            }
            if (record != null) {
                record.add(drawn);
            }
            if (made == null) {
                return out;
            }
            DenseTensor target = last && out != null ? out : batchOf(n, made.height(), made.width(), made.channels());
            Tensor maskTarget = null;
            if (maskIn != null) {
                maskTarget = last ? maskOutput : batchOf(n, made.height(), made.width(), maskIn.get(0).channels());
            }
            SampleBatch.Builder request = SampleBatch.into(in, target, format).streams(streams).contexts(contexts)
                    .resampledInWarp(resampled);
            if (resampled) {
                request.resampledSize(onto[0], onto[1]);
            }
            if (maskIn != null) {
                request.masks(maskIn, maskFill, maskTarget);
            }
            segment.transform(request.build(), drawn);
            release(read);
            release(maskRead);
            if (last) {
                out = target;
            } else {
                read = (Tensor) target;
                maskRead = maskTarget;
                in = items(read, n);
                maskIn = maskIn == null ? null : items(maskTarget, n);
            }
        }
        return out;
    }

    private Tensor batchOf(int n, int height, int width, int channels) {
        int[] image = format.imageShape(height, width, channels);
        return batches.takeHeap(n, image[0], image[1], image[2]);
    }

    private static void release(Tensor batch) {
        if (batch != null) {
            batch.release();
        }
    }

    private List<SourceImage> items(Tensor batch, int n) {
        List<SourceImage> items = new ArrayList<>(n);
        for (int j = 0; j < n; j++) {
            items.add(SourceImage.ofItem(batch, j, format));
        }
        return items;
    }

    /** {@return {@code image} (rank 3) through every segment, drawing from {@code rng} (null: not augmented)} */
    Tensor transformImage(Tensor image, RandomGenerator rng) {
        Tensor x = image;
        for (StepPipeline segment : segments) {
            int[] hwc = format.imageHwc(x.shape());
            Drawn drawn = segment.draw(new ImageShape(hwc[0], hwc[1], hwc[2], format), rng);
            x = segment.transformImage(x, null, drawn);
        }
        return x;
    }

    /**
     * {@return {@code image} (rank 3) through every segment with the given transformations}
     *
     * @param transformations by step (compared by identity); a step left out leaves the image unchanged
     */
    Tensor transformImage(Tensor image, Map<Step, ?> transformations) {
        Tensor x = image;
        for (StepPipeline segment : segments) {
            Map<Step, Object> own = new IdentityHashMap<>();
            for (Step s : segment.steps()) {
                Object p = transformations.get(s);
                if (p != null) {
                    own.put(s, p);
                }
            }
            x = segment.transformImage(x, null, segment.given(own));
        }
        return x;
    }

    /** {@return the shape the geometric steps of {@code segment} make of {@code input} with {@code drawn}} */
    static ImageShape shapeAfter(StepPipeline segment, Drawn drawn, ImageShape input) {
        ImageShape shape = input;
        for (Step s : segment.steps()) {
            if (s instanceof GeometricStep<?> g) {
                Object p = drawn.get(s);
                if (p != null) {
                    Geometry geometry = geometry(g, p, shape);
                    shape = shape.withSize(geometry.height(), geometry.width());
                }
            }
        }
        return shape;
    }

    @SuppressWarnings("unchecked")
    private static <P> Geometry geometry(GeometricStep<P> step, Object params, ImageShape shape) {
        return step.geometry((P) params, shape);
    }
}
