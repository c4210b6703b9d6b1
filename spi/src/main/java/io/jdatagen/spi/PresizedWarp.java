package io.jdatagen.spi;

import io.jdatagen.core.DataFormat;
import io.jdatagen.core.Tensor;

/**
 * Runs a plan with a presize ({@link WarpPlan.Builder#presize}) as its two warps through one
 * kernel's own {@link WarpKernel#warp}: the source resampled by {@link WarpPlan#presizePlan} into a
 * float32 scratch image laid out as the output, then that image warped by {@link
 * WarpPlan#withoutPresize} into the output. The result is therefore bit for bit the two calls a
 * caller would make itself. A plan without a presize, or a source that already has the presize's
 * size, takes the second warp alone.
 *
 * <p>Backends route presized plans here from {@link WarpKernel#warp} unless they fuse the two
 * resamplings themselves; {@link WarpKernel#warpBatch}'s default does so for every image.
 */
public final class PresizedWarp {
    private PresizedWarp() {
    }

    /**
     * Warps {@code source} through {@code plan}, presize included, into {@code output}, with
     * {@code kernel} running both passes.
     *
     * @param kernel the kernel whose {@link WarpKernel#warp} runs each pass (never given a presized plan)
     * @param source the image the presize reads
     * @param plan the plan, with or without a presize
     * @param output where the second pass writes
     * @throws IllegalArgumentException if the plan does not fit source and output
     *     ({@link WarpPlan#checkCompatible})
     */
    public static void warp(WarpKernel kernel, SourceImage source, WarpPlan plan, OutputSlot output) {
        plan.checkCompatible(source, output);
        kernel.warp(firstPass(kernel, source, plan, output.format()), plan.withoutPresize(), output);
    }

    /**
     * The image the second pass reads: {@code source} resampled by {@code plan}'s presize into a
     * new float32 image in {@code layout}, or {@code source} itself when there is nothing to
     * resample ({@link WarpPlan#presizes}).
     *
     * @param kernel the kernel whose {@link WarpKernel#warp} runs the resize
     * @param source the image the presize reads
     * @param plan the plan whose presize applies
     * @param layout the layout of the scratch image (the output's, so that the second pass reads
     *     what the two explicit calls would)
     * @return the presized image, or {@code source}
     */
    public static SourceImage firstPass(WarpKernel kernel, SourceImage source, WarpPlan plan, DataFormat layout) {
        if (!plan.presizes(source.height(), source.width())) {
            return source;
        }
        Tensor scratch = Tensor.zeros(layout.imageShape(plan.presizeHeight(), plan.presizeWidth(),
                source.channels()));
        kernel.warp(source, plan.presizePlan(source.height(), source.width()), OutputSlot.image(scratch, layout));
        return SourceImage.of(scratch, layout);
    }
}
