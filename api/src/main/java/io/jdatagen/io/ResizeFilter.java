package io.jdatagen.io;

import io.jdatagen.core.OptionNames;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Pillow's resampling filters, as Keras's {@code load_img} names them, with Pillow's kernels and
 * supports (Resample.c): box 0.5, bilinear (triangle) 1, hamming 1, bicubic (a = -0.5) 2,
 * lanczos 3. {@link #NEAREST} picks the source pixel under each output pixel centre.
 */
public enum ResizeFilter {
    /** Nearest neighbour (Keras's default for directory and dataframe sources). */
    NEAREST(0),
    /** Triangle filter, antialiased when shrinking. */
    BILINEAR(1),
    /** Cubic convolution with a = -0.5. */
    BICUBIC(2),
    /** Windowed sinc with three lobes. */
    LANCZOS(3),
    /** Box filter: the exact average of the covered pixels. */
    BOX(0.5),
    /** Hamming-windowed sinc with one lobe. */
    HAMMING(1);

    private final double support;

    ResizeFilter(double support) {
        this.support = support;
    }

    /** The kernel's half-width in source pixels at scale 1. */
    double support() {
        return support;
    }

    /** The kernel value at {@code x} (Pillow's definitions). */
    double weight(double x) {
        double a = Math.abs(x);
        return switch (this) {
            case BOX -> x > -0.5 && x <= 0.5 ? 1 : 0;
            case BILINEAR -> a < 1 ? 1 - a : 0;
            case HAMMING -> a == 0 ? 1 : a >= 1 ? 0 : Math.sin(Math.PI * a) / (Math.PI * a)
                    * (0.54 + 0.46 * Math.cos(Math.PI * a));
            case BICUBIC -> a < 1 ? ((-0.5 + 2) * a - (-0.5 + 3)) * a * a + 1
                    : a < 2 ? (((a - 5) * a + 8) * a - 4) * -0.5 : 0;
            case LANCZOS -> x >= -3 && x < 3 ? sinc(x) * sinc(x / 3) : 0;
            case NEAREST -> throw new IllegalStateException("nearest has no kernel");
        };
    }

    private static double sinc(double x) {
        if (x == 0) {
            return 1;
        }
        double px = Math.PI * x;
        return Math.sin(px) / px;
    }

    /** {@return Keras's spelling (lower case)} */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses Keras's spelling under {@link OptionNames}' rule (case and surrounding blanks ignored).
     *
     * @return the resize filter
     * @throws IllegalArgumentException with Keras's message for another value, and a hint when a
     *     spelling is close
     */
    public static ResizeFilter fromName(String name) {
        List<String> names = Arrays.stream(values()).map(ResizeFilter::configName).toList();
        return OptionNames.find(name, Arrays.asList(values()), ResizeFilter::configName).orElseThrow(
                () -> new IllegalArgumentException("Invalid interpolation method " + name
                        + " specified. Supported methods are " + String.join(", ", names)
                        + OptionNames.hint(name, names).replaceFirst("^ ", ". ")));
    }
}
