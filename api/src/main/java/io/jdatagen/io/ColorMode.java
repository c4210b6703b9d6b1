package io.jdatagen.io;

import java.util.Locale;

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
     * Parses Keras's spelling.
     *
     * @param name the name
     * @return the color mode
     * @throws IllegalArgumentException with Keras's message for another value
     */
    public static ColorMode fromName(String name) {
        for (ColorMode m : values()) {
            if (m.configName().equals(name)) {
                return m;
            }
        }
        throw new IllegalArgumentException("Invalid color mode: " + name
                + "; expected \"rgb\", \"rgba\", or \"grayscale\".");
    }
}
