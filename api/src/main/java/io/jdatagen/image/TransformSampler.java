package io.jdatagen.image;

import io.jdatagen.data.NumpyRandomState;
import java.util.OptionalDouble;
import java.util.random.RandomGenerator;

/**
 * Draws {@link TransformParameters} with Keras's rules and in Keras's draw order
 *, so that a {@link NumpyRandomState} reproduces Keras's values and any other
 * generator gives the same distributions.
 */
final class TransformSampler {
    private final GeneratorOptions o;

    TransformSampler(GeneratorOptions options) {
        this.o = options;
    }

    TransformParameters sample(int[] imageShape, RandomGenerator rng) {
        if (imageShape.length != 3) {
            throw new IllegalArgumentException("image shape must have rank 3; got " + imageShape.length
                    + " dimensions");
        }
        ImageAxes axes = ImageAxes.of(o.dataFormat());
        int height = imageShape[axes.rowAxis()];
        int width = imageShape[axes.colAxis()];
        double theta = o.rotationRange() != 0 ? uniform(rng, -o.rotationRange(), o.rotationRange()) : 0;
        double[] shift = o.compatibility().drawShifts(() -> o.widthShiftRange().draw(rng, width),
                () -> o.heightShiftRange().draw(rng, height));
        double tx = shift[0];
        double ty = shift[1];
        double shear = o.shearRange() != 0 ? uniform(rng, -o.shearRange(), o.shearRange()) : 0;
        double zx = 1;
        double zy = 1;
        double[] zoom = o.zoomRange();
        if (zoom[0] != 1 || zoom[1] != 1) {
            zx = uniform(rng, zoom[0], zoom[1]);
            zy = uniform(rng, zoom[0], zoom[1]);
        }
        // Keras draws both flip coins whatever the flags say.
        boolean flipHorizontal = rng.nextDouble() < 0.5 && o.horizontalFlip();
        boolean flipVertical = rng.nextDouble() < 0.5 && o.verticalFlip();
        OptionalDouble channelShift = o.channelShiftRange() != 0
                ? OptionalDouble.of(uniform(rng, -o.channelShiftRange(), o.channelShiftRange()))
                : OptionalDouble.empty();
        double[] brightness = o.brightnessRange();
        OptionalDouble factor = brightness != null
                ? OptionalDouble.of(uniform(rng, brightness[0], brightness[1]))
                : OptionalDouble.empty();
        return new TransformParameters(theta, tx, ty, shear, zx, zy, flipHorizontal, flipVertical,
                channelShift, factor);
    }

    private static double uniform(RandomGenerator rng, double low, double high) {
        return low + (high - low) * rng.nextDouble();
    }
}
