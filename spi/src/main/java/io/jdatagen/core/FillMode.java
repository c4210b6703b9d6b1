package io.jdatagen.core;

import java.util.Arrays;

/**
 * How points outside the source image are filled: the boundary modes of
 * {@code scipy.ndimage.affine_transform}, which Keras passes through.
 */
public enum FillMode {
    /** Outside {@code [0, n-1]} the whole output pixel is the fill value (a hard cut, no blend). */
    CONSTANT("constant"),
    /** The edge sample is repeated ({@code aaaa|abcd|dddd}). */
    NEAREST("nearest"),
    /** Half-sample symmetric reflection ({@code dcba|abcd|dcba}). */
    REFLECT("reflect"),
    /**
     * Periodic repetition; the period (scipy's {@code n - 1} or a true {@code n}) is the warp plan's
     * wrap convention.
     */
    WRAP("wrap"),
    /** Whole-sample symmetric reflection, period {@code 2n-2} ({@code dcb|abcd|cba}). */
    MIRROR("mirror"),
    /** Periodic repetition with period {@code n} ({@code abcd|abcd|abcd}). */
    GRID_WRAP("grid-wrap"),
    /** Every interpolation tap outside the image takes the fill value, so edges blend with it. */
    GRID_CONSTANT("grid-constant"),
    /** scipy's alias of {@link #REFLECT}. */
    GRID_MIRROR("grid-mirror");

    private final String kerasName;

    FillMode(String kerasName) {
        this.kerasName = kerasName;
    }

    /** {@return the Keras / scipy spelling} */
    public String kerasName() {
        return kerasName;
    }

    /**
     * Parses a Keras name under {@link OptionNames}' rule (case and surrounding blanks ignored).
     *
     * @return the fill mode
     * @throws IllegalArgumentException naming the value, a close spelling and the allowed ones
     */
    public static FillMode fromKerasName(String name) {
        return OptionNames.parse("fillMode", name, Arrays.asList(values()), FillMode::kerasName);
    }
}
