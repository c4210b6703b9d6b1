package io.jdatagen.simd;

import io.jdatagen.core.FillMode;
import io.jdatagen.core.Interpolation;
import io.jdatagen.spi.WarpPlan;
import io.jdatagen.spi.WrapConvention;
import java.util.SplittableRandom;

/** Random warp plans for the kernel comparisons: any rotation and zoom, or one near the layers' stack. */
final class RandomPlans {
    private RandomPlans() {
    }

    /**
     * {@return a plan of {@code mode} and {@code order}: a rotation by any angle and a zoom in [0.4, 2.5] with
     * shifts up to 40 pixels, or (one in four) a rotation of up to 0.3 rad and a zoom in [0.9, 1.1] with shifts
     * up to 5; random flips, and in one of two plans a color step}
     */
    static WarpPlan of(SplittableRandom r, int channels, FillMode mode, Interpolation order,
            WrapConvention wrap) {
        double t = r.nextDouble(-Math.PI, Math.PI);
        double z = r.nextDouble(0.4, 2.5);
        double[] m = {z * Math.cos(t), -z * Math.sin(t), r.nextDouble(-40, 40), z * Math.sin(t), z * Math.cos(t),
            r.nextDouble(-40, 40)};
        if (r.nextInt(4) == 0) {
            // A transform near the stack's: small rotation and zoom, shifts of a tenth.
            double s = r.nextDouble(-0.3, 0.3);
            double k = r.nextDouble(0.9, 1.1);
            m = new double[] {k * Math.cos(s), -k * Math.sin(s), r.nextDouble(-5, 5), k * Math.sin(s),
                k * Math.cos(s), r.nextDouble(-5, 5)};
        }
        float[] scale = new float[channels];
        float[] offset = new float[channels];
        for (int c = 0; c < channels; c++) {
            scale[c] = (float) r.nextDouble(0.5, 2);
            offset[c] = (float) r.nextDouble(-3, 3);
        }
        WarpPlan.Builder b = WarpPlan.builder().inverseAffine(m).interpolation(order).fill(mode, 17)
                .wrapConvention(wrap).flips(r.nextBoolean(), r.nextBoolean());
        if (r.nextBoolean()) {
            b.color(scale, offset);
        }
        return b.build();
    }
}
