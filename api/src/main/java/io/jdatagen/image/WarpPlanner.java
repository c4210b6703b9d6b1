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
        return resampling(geometry(p, inverse(p, imageShape)));
    }

    /**
     * {@link #plan} for an image of {@code imageShape} whose pixels are read from a source of {@code
     * sourceHeight × sourceWidth}: the inverse affine is followed by the map from the image onto the
     * source with pixel centres aligned (the resize of {@link #resizePlan}), so one warp resizes and
     * transforms.
     */
    WarpPlan.Builder planOnto(TransformParameters p, int[] imageShape, int sourceHeight, int sourceWidth) {
        int[] hw = {imageShape[options.axes().rowAxis()], imageShape[options.axes().colAxis()]};
        return resampling(geometry(p, ontoSource(inverse(p, imageShape), hw, sourceHeight, sourceWidth)));
    }

    /**
     * The plan that carries {@code p}'s geometry to a segmentation mask of {@code maskShape}:
     * nearest interpolation and constant fill with {@code fillValue}, so that label values survive.
     */
    WarpPlan maskPlan(TransformParameters p, int[] maskShape, double fillValue) {
        return geometry(p, inverse(p, maskShape)).interpolation(Interpolation.NEAREST).fill(FillMode.CONSTANT, fillValue)
                .build();
    }

    /**
     * The plan that resamples a {@code height × width} image to {@code target} ({@code {height,
     * width}}) with pixel centres aligned and edges clamped (no antialiasing).
     */
    static WarpPlan resizePlan(int height, int width, int[] target, Interpolation interpolation) {
        return WarpPlan.builder().inverseAffine(ontoSource(null, target, height, width))
                .interpolation(interpolation).fill(FillMode.NEAREST, 0).build();
    }

    /**
     * {@code inverse} (null: the identity) followed by the map from an image of {@code size} onto a
     * {@code height × width} source, pixel centres aligned.
     */
    private static double[] ontoSource(double[] inverse, int[] size, int height, int width) {
        double ry = (double) height / size[0];
        double rx = (double) width / size[1];
        double[] m = inverse != null ? inverse : new double[] {1, 0, 0, 0, 1, 0};
        return new double[] {ry * m[0], ry * m[1], ry * m[2] + 0.5 * ry - 0.5, rx * m[3], rx * m[4],
                rx * m[5] + 0.5 * rx - 0.5};
    }

    private WarpPlan.Builder resampling(WarpPlan.Builder plan) {
        return plan.interpolation(options.interpolation()).fill(options.fillMode(), options.cval())
                .wrapConvention(options.compatibility().wrapConvention());
    }

    /** The inverse affine of {@code p} on an image of {@code imageShape}; null when it has no affine factor. */
    private double[] inverse(TransformParameters p, int[] imageShape) {
        return AffineMatrix.inverse(p.theta(), p.tx(), p.ty(), p.shear(), p.zx(), p.zy(), imageShape,
                options.axes(), options.compatibility());
    }

    private static WarpPlan.Builder geometry(TransformParameters p, double[] inverse) {
        return WarpPlan.builder().inverseAffine(inverse).flips(p.flipVertical(), p.flipHorizontal());
    }
}
