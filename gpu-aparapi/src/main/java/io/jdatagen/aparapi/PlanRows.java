package io.jdatagen.aparapi;

import io.jdatagen.spi.DataFormat;
import io.jdatagen.spi.FillMode;
import io.jdatagen.spi.Interpolation;
import io.jdatagen.spi.SourceImage;
import io.jdatagen.spi.WarpPlan;
import io.jdatagen.spi.WrapConvention;

/** Writes one image's source description and plan into the rows {@link WarpBatchKernel} reads. */
final class PlanRows {
    private PlanRows() {
    }

    static void write(SourceImage s, WarpPlan plan, int sourceOffset, int[] meta, int m, float[] params, int q) {
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
        meta[m + 6] = flags;
        meta[m + 7] = mode(plan.fillMode());
        meta[m + 8] = plan.fillMode() == FillMode.WRAP && plan.wrapConvention() == WrapConvention.SCIPY ? 1 : 0;
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

    /** {@return whether the OpenCL kernel runs {@code plan}: orders 0 and 1, every mode but mirror and grid-constant} */
    static boolean supported(WarpPlan plan) {
        return plan.interpolation().order() <= 1 && plan.fillMode() != FillMode.MIRROR
                && plan.fillMode() != FillMode.GRID_CONSTANT;
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
