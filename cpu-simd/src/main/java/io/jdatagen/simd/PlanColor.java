package io.jdatagen.simd;

import io.jdatagen.spi.WarpPlan;

/** A plan's per-channel color step as float arrays: scale, offset, and the colored fill value. */
final class PlanColor {
    final float[] scale;
    final float[] offset;
    final float[] fill;

    PlanColor(WarpPlan plan, int channels) {
        scale = new float[channels];
        offset = new float[channels];
        fill = new float[channels];
        for (int c = 0; c < channels; c++) {
            scale[c] = plan.scale(c);
            offset[c] = plan.offset(c);
            fill[c] = (float) plan.fillValue() * scale[c] + offset[c];
        }
    }
}
