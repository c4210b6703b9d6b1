package io.jdatagen.bench;

import io.jdatagen.core.FillMode;
import io.jdatagen.core.Interpolation;
import io.jdatagen.image.AffineMatrix;
import io.jdatagen.image.Compatibility;
import io.jdatagen.image.ImageAxes;
import io.jdatagen.spi.WarpPlan;
import java.util.SplittableRandom;

/**
 * The benchmark plans. Headline: rotation ±15°, shift ±10%, zoom 0.9–1.1, horizontal flip with
 * probability 1/2, rescale 1/255 then featurewise mean/std (folded into the color step),
 * bilinear, nearest fill.
 */
final class HeadlinePlans {
    /** ImageNet channel statistics in 0..1 units. */
    static final float[] MEAN = {0.485f, 0.456f, 0.406f};
    static final float[] STD = {0.229f, 0.224f, 0.225f};
    /** Distinct random plans cycled through by the benchmarks. */
    static final int COUNT = 64;

    /** One random draw of the headline augmentation. */
    record Draw(double theta, double tx, double ty, double zx, double zy, boolean flip) {
    }

    private HeadlinePlans() {
    }

    static Draw[] draws(int height, int width, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Draw[] d = new Draw[COUNT];
        for (int k = 0; k < COUNT; k++) {
            d[k] = new Draw(r.nextDouble(-15, 15), r.nextDouble(-0.1, 0.1) * width, r.nextDouble(-0.1, 0.1) * height,
                    r.nextDouble(0.9, 1.1), r.nextDouble(0.9, 1.1), r.nextBoolean());
        }
        return d;
    }

    /** Per-channel scale and offset of rescale 1/255 followed by (x - mean) / std. */
    static float[][] color(int channels) {
        float[] scale = new float[channels];
        float[] offset = new float[channels];
        for (int c = 0; c < channels; c++) {
            scale[c] = 1f / (255f * STD[c % 3]);
            offset[c] = -MEAN[c % 3] / STD[c % 3];
        }
        return new float[][] {scale, offset};
    }

    static WarpPlan[] plans(String kind, int height, int width, int channels) {
        Draw[] draws = draws(height, width, 7);
        float[][] color = color(channels);
        WarpPlan[] plans = new WarpPlan[COUNT];
        for (int k = 0; k < COUNT; k++) {
            Draw d = draws[k];
            WarpPlan.Builder b = WarpPlan.builder().color(color[0], color[1]).fill(FillMode.NEAREST, 0)
                    .flips(false, d.flip());
            if (!kind.equals("flip")) {
                b.inverseAffine(AffineMatrix.inverse(d.theta(), d.tx(), d.ty(), 0, d.zx(), d.zy(),
                        new int[] {height, width, channels}, ImageAxes.CHANNELS_LAST, Compatibility.DOCUMENTED));
                b.interpolation(kind.equals("nearest") ? Interpolation.NEAREST : Interpolation.BILINEAR);
            }
            plans[k] = b.build();
        }
        return plans;
    }
}
