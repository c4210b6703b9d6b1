package io.jdatagen.image;

import io.jdatagen.augment.Geometry;
import io.jdatagen.augment.GeometricStep;
import io.jdatagen.augment.ImageShape;
import java.util.random.RandomGenerator;

/**
 * Keras's rotation, shifts, shear and zoom as one geometric step: drawn with Keras's rules and in
 * Keras's order ({@code get_random_transform}), and turned into one inverse affine by
 * {@link AffineMatrix}, so that the matrix equals numpy's bit for bit.
 */
final class KerasAffineStep implements GeometricStep<KerasAffineStep.Affine> {
    /** Keras's geometric parameters of one sample, with {@link TransformParameters}' meaning. */
    record Affine(double theta, double tx, double ty, double shear, double zx, double zy) {
        static final Affine IDENTITY = new Affine(0, 0, 0, 0, 1, 1);
    }

    private final GeneratorOptions ranges;
    private final ImageAxes axes;
    private final Compatibility compatibility;

    /**
     * @param ranges the generator whose ranges the draws use; null for a step whose parameters are only
     *     given (the functional API), which must not draw
     */
    KerasAffineStep(GeneratorOptions ranges, ImageAxes axes, Compatibility compatibility) {
        this.ranges = ranges;
        this.axes = axes;
        this.compatibility = compatibility;
    }

    @Override
    public String name() {
        return "keras_affine";
    }

    @Override
    public Affine draw(ImageShape image, RandomGenerator rng) {
        GeneratorOptions o = ranges;
        int[] shape = kerasShape(image);
        int height = shape[axes.rowAxis()];
        int width = shape[axes.colAxis()];
        double theta = o.rotationRange() != 0 ? uniform(rng, -o.rotationRange(), o.rotationRange()) : 0;
        double[] shift = o.compatibility().drawShifts(() -> o.widthShiftRange().draw(rng, width),
                () -> o.heightShiftRange().draw(rng, height));
        double shear = o.shearRange() != 0 ? uniform(rng, -o.shearRange(), o.shearRange()) : 0;
        double zx = 1;
        double zy = 1;
        double[] zoom = o.zoomRange();
        if (zoom[0] != 1 || zoom[1] != 1) {
            zx = uniform(rng, zoom[0], zoom[1]);
            zy = uniform(rng, zoom[0], zoom[1]);
        }
        return new Affine(theta, shift[0], shift[1], shear, zx, zy);
    }

    @Override
    public Geometry geometry(Affine a, ImageShape image) {
        return Geometry.inverse(AffineMatrix.inverse(a.theta(), a.tx(), a.ty(), a.shear(), a.zx(), a.zy(),
                kerasShape(image), axes, compatibility), image.height(), image.width());
    }

    /** The rank-3 shape in this step's axes of an image stored as {@code image} (height: the outer spatial axis). */
    private int[] kerasShape(ImageShape image) {
        int[] shape = new int[3];
        int outer = axes.channelAxis() == 0 ? 1 : 0;
        shape[outer] = image.height();
        shape[outer + 1] = image.width();
        shape[axes.channelAxis()] = image.channels();
        return shape;
    }

    static double uniform(RandomGenerator rng, double low, double high) {
        return low + (high - low) * rng.nextDouble();
    }
}
