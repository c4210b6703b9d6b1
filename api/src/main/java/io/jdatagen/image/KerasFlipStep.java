package io.jdatagen.image;

import io.jdatagen.augment.Geometry;
import io.jdatagen.augment.GeometricStep;
import io.jdatagen.augment.ImageShape;
import java.util.random.RandomGenerator;

/**
 * Keras's horizontal and vertical flips: two coins drawn whatever the flags say (Keras draws both), a
 * flip only where its flag is on. Applied after the affine, as output flips of the same warp.
 */
final class KerasFlipStep implements GeometricStep<KerasFlipStep.Flips> {
    /** The flips one sample drew: horizontal mirrors the columns, vertical the rows. */
    record Flips(boolean horizontal, boolean vertical) {
    }

    private final boolean horizontal;
    private final boolean vertical;

    KerasFlipStep(boolean horizontal, boolean vertical) {
        this.horizontal = horizontal;
        this.vertical = vertical;
    }

    @Override
    public String name() {
        return "keras_flips";
    }

    @Override
    public Flips draw(ImageShape image, RandomGenerator rng) {
        boolean h = rng.nextDouble() < 0.5 && horizontal;
        boolean v = rng.nextDouble() < 0.5 && vertical;
        return h || v ? new Flips(h, v) : null;
    }

    @Override
    public Geometry geometry(Flips f, ImageShape image) {
        return Geometry.flip(f.vertical(), f.horizontal(), image.height(), image.width());
    }
}
