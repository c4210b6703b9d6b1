package io.jdatagen.layers;

import io.jdatagen.augment.GeometricStep;
import io.jdatagen.augment.Resampling;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What Keras's affine layers (RandomRotation, RandomTranslation, RandomZoom, RandomShear) share: the
 * fill mode, fill value, interpolation and seed, the warp settings they give, and their config's base
 * keys. Keras's transformation of each is a projective matrix {@code [a0, a1, a2, b0, b1, b2, 0, 0]}
 * that maps an output point {@code (x, y)} = (column, row) to the input point
 * {@code (a0·x + a1·y + a2, b0·x + b1·y + b2)}: the inverse map this library's geometries hold,
 * with the axes swapped ({@link #inverse}).
 *
 * @param <P> the drawn transformation of one sample
 */
abstract class AffineLayer<P> extends KerasLayerBase implements GeometricStep<P> {
    final Map<String, Object> base;
    final String fillMode;
    final String interpolation;
    final double fillValue;
    final Number seed;
    private final Resampling resampling;

    AffineLayer(Map<String, Object> base, String fillMode, String interpolation, double fillValue, Number seed) {
        GeometricArgs.checkModes(fillMode, interpolation);
        this.base = base;
        this.fillMode = fillMode;
        this.interpolation = interpolation;
        this.fillValue = fillValue;
        this.seed = GeometricArgs.seed(seed);
        this.resampling = GeometricArgs.resampling(fillMode, interpolation, fillValue);
    }

    /**
     * {@return the config of a layer with two factor arguments in Keras's key order: the base keys, the two
     * factors, then {@code fill_mode}, {@code interpolation}, {@code seed} and {@code fill_value} (the order of
     * {@code RandomTranslation}, {@code RandomZoom} and {@code RandomShear})}
     */
    final Map<String, Object> factorsConfig(String firstKey, Object first, String secondKey, Object second) {
        Map<String, Object> m = new LinkedHashMap<>(base);
        m.put(firstKey, first);
        m.put(secondKey, second);
        m.put("fill_mode", fillMode);
        m.put("interpolation", interpolation);
        m.put("seed", seed);
        m.put("fill_value", fillValue);
        return m;
    }

    /**
     * {@return Keras's projective matrix {@code [a0, a1, a2, b0, b1, b2]} (x = column, y = row) as this
     * library's inverse {@code {m00, m01, off0, m10, m11, off1}} over (row, column)}
     */
    static double[] inverse(double a0, double a1, double a2, double b0, double b1, double b2) {
        return new double[] {b1, b0, b2, a1, a0, a2};
    }

    @Override
    public Resampling resampling() {
        return resampling;
    }
}
