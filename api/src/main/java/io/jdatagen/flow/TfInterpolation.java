package io.jdatagen.flow;

import java.util.Arrays;
import java.util.Locale;

/** The {@code interpolation} values of Keras 3's {@code image_dataset_from_directory}, in Keras's order. */
enum TfInterpolation {
    BILINEAR, NEAREST, BICUBIC, AREA, LANCZOS3, LANCZOS5, GAUSSIAN, MITCHELLCUBIC;

    /** {@return Keras's spelling, e.g. {@code mitchellcubic}} */
    String kerasName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * {@return the method named {@code name}, case-insensitively as Keras lower-cases it}
     *
     * @throws IllegalArgumentException with Keras's message for any other name
     */
    static TfInterpolation fromName(String name) {
        for (TfInterpolation m : values()) {
            if (name != null && m.kerasName().equals(name.toLowerCase(Locale.ROOT))) {
                return m;
            }
        }
        throw new IllegalArgumentException("Argument `interpolation` should be one of "
                + Arrays.stream(values()).map(m -> "'" + m.kerasName() + "'").toList().toString()
                        .replace('[', '(').replace(']', ')')
                + ". Received: interpolation=" + name);
    }

    /**
     * {@return whether Keras's crop path can use this method: it resizes the crop with its TensorFlow
     * backend's {@code resize}, which offers neither {@code gaussian} nor {@code mitchellcubic}}
     */
    boolean cropsWithBackend() {
        return this != GAUSSIAN && this != MITCHELLCUBIC;
    }
}
