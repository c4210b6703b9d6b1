package io.jdatagen.augment;

import io.jdatagen.core.Tensor;
import io.jdatagen.flow.SampleContext;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * mltk's noise: one kind chosen uniformly from the list (no draw when there is one), then added to every
 * value. It draws after the warp, one number or more per value, from the sample's stream.
 */
public final class NoiseStep implements PixelStep<NoiseStep.Drawn> {
    /**
     * The kind one sample drew, and the stream its per-value noise comes from (right after the choice).
     *
     * @param kind the noise this sample gets
     * @param values the stream the per-value noise is drawn from
     */
    public record Drawn(Noise kind, RandomGenerator values) {
    }

    private final List<Noise> kinds;

    /**
     * A step adding one of {@code kinds} to each sample.
     *
     * @throws IllegalArgumentException if {@code kinds} is empty
     */
    public NoiseStep(List<Noise> kinds) {
        if (kinds.isEmpty()) {
            throw new IllegalArgumentException("noise needs at least one kind (gauss, poisson, salt_and_pepper,"
                    + " speckle); got none");
        }
        this.kinds = List.copyOf(kinds);
    }

    @Override
    public String name() {
        return "noise";
    }

    @Override
    public Drawn draw(ImageShape image, RandomGenerator rng) {
        return new Drawn(kinds.size() == 1 ? kinds.get(0) : kinds.get(rng.nextInt(kinds.size())), rng);
    }

    @Override
    public Tensor apply(Drawn d, Tensor image, ImageShape shape, SampleContext context) {
        d.kind().addTo(image.data(), d.values());
        return image;
    }

    @Override
    public boolean drawsAfterWarp() {
        return true;
    }
}
