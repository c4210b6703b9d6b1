package io.jdatagen.aparapi;

import io.jdatagen.core.DataFormat;
import io.jdatagen.core.FillMode;
import io.jdatagen.core.Interpolation;
import io.jdatagen.spi.SourceImage;
import io.jdatagen.spi.WarpPlan;
import io.jdatagen.spi.WrapConvention;

/**
 * Writes one image's source description and plan into the rows {@link WarpBatchKernel} reads,
 * and its presize into the kernel's {@link PresizeTables}.
 */
final class PlanRows {
    private PlanRows() {
    }

    /**
     * Writes image {@code s} (packed from {@code sourceOffset}) and {@code plan} into {@code meta}
     * from {@code m} and {@code params} from {@code q}; a presize that resamples takes its table
     * entries from {@code tableAt} on ({@link PresizeTables#entries} of them).
     */
    static void write(SourceImage s, WarpPlan plan, int sourceOffset, int[] meta, int m, float[] params, int q,
            int tableAt, int[] taps, float[] weights) {
        boolean presized = plan.presizes(s.height(), s.width());
        meta[m] = sourceOffset;
        meta[m + 1] = s.height();
        meta[m + 2] = s.width();
        meta[m + 3] = s.channels();
        meta[m + 4] = s.isBytes() ? 1 : 0;
        meta[m + 5] = s.format() == DataFormat.CHANNELS_FIRST ? 1 : 0;
        int flags = 0;
        flags |= plan.isIdentityAffine() ? WarpBatchKernel.IDENTITY : 0;
        flags |= plan.flipRows() ? WarpBatchKernel.FLIP_ROWS : 0;
        flags |= plan.flipCols() ? WarpBatchKernel.FLIP_COLS : 0;
        flags |= plan.interpolation() == Interpolation.NEAREST ? WarpBatchKernel.NEAREST : 0;
        flags |= plan.hasColor() ? WarpBatchKernel.COLOUR : 0;
        flags |= presized ? WarpBatchKernel.PRESIZE : 0;
        flags |= presized && plan.presizeInterpolation() == Interpolation.NEAREST
                ? WarpBatchKernel.PRESIZE_NEAREST : 0;
        meta[m + 6] = flags;
        meta[m + 7] = mode(plan.fillMode());
        meta[m + 8] = plan.fillMode() == FillMode.WRAP && plan.wrapConvention() == WrapConvention.SCIPY ? 1 : 0;
        meta[m + 9] = plan.hasPresize() ? plan.presizeHeight() : s.height();
        meta[m + 10] = plan.hasPresize() ? plan.presizeWidth() : s.width();
        meta[m + 11] = tableAt;
        if (presized) {
            PresizeTables.write(s, plan, tableAt, taps, weights);
        }
        for (int k = 0; k < 6; k++) {
            params[q + k] = plan.isIdentityAffine() ? 0f : (float) plan.affine(k);
        }
        params[q + 6] = (float) plan.fillValue();
        for (int c = 0; c < 4; c++) {
            boolean has = plan.hasColor() && c < s.channels();
            params[q + 7 + c] = has ? plan.scale(c) : 1f;
            params[q + 11 + c] = has ? plan.offset(c) : 0f;
        }
    }

    /**
     * {@return whether the OpenCL kernel runs {@code plan}: orders 0 and 1, every mode but mirror and
     * grid-constant, and a presize (if any) of order 0 or 1}
     */
    static boolean supported(WarpPlan plan) {
        return (!plan.hasPresize() || PresizeTables.fused(plan)) && plan.interpolation().order() <= 1
                && plan.fillMode() != FillMode.MIRROR && plan.fillMode() != FillMode.GRID_CONSTANT;
    }

    private static int mode(FillMode mode) {
        return switch (mode) {
            case CONSTANT -> WarpBatchKernel.CONSTANT;
            case NEAREST -> WarpBatchKernel.EDGE;
            case REFLECT, GRID_MIRROR -> WarpBatchKernel.REFLECT;
            case WRAP, GRID_WRAP -> WarpBatchKernel.WRAP;
            case MIRROR, GRID_CONSTANT -> throw new IllegalArgumentException("fill mode " + mode.kerasName()
                    + " runs on the reference backend");
        };
    }
}
