package io.jdatagen.layers;

import io.jdatagen.augment.ImageShape;
import io.jdatagen.augment.PixelStep;
import io.jdatagen.core.Tensor;
import io.jdatagen.flow.SampleContext;
import io.jdatagen.spi.Backend;
import io.jdatagen.spi.Backends;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Keras 3's {@code AugMix(value_range=(0, 255), num_chains=3, chain_depth=3, factor=0.3, alpha=1.0,
 * all_ops=True, interpolation="bilinear", seed=None)}: {@code num_chains} copies of the image each run a
 * chain of up to {@code chain_depth} operations (each slot picks uniformly among the operations and "none"),
 * the chains are summed with Dirichlet({@code alpha}) weights, and the result is
 * {@code clip(m·image + (1 − m)·chains, value_range)} with {@code m ~ Beta(alpha, alpha)}, in float32 in
 * Keras's order. The operations are RandAugment's, built alike from {@code factor} (a number {@code f} is
 * {@code [0, f]}), in Keras's order {@code random_shear}, {@code random_translation},
 * {@code random_rotation}, {@code random_posterization}, {@code solarization}, {@code auto_contrast},
 * {@code equalization}, then, with {@code all_ops}, {@code random_brightness},
 * {@code random_color_degeneration}, {@code random_contrast}, {@code random_sharpness}.
 *
 * <p>Each geometric operation resamples its chain's image, as in Keras, so this layer is one
 * {@link PixelStep} in both pipeline modes; its warps run on the backend of the {@link KerasPipeline} that
 * runs it, or on {@link Backends#current()} outside one. Keras draws the weights, {@code m} and the chains' operations once per batch (the operations
 * with Python's global {@code random} module) and the operations' magnitudes per image; this layer draws
 * everything per image from the sample's stream (a batch of one is the same).
 *
 * @see <a href="https://keras.io/api/layers/preprocessing_layers/image_augmentation/aug_mix/">Keras AugMix</a>
 */
public final class AugMix extends KerasLayerBase implements PixelStep<AugMix.Transformation> {
    private static final Set<String> KEYS = Set.of("data_format", "value_range", "num_chains", "chain_depth",
            "factor", "alpha", "all_ops", "interpolation", "seed");
    /** Keras's {@code AUGMENT_LAYERS_ALL}; without {@code all_ops} only the first seven. */
    static final List<String> OPERATIONS = List.of("random_shear", "random_translation", "random_rotation",
            "random_posterization", "solarization", "auto_contrast", "equalization", "random_brightness",
            "random_color_degeneration", "random_contrast", "random_sharpness");
    private static final int BASIC_OPERATIONS = 7;

    private final ColorConfigs.Base base;
    private final Object dataFormat;
    private final Object valueRange;
    private final List<Number> range;
    private final int numChains;
    private final int chainDepth;
    private final List<Number> factor;
    private final double alpha;
    private final Object alphaArgument;
    private final boolean allOps;
    private final String interpolation;
    private final Object seed;
    private final AugmentOperations operations;

    /**
     * One operation of a chain.
     *
     * @param layerName Keras's name of the operation, one of {@link #OPERATIONS}
     * @param transformation its parameters as the operation's own step takes them
     */
    record Operation(String layerName, Object transformation) {
    }

    /**
     * One image's draws, as Keras's transformation holds them.
     *
     * @param chainMixingWeights the chains' Dirichlet weights, one per chain, summing to 1
     * @param weightSample {@code m}, the original image's share of the result
     * @param chainTransforms each chain's operations in the order they run (the "none" picks left out)
     */
    record Transformation(float[] chainMixingWeights, float weightSample, List<List<Operation>> chainTransforms) {
    }

    /**
     * @param valueRange the images' {@code {min, max}}, Keras's default {@code {0, 255}}
     * @param numChains how many chains are mixed, at least 1 (Keras's default 3)
     * @param chainDepth the most operations a chain runs, at least 0 (Keras's default 3)
     * @param factor one number {@code f} in [0, 1] (the range {@code [0, f]}) or two; null for Keras's 0.3
     * @param alpha the Beta and Dirichlet shape, positive (Keras's default 1.0)
     * @param allOps whether the four color operations join the seven others (Keras's default true)
     * @param interpolation the geometric operations' {@code "bilinear"} (Keras's default) or
     *     {@code "nearest"}
     * @param seed Keras's seed, kept for the config (draws come from the sample's stream), or null
     * @throws IllegalArgumentException with Keras's message for a factor outside [0, 1], or naming a count
     *     or shape out of range or an unknown interpolation
     */
    public AugMix(double[] valueRange, int numChains, int chainDepth, double[] factor, double alpha,
            boolean allOps, String interpolation, Integer seed) {
        this(ColorConfigs.Base.named("aug_mix"), "channels_last",
                valueRange == null ? List.of(0, 255) : ColorConfigs.argument(valueRange), numChains, chainDepth,
                factor == null ? 0.3 : ColorConfigs.argument(factor), (Object) alpha, allOps,
                interpolation == null ? "bilinear" : interpolation, seed, null);
    }

    private AugMix(ColorConfigs.Base base, Object dataFormat, Object valueRange, int numChains, int chainDepth,
            Object factor, Object alpha, boolean allOps, String interpolation, Object seed, Backend backend) {
        double a = alpha instanceof Number n ? n.doubleValue() : Double.NaN;
        if (numChains < 1) {
            throw new IllegalArgumentException("num_chains must be at least 1; got " + numChains);
        }
        if (chainDepth < 0) {
            throw new IllegalArgumentException("chain_depth must be at least 0; got " + chainDepth);
        }
        if (!(a > 0) || Double.isInfinite(a)) {
            throw new IllegalArgumentException("alpha must be a positive number (the Beta and Dirichlet shape); got "
                    + alpha);
        }
        this.base = base;
        this.dataFormat = dataFormat;
        this.valueRange = valueRange;
        this.range = ColorConfigs.pair(valueRange, "The `value_range` argument should be a list of two numbers. ",
                "value_range");
        this.numChains = numChains;
        this.chainDepth = chainDepth;
        this.factor = ColorConfigs.factor(factor, 0, 1);
        this.alpha = a;
        this.alphaArgument = alpha;
        this.allOps = allOps;
        this.interpolation = interpolation;
        this.seed = seed;
        this.operations = new AugmentOperations(this.factor, valueRange, interpolation, seed, backend);
    }

    /**
     * {@return the layer Keras's {@code get_config()} describes: {@code value_range}, {@code num_chains},
     * {@code chain_depth}, {@code factor}, {@code alpha}, {@code all_ops}, {@code interpolation},
     * {@code seed}, {@code data_format}}
     *
     * @throws IllegalArgumentException with Keras's message for a bad factor, for a value out of range, or
     *     for an unknown key
     */
    public static AugMix fromConfig(Map<String, Object> config) {
        ColorConfigs.checkKeys("AugMix", config, KEYS);
        Object allOps = config.getOrDefault("all_ops", Boolean.TRUE);
        if (!(allOps instanceof Boolean b)) {
            throw new IllegalArgumentException("all_ops must be true or false; got " + allOps);
        }
        return new AugMix(ColorConfigs.Base.of(config, "aug_mix"), config.getOrDefault("data_format",
                "channels_last"), config.getOrDefault("value_range", List.of(0, 255)),
                integer(config, "num_chains", 3), integer(config, "chain_depth", 3),
                config.getOrDefault("factor", 0.3), config.getOrDefault("alpha", 1.0),
                b, String.valueOf(config.getOrDefault("interpolation", "bilinear")), config.get("seed"), null);
    }

    private static int integer(Map<String, Object> config, String key, int absent) {
        Object v = config.getOrDefault(key, absent);
        if (!(v instanceof Number n) || n.doubleValue() != n.intValue()) {
            throw new IllegalArgumentException(key + " must be an integer; got " + v);
        }
        return n.intValue();
    }

    /** {@return this layer with its geometric operations warping on {@code kernels}} */
    AugMix on(Backend kernels) {
        return new AugMix(base, dataFormat, valueRange, numChains, chainDepth, factor, alphaArgument, allOps,
                interpolation, seed, kernels);
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> m = base.start();
        m.put("data_format", dataFormat);
        m.put("value_range", valueRange);
        m.put("num_chains", numChains);
        m.put("chain_depth", chainDepth);
        m.put("factor", ColorConfigs.list(factor));
        m.put("alpha", alphaArgument);
        m.put("all_ops", allOps);
        m.put("interpolation", interpolation);
        m.put("seed", seed);
        return m;
    }

    /**
     * {@inheritDoc} Keras's order: the chain weights (a Dirichlet draw, here by stick breaking with Beta
     * draws: the same distribution as Keras's normalised gammas), {@code m ~ Beta(alpha, alpha)}, then chain
     * after chain each slot's pick (uniform over the operations and "none") and the picked operation's draw.
     */
    @Override
    public Transformation draw(ImageShape image, RandomGenerator rng) {
        float[] weights = new float[numChains];
        double left = 1;
        for (int c = 0; c < numChains - 1; c++) {
            double share = left * KerasDraws.beta(rng, alpha, (numChains - 1 - c) * alpha);
            weights[c] = (float) share;
            left -= share;
        }
        weights[numChains - 1] = (float) Math.max(left, 0);
        float m = (float) KerasDraws.beta(rng, alpha, alpha);
        int choices = allOps ? OPERATIONS.size() : BASIC_OPERATIONS;
        List<List<Operation>> chains = new ArrayList<>(numChains);
        for (int c = 0; c < numChains; c++) {
            List<Operation> chain = new ArrayList<>(chainDepth);
            for (int d = 0; d < chainDepth; d++) {
                int pick = rng.nextInt(choices + 1);
                if (pick < choices) {
                    String name = OPERATIONS.get(pick);
                    chain.add(new Operation(name, operations.draw(name, image, rng)));
                }
            }
            chains.add(List.copyOf(chain));
        }
        return new Transformation(weights, m, List.copyOf(chains));
    }

    /** {@inheritDoc} Keras's arithmetic in float32: the weighted sum of the chains, the mix, the clip. */
    @Override
    public Tensor apply(Transformation t, Tensor image, ImageShape shape, SampleContext context) {
        float[] x = image.data().clone();
        float[] mixed = new float[x.length];
        List<List<Operation>> chains = t.chainTransforms();
        for (int c = 0; c < chains.size(); c++) {
            Tensor y = Tensor.of(x.clone(), image.shape());
            for (Operation op : chains.get(c)) {
                y = operations.apply(op.layerName(), op.transformation(), y, shape, context);
            }
            float w = t.chainMixingWeights()[c];
            float[] yd = y.data();
            for (int k = 0; k < x.length; k++) {
                mixed[k] += yd[k] * w;
            }
        }
        float m = t.weightSample();
        float low = range.get(0).floatValue();
        float high = range.get(1).floatValue();
        float[] out = new float[x.length];
        for (int k = 0; k < x.length; k++) {
            out[k] = Math.min(Math.max(m * x[k] + (1 - m) * mixed[k], low), high);
        }
        return Tensor.of(out, image.shape());
    }
}
