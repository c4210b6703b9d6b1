package io.jdatagen.augment;

import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * A random quarter turn of square images: with probability {@code probability} the image turns by 90°,
 * 180° or 270° counter-clockwise (each as likely), otherwise it is left as it is. Each sample draws one
 * number for the coin and, when it turns, one for the angle. A quarter turn maps pixel centres to pixel
 * centres, so with nearest interpolation it is an exact permutation of the pixels, and it joins the other
 * geometric steps' single warp.
 *
 * <p>Square images only: a quarter turn of a {@code h × w} image is {@code w × h}, which would give the
 * samples of one batch different sizes; a non-square image is refused when it draws.
 */
public final class RandomRotation90 implements GeometricStep<Integer> {
    private final double probability;

    /**
     * @param probability the chance that a sample turns, in {@code [0, 1]}
     * @throws IllegalArgumentException for a probability outside {@code [0, 1]}
     */
    public RandomRotation90(double probability) {
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("probability must be in [0, 1]; got: " + probability);
        }
        this.probability = probability;
    }

    /**
     * {@return the step a config describes: {@code {"probability": p}}, p defaulting to 1}
     *
     * @param config the step's arguments
     * @throws IllegalArgumentException for a probability that is not a number in {@code [0, 1]}
     */
    static RandomRotation90 fromConfig(Map<String, Object> config) {
        return new RandomRotation90(StepArguments.number(config, "probability", 1));
    }

    @Override
    public String name() {
        return "random_rotation90";
    }

    /**
     * {@return the number of counter-clockwise quarter turns, 1 to 3, or null for no turn}
     *
     * @throws IllegalArgumentException for an image that is not square, naming its size
     */
    @Override
    public Integer draw(ImageShape image, RandomGenerator rng) {
        if (image.height() != image.width()) {
            throw new IllegalArgumentException("random_rotation90 turns square images only (a turned " + image.height()
                    + "x" + image.width() + " image is " + image.width() + "x" + image.height()
                    + " and would not fit its batch); resize or crop to a square first");
        }
        return rng.nextDouble() < probability ? 1 + rng.nextInt(3) : null;
    }

    @Override
    public Geometry geometry(Integer turns, ImageShape image) {
        int last = image.height() - 1;
        double[] forward = switch (turns) {
            case 1 -> new double[] {0, -1, last, 1, 0, 0};
            case 2 -> new double[] {-1, 0, last, 0, -1, last};
            case 3 -> new double[] {0, 1, 0, -1, 0, last};
            default -> throw new IllegalArgumentException("quarter turns must be 1, 2 or 3; got: " + turns);
        };
        return Geometry.forward(forward, image.height(), image.width());
    }
}
