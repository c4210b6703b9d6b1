package io.jdatagen.image;

import io.jdatagen.spi.FillMode;
import io.jdatagen.spi.Interpolation;
import io.jdatagen.spi.WarpPlan;

/**
 * The one place that turns transform parameters into a {@link WarpPlan}: the inverse affine of
 * {@link AffineMatrix} in the image's axes, the flips, and the resampling settings (fill mode and
 * value, interpolation, wrap period) of a {@link WarpOptions}. Every route to a warp kernel
 * ({@code applyTransform}, {@code randomTransform}, the functional API, flows, segmentation masks,
 * preview and the command-line tool) builds its plans here.
 */
final class WarpPlanner {
    private final WarpOptions options;

    WarpPlanner(WarpOptions options) {
        this.options = options;
    }

    /** The resampling settings plans are built with. */
    WarpOptions options() {
        return options;
    }

    /**
     * The plan for {@code p}'s geometry on an image of {@code imageShape} (rank 3, in the options'
     * axes): inverse affine (identity when {@code p} has no affine factor), flips, fill and
     * interpolation. The caller may add a color step before building.
     */
    WarpPlan.Builder plan(TransformParameters p, int[] imageShape) {
        return geometry(p, imageShape).interpolation(options.interpolation())
                .fill(options.fillMode(), options.cval())
                .wrapConvention(options.compatibility().wrapConvention());
    }

    /**
     * The plan that carries {@code p}'s geometry to a segmentation mask of {@code maskShape}:
     * nearest interpolation and constant fill with {@code fillValue}, so that label values survive.
     */
    WarpPlan maskPlan(TransformParameters p, int[] maskShape, double fillValue) {
        return geometry(p, maskShape).interpolation(Interpolation.NEAREST).fill(FillMode.CONSTANT, fillValue)
                .build();
    }

    /**
     * The plan that resamples a {@code height × width} image to {@code target} ({@code {height,
     * width}}) with pixel centres aligned and edges clamped (no antialiasing).
     */
    static WarpPlan resizePlan(int height, int width, int[] target, Interpolation interpolation) {
        double ry = (double) height / target[0];
        double rx = (double) width / target[1];
        return WarpPlan.builder().inverseAffine(new double[] {ry, 0, 0.5 * ry - 0.5, 0, rx, 0.5 * rx - 0.5})
                .interpolation(interpolation).fill(FillMode.NEAREST, 0).build();
    }

    private WarpPlan.Builder geometry(TransformParameters p, int[] imageShape) {
        double[] inverse = AffineMatrix.inverse(p.theta(), p.tx(), p.ty(), p.shear(), p.zx(), p.zy(), imageShape,
                options.axes(), options.compatibility());
        return WarpPlan.builder().inverseAffine(inverse).flips(p.flipVertical(), p.flipHorizontal());
    }
}
