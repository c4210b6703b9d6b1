package io.jdatagen.augment;

import io.jdatagen.core.OptionNames;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * A kind of pixel noise (mltk's {@code noise} option, with scikit-image's definitions), added in
 * raw pixel units after the other augmentation steps and before standardization. Values are not
 * clipped. Each element ({@code pixel × channel}) draws independently:
 * <ul>
 *   <li>{@code gauss}: {@code x + N(0, stddev²)};</li>
 *   <li>{@code poisson}: {@code Poisson(x · scale) / scale} (shot noise; variance {@code x / scale},
 *       negative values count as 0);</li>
 *   <li>{@code s&p}: with probability {@code amount} the element becomes {@code salt} (with
 *       probability {@code saltVsPepper}) or {@code pepper};</li>
 *   <li>{@code speckle}: {@code x + x · N(0, stddev²)}.</li>
 * </ul>
 *
 * @param stddev gauss and speckle: the standard deviation
 * @param scale poisson: events per pixel unit
 * @param amount s&amp;p: the fraction of elements replaced
 * @param saltVsPepper s&amp;p: the fraction of replaced elements that become salt
 * @param salt s&amp;p: the salt value
 * @param pepper s&amp;p: the pepper value
 */
public record Noise(Kind kind, double stddev, double scale, double amount, double saltVsPepper, double salt,
        double pepper) {

    /** The noise kinds, by their mltk / scikit-image names. */
    public enum Kind {
        /** Additive Gaussian noise. */
        GAUSS("gauss"),
        /** Poisson (shot) noise. */
        POISSON("poisson"),
        /** Salt and pepper. */
        SALT_AND_PEPPER("s&p"),
        /** Multiplicative Gaussian noise. */
        SPECKLE("speckle");

        private final String configName;

        Kind(String configName) {
            this.configName = configName;
        }

        /** {@return the name in configs: gauss, poisson, s&amp;p, speckle} */
        public String configName() {
            return configName;
        }

        /**
         * {@return the kind named {@code name} (case-insensitive)}
         */
        public static Kind fromConfigName(String name) {
            return OptionNames.parse("noise", name, Arrays.asList(values()), Kind::configName);
        }
    }

    /** Default standard deviation of {@code gauss}, in pixel units of 0..255 images. */
    public static final double DEFAULT_GAUSS_STDDEV = 8;
    /** Default standard deviation of {@code speckle} (a fraction of the value). */
    public static final double DEFAULT_SPECKLE_STDDEV = 0.1;
    /** Default fraction of elements replaced by {@code s&p}. */
    public static final double DEFAULT_AMOUNT = 0.01;

    /**
     * Validates the parameters the kind uses.
     */
    public Noise {
        if (kind == null) {
            throw new IllegalArgumentException("noise kind must not be null; allowed: gauss, poisson, s&p, speckle");
        }
        switch (kind) {
            case GAUSS, SPECKLE -> {
                if (!Double.isFinite(stddev) || stddev < 0) {
                    throw new IllegalArgumentException(kind.configName() + " noise stddev must be a finite number"
                            + " >= 0; got: " + stddev);
                }
            }
            case POISSON -> {
                if (!(scale > 0) || !Double.isFinite(scale)) {
                    throw new IllegalArgumentException("poisson noise scale must be a finite number > 0; got: "
                            + scale);
                }
            }
            case SALT_AND_PEPPER -> {
                requireFinite("amount", amount, 0, 1);
                requireFinite("saltVsPepper", saltVsPepper, 0, 1);
                if (!Double.isFinite(salt) || !Double.isFinite(pepper)) {
                    throw new IllegalArgumentException("s&p noise salt and pepper must be finite numbers; got: "
                            + salt + ", " + pepper);
                }
            }
            default -> throw new AssertionError(kind);
        }
    }

    /**
     * Additive Gaussian noise with standard deviation {@code stddev} (pixel units).
     *
     * @return the noise
     */
    public static Noise gauss(double stddev) {
        return new Noise(Kind.GAUSS, stddev, 1, 0, 0.5, 255, 0);
    }

    /**
     * Poisson noise: {@code Poisson(x · scale) / scale}.
     *
     * @return the noise
     */
    public static Noise poisson(double scale) {
        return new Noise(Kind.POISSON, 0, scale, 0, 0.5, 255, 0);
    }

    /**
     * Salt (255) and pepper (0) on a fraction {@code amount} of the elements, half each.
     *
     * @return the noise
     */
    public static Noise saltAndPepper(double amount) {
        return saltAndPepper(amount, 0.5, 255, 0);
    }

    /**
     * Salt and pepper with explicit proportions and values.
     *
     * @return the noise
     */
    public static Noise saltAndPepper(double amount, double saltVsPepper, double salt, double pepper) {
        return new Noise(Kind.SALT_AND_PEPPER, 0, 1, amount, saltVsPepper, salt, pepper);
    }

    /**
     * Multiplicative noise {@code x + x · N(0, stddev²)}.
     *
     * @return the noise
     */
    public static Noise speckle(double stddev) {
        return new Noise(Kind.SPECKLE, stddev, 1, 0, 0.5, 255, 0);
    }

    /**
     * {@return the kind with its default parameters}
     */
    public static Noise of(Kind kind) {
        return switch (kind) {
            case GAUSS -> gauss(DEFAULT_GAUSS_STDDEV);
            case POISSON -> poisson(1);
            case SALT_AND_PEPPER -> saltAndPepper(DEFAULT_AMOUNT);
            case SPECKLE -> speckle(DEFAULT_SPECKLE_STDDEV);
        };
    }

    /** Adds this noise to every element of {@code values}, drawing from {@code rng}. */
    void addTo(float[] values, RandomGenerator rng) {
        switch (kind) {
            case GAUSS -> {
                for (int k = 0; k < values.length; k++) {
                    values[k] = (float) (values[k] + stddev * rng.nextGaussian());
                }
            }
            case SPECKLE -> {
                for (int k = 0; k < values.length; k++) {
                    values[k] = (float) (values[k] + values[k] * stddev * rng.nextGaussian());
                }
            }
            case POISSON -> {
                for (int k = 0; k < values.length; k++) {
                    values[k] = (float) (PoissonSampler.sample(rng, Math.max(0, values[k]) * scale) / scale);
                }
            }
            case SALT_AND_PEPPER -> {
                for (int k = 0; k < values.length; k++) {
                    if (rng.nextDouble() < amount) {
                        values[k] = (float) (rng.nextDouble() < saltVsPepper ? salt : pepper);
                    }
                }
            }
            default -> throw new AssertionError(kind);
        }
    }

    /** {@return this noise as a config object ({@code {"type": "gauss", "stddev": 8.0}})} */
    public Map<String, Object> toConfig() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", kind.configName());
        switch (kind) {
            case GAUSS, SPECKLE -> m.put("stddev", stddev);
            case POISSON -> m.put("scale", scale);
            case SALT_AND_PEPPER -> {
                m.put("amount", amount);
                m.put("salt_vs_pepper", saltVsPepper);
                m.put("salt", salt);
                m.put("pepper", pepper);
            }
            default -> throw new AssertionError(kind);
        }
        return m;
    }

    /**
     * {@return a noise from config: a name ({@code "gauss"}, default parameters) or an object with {@code
     * type} and the kind's parameters}
     *
     * @throws IllegalArgumentException naming an unknown kind or parameter
     */
    public static Noise fromConfig(Object value) {
        if (value instanceof String name) {
            return of(Kind.fromConfigName(name));
        }
        if (!(value instanceof Map<?, ?> map) || !(map.get("type") instanceof String type)) {
            throw new IllegalArgumentException("each noise must be a name (gauss, poisson, s&p, speckle) or an object"
                    + " with \"type\" and its parameters; got: " + value);
        }
        Kind kind = Kind.fromConfigName(type);
        List<String> allowed = switch (kind) {
            case GAUSS, SPECKLE -> List.of("type", "stddev");
            case POISSON -> List.of("type", "scale");
            case SALT_AND_PEPPER -> List.of("type", "amount", "salt_vs_pepper", "salt", "pepper");
        };
        for (Object key : map.keySet()) {
            if (!allowed.contains(String.valueOf(key))) {
                throw new IllegalArgumentException("unknown parameter '" + key + "' for " + kind.configName()
                        + " noise; allowed: " + allowed);
            }
        }
        Noise d = of(kind);
        return new Noise(kind, number(map, "stddev", d.stddev), number(map, "scale", d.scale),
                number(map, "amount", d.amount), number(map, "salt_vs_pepper", d.saltVsPepper),
                number(map, "salt", d.salt), number(map, "pepper", d.pepper));
    }

    private static double number(Map<?, ?> map, String key, double absent) {
        Object v = map.get(key);
        if (v == null) {
            return absent;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        throw new IllegalArgumentException("noise parameter '" + key + "' must be a number; got: " + v);
    }

    private static void requireFinite(String name, double v, double low, double high) {
        if (!Double.isFinite(v) || v < low || v > high) {
            throw new IllegalArgumentException("s&p noise " + name + " must be in [" + low + ", " + high + "]; got: "
                    + v);
        }
    }
}
