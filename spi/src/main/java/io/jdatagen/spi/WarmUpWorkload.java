package io.jdatagen.spi;

import io.jdatagen.core.BufferTensor;
import io.jdatagen.core.DataFormat;
import io.jdatagen.core.DenseTensor;
import io.jdatagen.core.ElementType;
import io.jdatagen.core.FillMode;
import io.jdatagen.core.Interpolation;
import io.jdatagen.core.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * One round of small synthetic kernel calls covering the plan shape families a flow meets: copies
 * and nearest or bilinear warps (rotation-like affines, flips, a color step) of 8-bit RGB, 8-bit
 * gray and float RGB sources under the clamping and constant fills, into heap float32 and buffer
 * float32, float16 and uint8 slots in both layouts, and Pillow's row, column and nearest passes on
 * RGB pixels ({@link #everything()}), or the Pillow passes alone ({@link #resamplingOnly()}). Inputs
 * are 32 × 48 (a row spans three of {@code simd}'s 16-column blocks); values are fixed, so a round
 * costs the same every time and its duration tracks only the compiled state of the kernels.
 * Not thread-safe: one warm-up thread owns it.
 */
final class WarmUpWorkload {
    private static final int H = 32;
    private static final int W = 48;

    /** One warp call: a source, a plan and the slot it writes. */
    private record WarpCall(SourceImage source, WarpPlan plan, OutputSlot slot) {
    }

    private final List<WarpCall> warps = new ArrayList<>();
    private final byte[] rgb = new byte[H * W * 3];
    private final ResampleTable rows = halving(W);
    private final ResampleTable columns = halving(H);
    private final byte[] rowsOut = new byte[H * (W / 2) * 3];
    private final byte[] columnsOut = new byte[(H / 2) * (W / 2) * 3];
    private final int[] pickRows = new int[H / 2];
    private final int[] pickCols = new int[W / 2];
    private final byte[] picked = new byte[(H / 2) * (W / 2) * 3];

    /**
     * Pillow passes per round of {@link #resamplingOnly()}: enough for a round to last long enough
     * to time (a few tens of microseconds once compiled).
     */
    private static final int RESAMPLING_REPEATS = 8;

    private final int resamplingRepeats;

    private WarmUpWorkload(boolean withWarps, int resamplingRepeats) {
        this.resamplingRepeats = resamplingRepeats;
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = (byte) (i * 37 + (i / 97));
        }
        byte[] gray = new byte[H * W];
        System.arraycopy(rgb, 0, gray, 0, gray.length);
        float[] floats = new float[H * W * 3];
        for (int i = 0; i < floats.length; i++) {
            floats[i] = (rgb[i] & 0xFF) / 255f;
        }
        List<SourceImage> sources = List.of(SourceImage.ofBytes(rgb, 0, H, W, 3), SourceImage.ofBytes(gray, 0, H, W, 1),
                SourceImage.of(Tensor.of(floats, H, W, 3), DataFormat.CHANNELS_LAST));
        double angle = Math.toRadians(11);
        double[] rotation = {Math.cos(angle) * 0.95, -Math.sin(angle), 2.5, Math.sin(angle), Math.cos(angle) * 1.05, -1.5};
        for (SourceImage source : withWarps ? sources : List.<SourceImage>of()) {
            int c = source.channels();
            float[] scale = new float[c];
            float[] offset = new float[c];
            java.util.Arrays.fill(scale, 1 / 255f);
            java.util.Arrays.fill(offset, -0.5f);
            for (DataFormat format : DataFormat.values()) {
                for (DenseTensor batch : outputs(c, format)) {
                    OutputSlot slot = OutputSlot.of(batch, 0, format);
                    warps.add(new WarpCall(source, WarpPlan.builder().flips(false, true).color(scale, offset).build(),
                            slot));
                    for (Interpolation interpolation : List.of(Interpolation.NEAREST, Interpolation.BILINEAR)) {
                        for (FillMode fill : List.of(FillMode.NEAREST, FillMode.REFLECT, FillMode.CONSTANT)) {
                            warps.add(new WarpCall(source, WarpPlan.builder().inverseAffine(rotation)
                                    .flips(false, fill == FillMode.NEAREST).interpolation(interpolation)
                                    .fill(fill, 0).color(scale, offset).build(), slot));
                        }
                    }
                }
            }
        }
        for (int k = 0; k < pickRows.length; k++) {
            pickRows[k] = 2 * k + 1;
        }
        for (int k = 0; k < pickCols.length; k++) {
            pickCols[k] = 2 * k;
        }
    }

    /** The slots of one family: heap float32 and buffer float32, float16 and uint8, one image each. */
    private static List<DenseTensor> outputs(int channels, DataFormat format) {
        int[] shape = format == DataFormat.CHANNELS_LAST ? new int[] {1, H, W, channels}
                : new int[] {1, channels, H, W};
        List<DenseTensor> list = new ArrayList<>();
        list.add(Tensor.zeros(shape));
        for (ElementType type : ElementType.values()) {
            list.add(BufferTensor.allocate(type, shape));
        }
        return list;
    }

    /** A two-tap table halving {@code inSize} samples (Pillow's bilinear at a scale of 1/2 has this shape). */
    private static ResampleTable halving(int inSize) {
        int out = inSize / 2;
        int[] bounds = new int[2 * out];
        int[] weights = new int[2 * out];
        for (int k = 0; k < out; k++) {
            bounds[2 * k] = 2 * k;
            bounds[2 * k + 1] = 2;
            weights[2 * k] = 1 << (ResampleTable.PRECISION_BITS - 1);
            weights[2 * k + 1] = 1 << (ResampleTable.PRECISION_BITS - 1);
        }
        return new ResampleTable(out, 2, bounds, weights);
    }

    /** {@return the round of every family: the warps and one of each Pillow pass} */
    static WarmUpWorkload everything() {
        return new WarmUpWorkload(true, 1);
    }

    /**
     * {@return a round of Pillow's passes alone: they compile in a fraction of the warps' time and pay
     * off after a few hundred images, so they can switch long before the warps}
     */
    static WarmUpWorkload resamplingOnly() {
        return new WarmUpWorkload(false, RESAMPLING_REPEATS);
    }

    /** {@return how many kernel calls one {@link #run} makes} */
    int calls() {
        return warps.size() + 3 * resamplingRepeats;
    }

    /** Runs every call of the round once on {@code backend}. */
    void run(Backend backend) {
        for (WarpCall call : warps) {
            backend.warp(call.source(), call.plan(), call.slot());
        }
        ResampleKernel resampling = backend.resampling();
        for (int k = 0; k < resamplingRepeats; k++) {
            resampling.resampleRows(rgb, W, 3, 0, H, rows, rowsOut);
            resampling.resampleColumns(rowsOut, W / 2, 3, columns, columnsOut);
            resampling.resampleNearest(rgb, W, 3, pickRows, pickCols, picked);
        }
    }
}
