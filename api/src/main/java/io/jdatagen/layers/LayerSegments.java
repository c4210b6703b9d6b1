package io.jdatagen.layers;

import io.jdatagen.augment.BatchStep;
import io.jdatagen.augment.GeometricStep;
import io.jdatagen.augment.PixelStep;
import io.jdatagen.augment.Resampling;
import io.jdatagen.augment.Step;
import io.jdatagen.augment.StepPipeline;
import io.jdatagen.core.DataFormat;
import io.jdatagen.core.FillMode;
import io.jdatagen.core.Interpolation;
import io.jdatagen.spi.Backend;
import io.jdatagen.spi.WrapConvention;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits an ordered list of Keras layers into the {@link StepPipeline}s that run one after another, and
 * the batch layers that run on the assembled batch.
 *
 * <p>A segment is one resampling: a run of geometric layers that fold into one warp, followed by the
 * layers that are not geometric up to the next geometric layer (color-linear ones fold into the warp's
 * color step while no pixel layer precedes them). With {@link KerasPipeline.Mode#FUSED} a run is every
 * consecutive geometric layer that samples alike ({@link KerasLayer#resampling()} equal), and a
 * {@link RandomFlip} joins the run it is in whatever the run's resampling: a flip maps pixel index
 * {@code x} to {@code W − 1 − x}, an exact permutation of pixel centres, and every interpolation and fill
 * mode Keras has is symmetric under that mirror (the taps and their weights mirror, and so do the
 * reflect, wrap, nearest and constant fills), so sampling a flipped image equals sampling the image at
 * the flipped coordinate. A run that starts with flips takes the resampling of the first other layer
 * that joins it (a run of flips alone keeps the flip's own). With
 * {@link KerasPipeline.Mode#KERAS_REFERENCE} every layer is a segment of its own, as Keras's
 * {@code Sequential} calls one layer after another.
 */
final class LayerSegments {
    /**
     * How a segment without geometric layers samples: its warp is the identity, which reads every source
     * pixel as it is with any settings; nearest says so.
     */
    static final Resampling IDENTITY = new Resampling(Interpolation.NEAREST, FillMode.CONSTANT, 0,
            WrapConvention.PERIODIC);

    private final List<StepPipeline> segments;
    private final StepPipeline batchLayers;
    private final Map<KerasLayer, Step> steps;

    private LayerSegments(List<StepPipeline> segments, StepPipeline batchLayers, Map<KerasLayer, Step> steps) {
        this.segments = segments;
        this.batchLayers = batchLayers;
        this.steps = steps;
    }

    /**
     * Splits {@code layers}.
     *
     * @throws IllegalArgumentException for a layer listed twice (the same object), a geometric layer
     *     without a resampling, a step that draws after the warp (Keras layers draw their transformation
     *     before transforming), or a batch layer followed by a per-sample layer
     */
    static LayerSegments split(List<KerasLayer> layers, KerasPipeline.Mode mode, Backend backend, DataFormat format) {
        List<List<Step>> groups = new ArrayList<>();
        List<Resampling> resamplings = new ArrayList<>();
        List<Step> batch = new ArrayList<>();
        String lastBatchLayer = null;
        Map<Step, Boolean> seen = new IdentityHashMap<>();
        Map<KerasLayer, Step> steps = new IdentityHashMap<>();
        boolean openRun = false;
        // The open run holds only flips so far: its resampling is the next non-flip layer's, if one joins.
        boolean flipsOnly = false;
        for (KerasLayer layer : layers) {
            if (seen.put(layer.step(), Boolean.TRUE) != null) {
                throw new IllegalArgumentException("layers: " + layer.className() + " is listed twice (the same"
                        + " object); each place in the pipeline needs its own layer, e.g. from the same config");
            }
            Step step = onBackend(layer, backend).step();
            steps.put(layer, step);
            if (step instanceof PixelStep<?> p && p.drawsAfterWarp()) {
                throw new IllegalArgumentException("layers: " + layer.className() + "'s step draws after the warp;"
                        + " a Keras layer draws its whole transformation before it transforms");
            }
            if (step instanceof BatchStep<?>) {
                batch.add(step);
                lastBatchLayer = layer.className();
                continue;
            }
            if (!batch.isEmpty()) {
                throw new IllegalArgumentException("layers: " + layer.className() + " follows the batch layer "
                        + lastBatchLayer + "; batch layers run on the assembled batch,"
                        + " after every per-sample layer: list them last");
            }
            if (step instanceof GeometricStep<?>) {
                Resampling r = layer.resampling();
                if (r == null) {
                    throw new IllegalArgumentException("layers: the geometric layer " + layer.className()
                            + " gives no resampling (interpolation, fill mode and value)");
                }
                boolean fused = mode == KerasPipeline.Mode.FUSED;
                boolean permutes = fused && layer instanceof RandomFlip;
                int last = resamplings.size() - 1;
                boolean joins = fused && openRun && (permutes || flipsOnly || r.equals(resamplings.get(last)));
                if (!joins) {
                    groups.add(new ArrayList<>());
                    resamplings.add(r);
                } else if (flipsOnly && !permutes) {
                    resamplings.set(last, r);
                }
                flipsOnly = joins ? flipsOnly && permutes : permutes;
                openRun = true;
            } else if (groups.isEmpty() || mode == KerasPipeline.Mode.KERAS_REFERENCE) {
                groups.add(new ArrayList<>());
                resamplings.add(IDENTITY);
                openRun = false;
            } else {
                openRun = false;
            }
            groups.get(groups.size() - 1).add(step);
        }
        if (groups.isEmpty()) {
            groups.add(List.of());
            resamplings.add(IDENTITY);
        }
        List<StepPipeline> segments = new ArrayList<>(groups.size());
        for (int i = 0; i < groups.size(); i++) {
            segments.add(new StepPipeline(groups.get(i), resamplings.get(i), backend, format, null, null));
        }
        StepPipeline batchLayers = batch.isEmpty() ? null
                : new StepPipeline(batch, IDENTITY, backend, format, null, null);
        return new LayerSegments(Collections.unmodifiableList(segments), batchLayers, steps);
    }

    /**
     * {@return {@code layer}, or for a layer whose step warps on its own (RandAugment's and AugMix's
     * geometric operations) a copy of it warping on {@code backend}, the pipeline's}
     */
    private static KerasLayer onBackend(KerasLayer layer, Backend backend) {
        if (layer instanceof RandAugment r) {
            return r.on(backend);
        }
        if (layer instanceof AugMix a) {
            return a.on(backend);
        }
        return layer;
    }

    /**
     * {@return the step that runs {@code layer} in the segments (a copy of its step for a layer bound to the
     * pipeline's backend), or {@code layer}'s own step for a layer not split here}
     */
    Step stepOf(KerasLayer layer) {
        Step step = steps.get(layer);
        return step != null ? step : layer.step();
    }

    /** {@return the per-sample segments in order, at least one (an empty one copies the images)} */
    List<StepPipeline> segments() {
        return segments;
    }

    /** {@return the batch layers as a pipeline of batch steps, or null without any} */
    StepPipeline batchLayers() {
        return batchLayers;
    }
}
