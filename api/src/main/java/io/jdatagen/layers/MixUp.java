package io.jdatagen.layers;

import io.jdatagen.augment.BatchStep;
import io.jdatagen.core.DataFormat;
import io.jdatagen.core.DenseTensor;
import io.jdatagen.data.Batch;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Keras 3's {@code MixUp} (Zhang et al., "mixup: Beyond Empirical Risk Minimization", 2017): each image
 * of a batch becomes {@code w * x + (1 - w) * x[p]} and its label {@code w * y + (1 - w) * y[p]}, with
 * {@code w ~ Beta(alpha, alpha)} per sample and {@code p} one random permutation of the batch, in float32
 * as Keras computes them. The labels are the batch's first target ({@link Batch#y()}), usually one-hot.
 *
 * @see <a href="https://keras.io/api/layers/preprocessing_layers/image_augmentation/mix_up/">Keras MixUp</a>
 */
public final class MixUp extends KerasLayerBase implements BatchStep<MixUp.Mixing> {
    private static final List<String> ARGUMENTS = List.of("alpha", "seed");

    private final LayerConfig base;
    private final Number alpha;
    private final Number seed;

    /**
     * Keras's transformation for one batch: {@code mix_weight} and {@code permutation_order}.
     *
     * @param mixWeight per sample, the weight of its own image and label
     * @param permutationOrder per sample, the sample mixed into it
     */
    public record Mixing(float[] mixWeight, int[] permutationOrder) {
    }

    /** A MixUp with Keras's default {@code alpha = 0.2}. */
    public MixUp() {
        this(0.2);
    }

    /**
     * A MixUp with Keras's other defaults (channels last, no seed).
     *
     * @param alpha the shape of the symmetric beta distribution of the weights, positive: small values
     *     mix little (weights near 0 or 1), 1 mixes uniformly
     * @throws IllegalArgumentException when {@code alpha} is not positive
     */
    public MixUp(double alpha) {
        this(LayerConfig.defaults("mix_up", DataFormat.CHANNELS_LAST), alpha, null);
    }

    private MixUp(LayerConfig base, Number alpha, Number seed) {
        if (!(alpha.doubleValue() > 0)) {
            throw new IllegalArgumentException("alpha must be positive (the shape of a beta distribution); got "
                    + alpha);
        }
        this.base = base;
        this.alpha = alpha;
        this.seed = seed;
    }

    /**
     * {@return the MixUp that Keras's {@code get_config()} describes}
     *
     * @param config Keras's keys: {@code name}, {@code trainable}, {@code dtype}, {@code data_format},
     *     {@code alpha}, {@code seed}; absent ones take Keras's defaults
     * @throws IllegalArgumentException for an unknown key or an invalid value
     */
    public static MixUp fromConfig(Map<String, Object> config) {
        return new MixUp(LayerConfig.read(config, "mix_up", ARGUMENTS), LayerConfig.number(config, "alpha", 0.2),
                LayerConfig.seed(config));
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = base.start();
        c.put("alpha", alpha);
        c.put("seed", seed);
        return c;
    }

    /** Draws as Keras's {@code get_random_transformation}: the permutation, then a beta weight per sample. */
    @Override
    public Mixing draw(int size, RandomGenerator rng) {
        int[] permutation = KerasDraws.shuffle(rng, size);
        float[] weights = new float[size];
        double a = alpha.doubleValue();
        for (int i = 0; i < size; i++) {
            weights[i] = (float) KerasDraws.beta(rng, a, a);
        }
        return new Mixing(weights, permutation);
    }

    /** Mixes the images and the labels with the given weights and permutation, as Keras's transforms do. */
    @Override
    public Batch apply(Mixing params, Batch batch) {
        DenseTensor x = batch.x();
        int n = x.dim(0);
        float[] in = x.toTensor().data();
        int row = n == 0 ? 0 : in.length / n;
        float[] out = new float[in.length];
        for (int i = 0; i < n; i++) {
            float w = params.mixWeight()[i];
            float rest = 1.0f - w;
            int own = i * row;
            int other = params.permutationOrder()[i] * row;
            for (int j = 0; j < row; j++) {
                out[own + j] = w * in[own + j] + rest * in[other + j];
            }
        }
        return MixedBatch.of(batch, out, params.mixWeight(), params.permutationOrder());
    }

    @Override
    public String toString() {
        return "MixUp(alpha=" + alpha + ")";
    }
}
