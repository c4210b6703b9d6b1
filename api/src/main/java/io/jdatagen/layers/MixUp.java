package io.jdatagen.layers;

import io.jdatagen.augment.BatchStep;
import io.jdatagen.augment.ImageShape;
import io.jdatagen.boxes.BoundingBoxes;
import io.jdatagen.boxes.BoxFormat;
import io.jdatagen.core.DataFormat;
import io.jdatagen.core.DenseTensor;
import io.jdatagen.data.Batch;
import java.util.ArrayList;
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
public final class MixUp extends KerasLayerBase implements BatchStep<MixUp.Mixing>,
        BatchBoxTransform<MixUp.Mixing> {
    private static final List<String> ARGUMENTS = List.of(GeometricArgs.BOX_FORMAT, "alpha", "seed");

    private final LayerConfig base;
    private final String boxFormat;
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
        this(LayerConfig.defaults("mix_up", DataFormat.CHANNELS_LAST), null, alpha, null);
    }

    private MixUp(LayerConfig base, String boxFormat, Number alpha, Number seed) {
        if (!(alpha.doubleValue() > 0)) {
            throw new IllegalArgumentException("alpha must be positive (the shape of a beta distribution); got "
                    + alpha);
        }
        this.base = base;
        this.boxFormat = boxFormat;
        this.alpha = alpha;
        this.seed = seed;
    }

    /**
     * {@return the MixUp that Keras's {@code get_config()} describes}
     *
     * @param config Keras's keys: {@code name}, {@code trainable}, {@code dtype}, {@code data_format},
     *     {@code bounding_box_format} (kept for the round trip and checked against the boxes given), {@code alpha},
     *     {@code seed}; absent ones take Keras's defaults
     * @throws IllegalArgumentException for an unknown key, an unknown bounding_box_format or an invalid value
     */
    public static MixUp fromConfig(Map<String, Object> config) {
        LayerConfig base = LayerConfig.read(config, "mix_up", ARGUMENTS);
        Object format = config.get(GeometricArgs.BOX_FORMAT);
        if (format != null) {
            BoxFormat.fromKerasName(String.valueOf(format));
        }
        return new MixUp(base, format == null ? null : String.valueOf(format),
                LayerConfig.number(config, "alpha", 0.2), LayerConfig.seed(config));
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = base.start();
        if (boxFormat != null) {
            c.put(GeometricArgs.BOX_FORMAT, boxFormat);
        }
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
        float[] in = MixedBatch.values(x);
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

    /**
     * {@return each sample's boxes followed by those of the sample mixed into it ({@code permutation_order}), with
     * their labels, as Keras 3.15.1's {@code transform_bounding_boxes} concatenates them} Keras concatenates the
     * boxes per sample but the labels along the batch axis (all the samples' labels, then the permuted ones); here
     * each sample's labels follow its boxes. The mixed-in boxes are converted to the sample's own format (Keras
     * takes them as they are: one batch has one format).
     */
    @Override
    public List<BoundingBoxes> transformBoundingBoxes(List<BoundingBoxes> boxes, Mixing transformation,
            ImageShape image) {
        int[] order = transformation.permutationOrder();
        if (boxes.size() != order.length) {
            throw new IllegalArgumentException("boxes must hold one entry per sample of the batch: " + order.length
                    + "; got " + boxes.size());
        }
        List<BoundingBoxes> out = new ArrayList<>(boxes.size());
        for (int i = 0; i < order.length; i++) {
            BoundingBoxes own = boxes.get(i);
            BoundingBoxes other = boxes.get(order[i]).convert(own.format(), image.height(), image.width());
            double[][] b = new double[own.size() + other.size()][];
            int[] labels = new int[b.length];
            for (int k = 0; k < own.size(); k++) {
                b[k] = own.box(k);
                labels[k] = own.label(k);
            }
            for (int k = 0; k < other.size(); k++) {
                b[own.size() + k] = other.box(k);
                labels[own.size() + k] = other.label(k);
            }
            out.add(BoundingBoxes.of(own.format(), b, labels));
        }
        return out;
    }
}
