package io.jdatagen.augment;

import java.util.random.RandomGenerator;

/**
 * Keras 2's random flips ({@code horizontal_flip}, {@code vertical_flip}): two coins drawn whatever the
 * flags say (Keras draws both, so the draws after them do not depend on the flags), a flip only where
 * its flag is on. Horizontal mirrors the columns, vertical the rows. When no other geometric step follows,
 * the warp kernel applies them as output flips, exactly.
 */
public final class KerasFlips implements GeometricStep<KerasFlips.Flips> {
    /**
     * The flips one sample drew.
     *
     * @param horizontal whether the columns are mirrored
     * @param vertical whether the rows are mirrored
     */
    public record Flips(boolean horizontal, boolean vertical) {
    }

    private final boolean horizontal;
    private final boolean vertical;

    /**
     * @param horizontal whether a heads on the first coin mirrors the columns
     * @param vertical whether a heads on the second coin mirrors the rows
     */
    public KerasFlips(boolean horizontal, boolean vertical) {
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
