package io.jdatagen.io;

import io.jdatagen.core.OptionNames;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The color mode images are loaded in (Keras's {@code color_mode}). */
public enum ColorMode {
    /** One channel: Pillow's {@code L}. */
    GRAYSCALE(1),
    /** Three channels (the default). */
    RGB(3),
    /** Four channels, alpha last. */
    RGBA(4);

    private final int channels;

    ColorMode(int channels) {
        this.channels = channels;
    }

    /** {@return channels per pixel in this mode} */
    public int channels() {
        return channels;
    }

    /** {@return Keras's spelling: {@code grayscale}, {@code rgb} or {@code rgba}} */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * {@return the mode {@code name} names under {@link OptionNames}' rule (case and surrounding
     * blanks ignored), or empty}
     *
     * @param name a colour mode as the user spelled it (e.g. {@code "RGB"}); may be null
     */
    public static Optional<ColorMode> find(String name) {
        return OptionNames.find(name, Arrays.asList(values()), ColorMode::configName);
    }

    /**
     * {@return the close spelling hint for an unknown {@code name}, to append to Keras's message}
     *
     * @param name a colour mode as the user spelled it (e.g. {@code "RGB"}); may be null
     */
    public static String hint(String name) {
        return OptionNames.hint(name, Arrays.stream(values()).map(ColorMode::configName).toList());
    }

    /**
     * Parses Keras's spelling under {@link OptionNames}' rule (case and surrounding blanks ignored).
     *
     * @return the color mode
     * @throws IllegalArgumentException with Keras's message for another value, and a hint when a
     *     spelling is close
     */
    public static ColorMode fromName(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("Invalid color mode: " + name
                + "; expected \"rgb\", \"rgba\", or \"grayscale\"." + hint(name)));
    }
}
